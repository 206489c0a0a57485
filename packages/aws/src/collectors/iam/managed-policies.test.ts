import { describe, expect, it } from 'vitest';
import { transformManagedPolicies } from './managed-policies.ts';

describe('transformManagedPolicies', () => {
  it('keeps the default version and keys statements by Sid, falling back to their position', () => {
    const document = (statements: unknown[]) =>
      encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
    const [policies, statements] = transformManagedPolicies({
      Policies: [
        {
          PolicyName: 'ReadOnlyAccess',
          PolicyId: 'ANPAILL3HVNFSB6DCOWYQ',
          Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          Path: '/',
          DefaultVersionId: 'v2',
          IsAttachable: true,
          PolicyVersionList: [
            {
              VersionId: 'v1',
              IsDefaultVersion: false,
              Document: document([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]),
            },
            {
              VersionId: 'v2',
              IsDefaultVersion: true,
              Document: document([
                { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
                {
                  Effect: 'Deny',
                  NotAction: 'iam:*',
                  Resource: '*',
                  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
                },
              ]),
            },
          ],
        },
      ],
    });
    expect(policies?.rows).toEqual([
      expect.objectContaining({
        id: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        name: 'ReadOnlyAccess',
        type: 'managed',
        default_version_id: 'v2',
        aws_managed: true,
      }),
    ]);
    expect(statements?.rows).toEqual([
      expect.objectContaining({
        id: 'arn:aws:iam::aws:policy/ReadOnlyAccess/statement/Read',
        sid: 'Read',
        action: ['s3:Get*', 's3:List*'],
      }),
      expect.objectContaining({
        id: 'arn:aws:iam::aws:policy/ReadOnlyAccess/statement/1',
        effect: 'Deny',
        notaction: ['iam:*'],
        // Cartography's shape: the block in a list, written as Python's json.dumps writes it.
        condition: '[{"Bool": {"aws:MultiFactorAuthPresent": "false"}}]',
        policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    ]);
  });
});
