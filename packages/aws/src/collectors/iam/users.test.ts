import { describe, expect, it } from 'vitest';
import { transformUsers } from './users.ts';

describe('transformUsers', () => {
  it('links users to groups by name, policies, and access keys with their last use', () => {
    const [inline, statements, users, keys] = transformUsers({
      details: {
        UserDetailList: [
          {
            Path: '/',
            UserName: 'alice',
            UserId: 'AIDAEXAMPLE',
            Arn: 'arn:aws:iam::123456789012:user/alice',
            CreateDate: new Date('2019-05-01T00:00:00Z'),
            GroupList: ['admins', 'developers'],
            AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
            UserPolicyList: [],
          },
        ],
      },
      accessKeys: {
        alice: [
          {
            key: {
              UserName: 'alice',
              AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
              Status: 'Active',
              CreateDate: new Date('2019-05-02T00:00:00Z'),
            },
            lastUsed: {
              LastUsedDate: new Date('2024-01-01T10:00:00Z'),
              ServiceName: 's3',
              Region: 'us-east-1',
            },
          },
        ],
      },
      passwordLastUsed: { alice: '2024-02-02T00:00:00.000Z' },
    });
    expect(inline?.rows).toEqual([]);
    expect(statements?.rows).toEqual([]);
    expect(users?.rows).toEqual([
      {
        id: 'arn:aws:iam::123456789012:user/alice',
        arn: 'arn:aws:iam::123456789012:user/alice',
        userid: 'AIDAEXAMPLE',
        name: 'alice',
        path: '/',
        createdate: '2019-05-01T00:00:00.000Z',
        passwordlastused: '2024-02-02T00:00:00.000Z',
        policies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        groups: ['admins', 'developers'],
        memberOf: ['admins', 'developers'],
      },
    ]);
    expect(keys?.rows).toEqual([
      {
        id: 'AKIAIOSFODNN7EXAMPLE',
        accesskeyid: 'AKIAIOSFODNN7EXAMPLE',
        status: 'Active',
        createdate: '2019-05-02T00:00:00.000Z',
        lastuseddate: '2024-01-01T10:00:00.000Z',
        lastusedservice: 's3',
        lastusedregion: 'us-east-1',
        user: 'arn:aws:iam::123456789012:user/alice',
        owner: 'arn:aws:iam::123456789012:user/alice',
      },
    ]);
  });

  it('adds the console password and MFA of each user from the credential report', () => {
    const arn = 'arn:aws:iam::123456789012:user/bob';
    const [, , users] = transformUsers({
      details: { UserDetailList: [{ UserName: 'bob', Arn: arn, UserId: 'AIDABOB' }] },
      accessKeys: {},
      passwordLastUsed: {},
      credentials: {
        [arn]: {
          user: 'bob',
          arn,
          password_enabled: 'true',
          password_last_used: 'no_information',
          password_last_changed: '2024-03-01T08:00:00+00:00',
          password_next_rotation: 'N/A',
          mfa_active: 'false',
        },
      },
    });
    expect(users?.rows[0]).toMatchObject({
      password_enabled: true,
      password_last_changed: '2024-03-01T08:00:00.000Z',
      password_next_rotation: undefined,
      mfa_active: false,
    });
  });

  it('leaves the report fields unknown where the report could not be read', () => {
    const [, , users] = transformUsers({
      details: { UserDetailList: [{ UserName: 'bob', Arn: 'arn:aws:iam::123456789012:user/bob' }] },
      accessKeys: {},
      passwordLastUsed: {},
    });
    expect(users?.rows[0]?.password_enabled).toBeUndefined();
    expect(users?.rows[0]?.mfa_active).toBeUndefined();
  });
});
