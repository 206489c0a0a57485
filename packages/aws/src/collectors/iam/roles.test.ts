import { describe, expect, it } from 'vitest';
import { transformRoles } from './roles.ts';

const trust = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'sts:AssumeRole' },
    ],
  }),
);

describe('transformRoles', () => {
  it('loads principals, inline policies, roles with their trust, then instance profiles', () => {
    const loads = transformRoles(
      {
        RoleDetailList: [
          {
            Path: '/',
            RoleName: 'app',
            RoleId: 'AROAEXAMPLEID',
            Arn: 'arn:aws:iam::123456789012:role/app',
            CreateDate: new Date('2020-01-02T03:04:05Z'),
            AssumeRolePolicyDocument: trust,
            InstanceProfileList: [
              {
                Path: '/',
                InstanceProfileName: 'app',
                InstanceProfileId: 'AIPAEXAMPLEID',
                Arn: 'arn:aws:iam::123456789012:instance-profile/app',
                CreateDate: new Date('2020-01-02T03:04:05Z'),
                Roles: [
                  {
                    RoleName: 'app',
                    Arn: 'arn:aws:iam::123456789012:role/app',
                    Path: '/',
                    RoleId: 'x',
                    CreateDate: new Date(),
                  },
                ],
              },
            ],
            RolePolicyList: [
              {
                PolicyName: 'read-logs',
                PolicyDocument: encodeURIComponent(
                  JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['logs:Get*'], Resource: '*' }] }),
                ),
              },
            ],
            AttachedManagedPolicies: [
              { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
          },
        ],
      },
      { accountId: '123456789012' },
    );
    expect(loads.map((l) => l.schema.label)).toEqual([
      'AWSRootPrincipal',
      'AWSServicePrincipal',
      'AWSFederatedPrincipal',
      'AWSInlinePolicy',
      'AWSPolicyStatement',
      'AWSRole',
      'AWSInstanceProfile',
    ]);
    const byLabel = Object.fromEntries(
      loads.map((l) => [l.schema.label, l.rows as unknown as Record<string, unknown>[]]),
    );
    expect(byLabel.AWSRootPrincipal).toEqual([
      { id: 'arn:aws:iam::123456789012:root', arn: 'arn:aws:iam::123456789012:root' },
    ]);
    expect(byLabel.AWSServicePrincipal).toEqual([
      { id: 'ec2.amazonaws.com', arn: 'ec2.amazonaws.com', type: 'Service' },
    ]);
    expect(byLabel.AWSPolicyStatement).toEqual([
      expect.objectContaining({
        id: 'arn:aws:iam::123456789012:role/app/inline_policy/read-logs/statement/1',
        effect: 'Allow',
        action: ['logs:Get*'],
        resource: ['*'],
        policy: 'arn:aws:iam::123456789012:role/app/inline_policy/read-logs',
      }),
    ]);
    expect(byLabel.AWSRole?.[0]).toMatchObject({
      id: 'arn:aws:iam::123456789012:role/app',
      name: 'app',
      createdate: '2020-01-02T03:04:05.000Z',
      trusted_aws_principals: ['arn:aws:iam::210987654321:root'],
      policies: [
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:iam::123456789012:role/app/inline_policy/read-logs',
      ],
      trusts: ['arn:aws:iam::210987654321:root', 'ec2.amazonaws.com'],
    });
    expect(byLabel.AWSInstanceProfile).toEqual([
      expect.objectContaining({
        id: 'arn:aws:iam::123456789012:instance-profile/app',
        instance_profile_name: 'app',
        roles: ['arn:aws:iam::123456789012:role/app'],
      }),
    ]);
  });
});
