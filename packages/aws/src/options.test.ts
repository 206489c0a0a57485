import { envNameOf, resolveConfig } from '@skygraph/core';
import { describe, expect, it } from 'vitest';
import { AWS_SERVICES, awsOptions } from './options.ts';

describe('awsOptions', () => {
  it('keeps the flag names scripts rely on, each with its SKYGRAPH_ variable', () => {
    expect(Object.values(awsOptions).map((o) => [o.flag, envNameOf(o.flag)])).toEqual([
      ['aws-discovery', 'SKYGRAPH_AWS_DISCOVERY'],
      ['aws-accounts', 'SKYGRAPH_AWS_ACCOUNTS'],
      ['aws-exclude-accounts', 'SKYGRAPH_AWS_EXCLUDE_ACCOUNTS'],
      ['aws-include-ous', 'SKYGRAPH_AWS_INCLUDE_OUS'],
      ['aws-exclude-ous', 'SKYGRAPH_AWS_EXCLUDE_OUS'],
      ['aws-role-name', 'SKYGRAPH_AWS_ROLE_NAME'],
      ['aws-external-id-env-var', 'SKYGRAPH_AWS_EXTERNAL_ID_ENV_VAR'],
      ['aws-role-session-name', 'SKYGRAPH_AWS_ROLE_SESSION_NAME'],
      ['aws-role-duration', 'SKYGRAPH_AWS_ROLE_DURATION'],
      ['aws-regions', 'SKYGRAPH_AWS_REGIONS'],
      ['aws-services', 'SKYGRAPH_AWS_SERVICES'],
      ['aws-concurrency', 'SKYGRAPH_AWS_CONCURRENCY'],
      ['aws-endpoint', 'SKYGRAPH_AWS_ENDPOINT'],
    ]);
  });

  it('defaults to the organisation, the standard audit role, every service and enabled regions', () => {
    expect(resolveConfig(awsOptions, { env: {} })).toEqual({
      awsDiscovery: 'organizations',
      awsAccounts: [],
      awsExcludeAccounts: [],
      awsIncludeOus: [],
      awsExcludeOus: [],
      awsRoleName: 'role-security-audit',
      awsExternalIdEnvVar: undefined,
      awsRoleSessionName: 'skygraph',
      awsRoleDuration: 3600,
      awsRegions: [],
      // Every service, whatever the list holds as services are added.
      awsServices: [...AWS_SERVICES],
      awsConcurrency: 8,
      awsEndpoint: undefined,
    });
  });

  it('reads lists and numbers from the environment and says what is wrong', () => {
    const config = resolveConfig(awsOptions, {
      env: {
        SKYGRAPH_AWS_REGIONS: 'eu-west-1, us-east-1',
        SKYGRAPH_AWS_SERVICES: 'iam,s3,iam',
        SKYGRAPH_AWS_ROLE_DURATION: '7200',
      },
    });
    expect(config.awsRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(config.awsServices).toEqual(['iam', 's3']);
    expect(config.awsRoleDuration).toBe(7200);
    expect(() => resolveConfig(awsOptions, { env: { SKYGRAPH_AWS_ROLE_DURATION: '60' } })).toThrow(
      /SKYGRAPH_AWS_ROLE_DURATION: expected at least 900 seconds/,
    );
    expect(() => resolveConfig(awsOptions, { env: { SKYGRAPH_AWS_DISCOVERY: 'stackset' } })).toThrow(
      /expected one of organizations, profiles, accounts/,
    );
  });
});
