import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSUser } from './iam-principal.ts';
import { AWSAccount } from './organization.ts';

/** An MFA device of an IAM user (virtual or hardware), keyed by its serial number. */
export const AWSMfaDevice = defineNode({
  label: 'AWSMfaDevice',
  extraLabels: ['MfaDevice'],
  key: 'id',
  properties: {
    id: 'string',
    /** A virtual device's ARN, or a hardware device's serial number. */
    serialnumber: 'string',
    username: 'string?',
    user_arn: 'string?',
    enabledate: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    user: defineRel('MFA_DEVICE', refOf(AWSUser, 'arn'), {
      direction: 'in',
      description: 'the user the device is assigned to',
    }),
  },
  description: 'An MFA device of an IAM user (IAM ListMFADevices).',
});
