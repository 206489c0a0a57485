import { describe, expect, it } from 'vitest';
import { transformRepositories } from './repositories.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };
const repository = (name: string) => ({
  repositoryArn: `arn:aws:ecr:us-east-1:111122223333:repository/${name}`,
  registryId: '111122223333',
  repositoryName: name,
  repositoryUri: `111122223333.dkr.ecr.us-east-1.amazonaws.com/${name}`,
  imageTagMutability: 'MUTABLE' as const,
  imageScanningConfiguration: { scanOnPush: false },
});

describe('ECR transforms', () => {
  it('analyses the repository policy: public, cross-account, none, or unknown', () => {
    const policy = (principal: unknown) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: principal, Action: 'ecr:BatchGetImage' }],
      });
    const [repos] = transformRepositories(
      {
        repositories: [
          { repository: repository('public'), policy: policy('*'), images: [] },
          { repository: repository('partner'), policy: policy({ AWS: '444455556666' }), images: [] },
          { repository: repository('none'), policy: null, images: [] },
          { repository: repository('refused'), policy: undefined, images: [] },
        ],
      },
      where,
    );
    expect(
      repos.rows.map((r) => [r.name, r.has_policy, r.anonymous_access, r.cross_account_principals]),
    ).toEqual([
      ['public', true, true, []],
      ['partner', true, false, ['arn:aws:iam::444455556666:root']],
      ['none', false, false, []],
      ['refused', undefined, undefined, undefined],
    ]);
  });

  it('writes one image per digest and one repository image per tag, with the scan counts', () => {
    const image = {
      imageDigest: 'sha256:aa',
      imageTags: ['latest', 'v1'],
      imageScanStatus: { status: 'COMPLETE' as const },
      imageScanFindingsSummary: { findingSeverityCounts: { CRITICAL: 2, HIGH: 1 } },
    };
    const [, images, tags] = transformRepositories(
      {
        repositories: [
          { repository: repository('web'), policy: null, images: [image, { imageDigest: 'sha256:bb' }] },
          {
            repository: repository('copy'),
            policy: null,
            images: [{ imageDigest: 'sha256:aa', imageTags: ['x'] }],
          },
        ],
      },
      where,
    );
    expect(images.rows.map((i) => i.id)).toEqual(['sha256:aa', 'sha256:bb']);
    const uri = '111122223333.dkr.ecr.us-east-1.amazonaws.com/web';
    expect(tags.rows.map((t) => [t.id, t.critical_findings, t.low_findings, t.image])).toEqual([
      [`${uri}:latest`, 2, 0, 'sha256:aa'],
      [`${uri}:v1`, 2, 0, 'sha256:aa'],
      // An untagged image is keyed by the repository URI, as Cartography keys it.
      [uri, undefined, undefined, 'sha256:bb'],
      ['111122223333.dkr.ecr.us-east-1.amazonaws.com/copy:x', undefined, undefined, 'sha256:aa'],
    ]);
  });
});
