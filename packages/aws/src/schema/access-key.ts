import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSUser } from './iam-principal.ts';
import { AWSAccount } from './organization.ts';

/** An IAM user access key, keyed by its access key id. */
export const AccountAccessKey = defineNode({
  label: 'AWSAccountAccessKey',
  extraLabels: ['APIKey'],
  legacyLabels: ['AccountAccessKey'],
  key: 'id',
  properties: {
    id: 'string',
    accesskeyid: 'string',
    /** `Active` or `Inactive`. */
    status: 'string?',
    createdate: 'string?',
    lastuseddate: 'string?',
    lastusedservice: 'string?',
    lastusedregion: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    user: defineRel('AWS_ACCESS_KEY', refOf(AWSUser), {
      direction: 'in',
      description: 'the user the key authenticates',
    }),
    owner: defineRel('OWNED_BY', refOf(AWSUser), {
      description: "the same user, under Cartography's newer relationship from the key",
    }),
  },
  description: 'An access key of an IAM user (IAM ListAccessKeys, GetAccessKeyLastUsed).',
});
