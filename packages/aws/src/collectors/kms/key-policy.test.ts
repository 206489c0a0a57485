import { describe, expect, it } from 'vitest';
import { keyPolicyAccess } from './key-policy.ts';

const ACCOUNT = '111122223333';
const root = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

describe('keyPolicyAccess', () => {
  it('finds nothing in the default key policy', () => {
    expect(keyPolicyAccess({ Version: '2012-10-17', Statement: [root] }, ACCOUNT)).toEqual({
      anonymous_access: false,
      anonymous_actions: [],
      cross_account_principals: [],
    });
  });

  it('reports everyone without a condition as anonymous, with the actions allowed', () => {
    const access = keyPolicyAccess(
      {
        Statement: [
          root,
          { Effect: 'Allow', Principal: '*', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:DescribeKey', Resource: '*' },
        ],
      },
      ACCOUNT,
    );
    expect(access.anonymous_access).toBe(true);
    expect(access.anonymous_actions).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt']);
  });

  it('does not call an AWS managed key public: everyone is narrowed to the own account and a service', () => {
    const access = keyPolicyAccess(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['kms:Encrypt', 'kms:Decrypt'],
            Resource: '*',
            Condition: {
              StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT },
            },
          },
        ],
      },
      ACCOUNT,
    );
    expect(access).toEqual({ anonymous_access: false, anonymous_actions: [], cross_account_principals: [] });
  });

  it('names principals of other accounts, by ARN, account id or caller-account condition', () => {
    const access = keyPolicyAccess(
      {
        Statement: [
          root,
          {
            Effect: 'Allow',
            Principal: { AWS: ['444455556666', `arn:aws:iam::${ACCOUNT}:role/app`] },
            Action: 'kms:Decrypt',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::777788889999:role/vendor' },
            Action: 'kms:Decrypt',
          },
          { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'kms:*' },
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:Decrypt',
            Condition: { StringEquals: { 'kms:CallerAccount': ['222233334444', ACCOUNT] } },
          },
          { Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:Encrypt*' },
        ],
      },
      ACCOUNT,
    );
    expect(access.cross_account_principals).toEqual([
      'arn:aws:iam::222233334444:root',
      'arn:aws:iam::444455556666:root',
      'arn:aws:iam::777788889999:role/vendor',
    ]);
    expect(access.anonymous_access).toBe(false);
  });
});
