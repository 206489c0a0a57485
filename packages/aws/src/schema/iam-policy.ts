import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/** Any policy node (inline or managed), as relationships match it. */
export const AWS_POLICY = { label: 'AWSPolicy', key: 'id' } as const;

/**
 * A policy embedded in one user, group or role, keyed
 * `<principal arn>/inline_policy/<policy name>` (Cartography's id).
 */
export const AWSInlinePolicy = defineNode({
  label: 'AWSInlinePolicy',
  extraLabels: ['AWSPolicy'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    /** Always `inline`. */
    type: 'string',
    /** The ARN of the principal that embeds the policy. */
    principal_arn: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An IAM inline policy of a user, group or role.',
});

/**
 * A managed policy, keyed by its ARN: customer managed policies of the
 * account and the AWS managed policies its principals use (those are shared
 * by every account that uses them).
 */
export const AWSManagedPolicy = defineNode({
  label: 'AWSManagedPolicy',
  extraLabels: ['AWSPolicy'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    /** Always `managed`. */
    type: 'string',
    policyid: 'string?',
    path: 'string?',
    description: 'string?',
    default_version_id: 'string?',
    isattachable: 'boolean?',
    createdate: 'string?',
    updatedate: 'string?',
    /** True for AWS managed policies (`arn:aws:iam::aws:policy/...`). */
    aws_managed: 'boolean',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An IAM managed policy (customer or AWS managed) with its default version.',
});

/** The properties of a policy statement node, as Cartography names them for IAM statements. */
export const POLICY_STATEMENT_PROPERTIES = {
  id: 'string',
  sid: 'string?',
  /** `Allow` or `Deny`. */
  effect: 'string',
  action: 'string[]?',
  notaction: 'string[]?',
  resource: 'string[]?',
  notresource: 'string[]?',
  /** The statement's Condition block in a list, as JSON (`[{"Bool": {...}}]`, Cartography's shape). */
  condition: 'string?',
} as const;

/**
 * One statement of a policy document, keyed as Cartography keys it:
 * `<policy id>/statement/<Sid>`, or `<policy id>/statement/<n>` for the n-th
 * statement without a Sid.
 */
export const AWSPolicyStatement = defineNode({
  label: 'AWSPolicyStatement',
  key: 'id',
  properties: POLICY_STATEMENT_PROPERTIES,
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    policy: defineRel('STATEMENT', AWS_POLICY, {
      direction: 'in',
      description: 'the policy whose document holds the statement',
    }),
  },
  description: 'A statement of an IAM policy document (effect, actions, resources, conditions).',
});
