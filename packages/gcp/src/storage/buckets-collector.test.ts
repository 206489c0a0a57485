import { describe, expect, it } from 'vitest';
import { type BucketPage, transformBuckets } from './buckets-collector.ts';

// buckets.list (projection=full) and buckets.getIamPolicy as documented.
const page: BucketPage = {
  buckets: [
    {
      kind: 'storage#bucket',
      selfLink: 'https://www.googleapis.com/storage/v1/b/acme-site',
      id: 'acme-site',
      name: 'acme-site',
      projectNumber: '123456789012',
      metageneration: '3',
      location: 'US',
      storageClass: 'STANDARD',
      etag: 'CAM=',
      timeCreated: '2023-05-01T12:00:00.000Z',
      updated: '2023-05-02T12:00:00.000Z',
      iamConfiguration: {
        bucketPolicyOnly: { enabled: true, lockedTime: '2023-07-30T12:00:00.000Z' },
        uniformBucketLevelAccess: { enabled: true, lockedTime: '2023-07-30T12:00:00.000Z' },
        publicAccessPrevention: 'inherited',
      },
      locationType: 'multi-region',
      labels: { team: 'web', env: 'prod' },
    },
    {
      kind: 'storage#bucket',
      id: 'acme-backups',
      name: 'acme-backups',
      projectNumber: '123456789012',
      location: 'EU',
      storageClass: 'NEARLINE',
      iamConfiguration: {
        uniformBucketLevelAccess: { enabled: true },
        publicAccessPrevention: 'enforced',
      },
      encryption: { defaultKmsKeyName: 'projects/acme/locations/eu/keyRings/r/cryptoKeys/k' },
      versioning: { enabled: true },
      retentionPolicy: { retentionPeriod: '2592000', effectiveTime: '2023-05-01T12:00:00.000Z' },
      logging: { logBucket: 'acme-logs', logObjectPrefix: 'backups' },
    },
    {
      kind: 'storage#bucket',
      id: 'acme-legacy',
      name: 'acme-legacy',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
      owner: { entity: 'project-owners-123456789012' },
      defaultObjectAcl: [{ kind: 'storage#objectAccessControl', entity: 'allUsers', role: 'READER' }],
    },
  ],
  policies: {
    'acme-site': {
      kind: 'storage#policy',
      resourceId: 'projects/_/buckets/acme-site',
      version: 1,
      etag: 'CAM=',
      bindings: [
        { role: 'roles/storage.legacyBucketOwner', members: ['projectOwner:acme', 'projectEditor:acme'] },
        { role: 'roles/storage.objectViewer', members: ['allUsers'] },
      ],
    },
    'acme-backups': {
      bindings: [{ role: 'roles/storage.objectViewer', members: ['allAuthenticatedUsers'] }],
    },
    'acme-legacy': { bindings: [] },
  },
};

describe('transformBuckets', () => {
  it('marks buckets public from IAM bindings and ACLs unless public access prevention is enforced', () => {
    const [buckets] = transformBuckets(page);
    const byId = Object.fromEntries(buckets?.rows.map((row) => [(row as { id: string }).id, row]) ?? []);
    expect(byId['acme-site']).toMatchObject({
      public_access: true,
      acl_public: false,
      iam_public_members: ['allUsers'],
      iam_public_roles: ['roles/storage.objectViewer'],
      iam_config_uniform_bucket_level_access: true,
      iam_config_public_access_prevention: 'inherited',
      project_number: '123456789012',
      meta_generation: '3',
    });
    expect(byId['acme-backups']).toMatchObject({
      public_access: false,
      iam_public_members: ['allAuthenticatedUsers'],
      default_kms_key_name: 'projects/acme/locations/eu/keyRings/r/cryptoKeys/k',
      versioning_enabled: true,
      retention_period: '2592000',
      log_bucket: 'acme-logs',
    });
    expect(byId['acme-legacy']).toMatchObject({
      public_access: true,
      // Cartography's flag: public through the (default object) ACL.
      acl_public: true,
      iam_public_members: ['allUsers'],
      iam_public_roles: [],
      owner_entity: 'project-owners-123456789012',
    });
  });

  it("loads one GCPLabel per bucket, key and value, keyed as Cartography's label model keys it", () => {
    const [, labels] = transformBuckets(page);
    const row = (key: string, value: string) => ({
      id: `acme-site:${key}:${value}`,
      key,
      value,
      resource_type: 'GCPBucket',
      bucket_id: 'acme-site',
      bucket: 'acme-site',
      taggedBucket: 'acme-site',
    });
    expect(labels?.rows).toEqual([row('team', 'web'), row('env', 'prod')]);
  });
});
