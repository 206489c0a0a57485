import type { AnalysisJob } from '@skygraph/core';

/**
 * Lambda's internet exposure: sets `exposed_internet` and
 * `exposed_internet_type` on functions anyone can invoke, through a function
 * URL with auth type NONE (`function_url`) or a resource policy that allows
 * everyone (`policy`). Cartography's `anonymous_access` says the same in one
 * flag; the exposure properties let one query cover every exposed asset.
 * Every run first clears the flags, so a closed function disappears.
 */
export const lambdaExposureJob: AnalysisJob = {
  name: 'aws_lambda_exposure',
  description:
    'Flags Lambda functions anyone on the internet can invoke (public function URL or resource policy)',
  statements: [
    `MATCH (f:AWSLambda) WHERE f.exposed_internet IS NOT NULL
REMOVE f.exposed_internet, f.exposed_internet_type`,
    `MATCH (f:AWSLambda) WHERE f.function_url_auth_type = 'NONE' OR f.anonymous_access = true
WITH f, [t IN [CASE WHEN f.function_url_auth_type = 'NONE' THEN 'function_url' END,
  CASE WHEN any(a IN coalesce(f.anonymous_actions, []) WHERE a <> 'lambda:InvokeFunctionUrl') THEN 'policy' END] WHERE t IS NOT NULL] AS types
WHERE size(types) > 0
SET f.exposed_internet = true, f.exposed_internet_type = types`,
  ],
};
