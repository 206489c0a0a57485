import { defineNode, defineRel, refOf } from '@skygraph/core';
import { POLICY_STATEMENT_PROPERTIES } from './iam-policy.ts';
import { AWSAccount, AWSOrganization, AWSOrganizationalUnit, AWSOrganizationRoot } from './organization.ts';

/**
 * A service control policy (SCP) or resource control policy (RCP) of an
 * organisation, keyed `<org id>/<policy id>` as Cartography keys roots and
 * OUs: AWS's own FullAWSAccess has the same id and ARN in every
 * organisation, and its attachments differ. Cartography has no model for
 * these; the names follow its style.
 */
export const AWSOrganizationPolicy = defineNode({
  label: 'AWSOrganizationPolicy',
  key: 'id',
  properties: {
    id: 'string',
    /** The raw policy id, e.g. `p-a1b2c3d4` or `p-FullAWSAccess`. */
    policy_id: 'string',
    arn: 'string?',
    name: 'string?',
    description: 'string?',
    /** `SERVICE_CONTROL_POLICY` or `RESOURCE_CONTROL_POLICY`. */
    type: 'string',
    /** True for the policies AWS manages (FullAWSAccess, RCPFullAWSAccess). */
    aws_managed: 'boolean?',
    /** The policy document as Organizations returns it (JSON text). */
    content: 'string?',
    org_id: 'string',
  },
  scope: { owner: refOf(AWSOrganization), rel: 'RESOURCE' },
  relationships: {
    roots: defineRel('ATTACHED_TO', refOf(AWSOrganizationRoot), {
      description: 'the root the policy is attached to (it applies to the whole organisation)',
    }),
    ous: defineRel('ATTACHED_TO', refOf(AWSOrganizationalUnit), {
      description: 'an OU the policy is attached to (it applies to every account below)',
    }),
    accounts: defineRel('ATTACHED_TO', refOf(AWSAccount), {
      description: 'an account the policy is attached to directly',
    }),
  },
  description:
    'An AWS Organizations service control policy (SCP) or resource control policy (RCP), with the roots, OUs and accounts it is attached to.',
});

/**
 * One statement of an SCP or RCP, keyed as Cartography keys IAM statements:
 * `<policy id>/statement/<Sid>`, or `<policy id>/statement/<n>` for the n-th
 * statement without a Sid. A label of its own: an SCP's Allow grants
 * nothing, so IAM questions about `AWSPolicyStatement` must not find it.
 */
export const AWSOrganizationPolicyStatement = defineNode({
  label: 'AWSOrganizationPolicyStatement',
  key: 'id',
  properties: POLICY_STATEMENT_PROPERTIES,
  scope: { owner: refOf(AWSOrganization), rel: 'RESOURCE' },
  relationships: {
    policy: defineRel('STATEMENT', refOf(AWSOrganizationPolicy), {
      direction: 'in',
      description: 'the policy whose document holds the statement',
    }),
  },
  description:
    'A statement of a service or resource control policy (effect, actions, resources, conditions).',
});
