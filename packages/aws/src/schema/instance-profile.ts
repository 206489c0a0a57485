import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSRole } from './iam-principal.ts';
import { AWSAccount } from './organization.ts';

/** An IAM instance profile, keyed by its ARN. */
export const AWSInstanceProfile = defineNode({
  label: 'AWSInstanceProfile',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    instance_profile_id: 'string?',
    instance_profile_name: 'string',
    path: 'string?',
    createdate: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    roles: defineRel('ASSOCIATED_WITH', refOf(AWSRole), {
      description: 'the role the profile passes to instances',
    }),
  },
  description: 'An IAM instance profile: how an EC2 instance gets a role.',
});
