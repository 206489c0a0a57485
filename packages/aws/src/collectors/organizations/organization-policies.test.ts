import { describe, expect, it } from 'vitest';
import { organizationStatementRows, transformOrganizationPolicy } from './organization-policies.ts';

const ORG = 'o-exampleorgid';

// DescribePolicy and ListTargetsForPolicy as the Organizations API reference shows them.
const regionRestriction = {
  summary: {
    Id: 'p-examplepolicyid111',
    Arn: `arn:aws:organizations::111111111111:policy/${ORG}/service_control_policy/p-examplepolicyid111`,
    Name: 'region-restriction',
    Description: 'Workloads run only in the approved regions',
    Type: 'SERVICE_CONTROL_POLICY' as const,
    AwsManaged: false,
  },
  content: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideApprovedRegions',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      },
      { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
    ],
  }),
  targets: [
    {
      TargetId: 'r-examplerootid111',
      Arn: `arn:aws:organizations::111111111111:root/${ORG}/r-examplerootid111`,
      Name: 'Root',
      Type: 'ROOT' as const,
    },
    {
      TargetId: 'ou-examplerootid111-exampleouid111',
      Arn: `arn:aws:organizations::111111111111:ou/${ORG}/ou-examplerootid111-exampleouid111`,
      Name: 'Workloads',
      Type: 'ORGANIZATIONAL_UNIT' as const,
    },
    {
      TargetId: '333333333333',
      Arn: `arn:aws:organizations::111111111111:account/${ORG}/333333333333`,
      Name: 'prod',
      Type: 'ACCOUNT' as const,
    },
  ],
};

describe('transformOrganizationPolicy', () => {
  it('keys the policy by organisation and attaches it to the root, OU and account as the tree keys them', () => {
    const [policies, statements] = transformOrganizationPolicy(regionRestriction, ORG);
    expect(policies?.rows).toEqual([
      {
        id: `${ORG}/p-examplepolicyid111`,
        policy_id: 'p-examplepolicyid111',
        arn: regionRestriction.summary.Arn,
        name: 'region-restriction',
        description: 'Workloads run only in the approved regions',
        type: 'SERVICE_CONTROL_POLICY',
        aws_managed: false,
        content: regionRestriction.content,
        org_id: ORG,
        roots: [`${ORG}/r-examplerootid111`],
        ous: [`${ORG}/ou-examplerootid111-exampleouid111`],
        accounts: ['333333333333'],
      },
    ]);
    expect(statements?.rows).toEqual([
      {
        id: `${ORG}/p-examplepolicyid111/statement/DenyOutsideApprovedRegions`,
        sid: 'DenyOutsideApprovedRegions',
        effect: 'Deny',
        action: undefined,
        notaction: ['iam:*', 'sts:*'],
        resource: ['*'],
        notresource: undefined,
        condition: '[{"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}]',
        policy: `${ORG}/p-examplepolicyid111`,
      },
      {
        id: `${ORG}/p-examplepolicyid111/statement/1`,
        sid: undefined,
        effect: 'Deny',
        action: ['organizations:LeaveOrganization'],
        notaction: undefined,
        resource: ['*'],
        notresource: undefined,
        condition: undefined,
        policy: `${ORG}/p-examplepolicyid111`,
      },
    ]);
  });

  it("gives AWS's FullAWSAccess one node per organisation, since its attachments differ", () => {
    const fullAccess = {
      summary: {
        Id: 'p-FullAWSAccess',
        Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        Name: 'FullAWSAccess',
        Description: 'Allows access to every operation',
        Type: 'SERVICE_CONTROL_POLICY' as const,
        AwsManaged: true,
      },
      content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      targets: [],
    };
    const [a] = transformOrganizationPolicy(fullAccess, 'o-aaaaaaaaaa');
    const [b] = transformOrganizationPolicy(fullAccess, 'o-bbbbbbbbbb');
    expect(a?.rows[0]).toMatchObject({ id: 'o-aaaaaaaaaa/p-FullAWSAccess', aws_managed: true, roots: [] });
    expect(b?.rows[0]?.id).toBe('o-bbbbbbbbbb/p-FullAWSAccess');
  });

  it('loads a policy whose document is not JSON without statements, and skips a summary without id', () => {
    const [policies, statements] = transformOrganizationPolicy(
      { ...regionRestriction, content: 'not json' },
      ORG,
    );
    expect(policies?.rows[0]?.content).toBe('not json');
    expect(statements?.rows).toEqual([]);
    expect(transformOrganizationPolicy({ ...regionRestriction, summary: {} }, ORG)).toEqual([]);
  });
});

describe('organizationStatementRows', () => {
  it('numbers statements without a Sid and a repeated Sid, so none is lost', () => {
    const rows = organizationStatementRows(
      'o-x/p-y',
      JSON.stringify({
        Statement: [
          { Sid: 'A', Effect: 'Deny', Action: '*', Resource: '*' },
          { Sid: 'A', Effect: 'Deny', Action: 's3:*', Resource: '*' },
          { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
        ],
      }),
    );
    expect(rows.map((r) => r.id)).toEqual([
      'o-x/p-y/statement/A',
      'o-x/p-y/statement/1',
      'o-x/p-y/statement/2',
    ]);
  });
});
