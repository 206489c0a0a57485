import {
  decodePageToken,
  GoogleApiError,
  invalidArgument,
  notFoundError,
  paginate,
  readPageSize,
} from '@skygraph/core/emulator-kit';
import type { ApiRouter } from './api-route.ts';
import { findBucket, findProject, type GcpProject, type GcsBucket } from './estate.ts';

const STORAGE_BASE = 'https://www.googleapis.com/storage/v1';
const LOCK_WINDOW_MS = 90 * 86_400_000;

/** Storage etags encode the metageneration (`CAE=` is metageneration 1). */
function etag(metageneration: number): string {
  const bytes = [0x08];
  let n = metageneration;
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 0x80);
  }
  bytes.push(n);
  return Buffer.from(bytes).toString('base64');
}

/** ACL entity for an IAM member, where one exists (`allUsers`, `user-x@y`, `group-x@y`). */
function aclEntity(member: string): string | undefined {
  if (member === 'allUsers' || member === 'allAuthenticatedUsers') return member;
  const [type, email] = member.split(':');
  if ((type === 'user' || type === 'group' || type === 'domain') && email) return `${type}-${email}`;
  return undefined;
}

function renderAcls(project: GcpProject, bucket: GcsBucket): Record<string, unknown> {
  const num = project.projectNumber;
  const tag = etag(bucket.metageneration);
  const teams = [
    { team: 'owners', role: 'OWNER' },
    { team: 'editors', role: 'OWNER' },
    { team: 'viewers', role: 'READER' },
  ];
  const bucketAcl = (entity: string, role: string, extra: Record<string, unknown> = {}) => ({
    kind: 'storage#bucketAccessControl',
    id: `${bucket.name}/${entity}`,
    selfLink: `${STORAGE_BASE}/b/${bucket.name}/acl/${entity}`,
    bucket: bucket.name,
    entity,
    role,
    etag: tag,
    ...extra,
  });
  const objectAcl = (entity: string, role: string, extra: Record<string, unknown> = {}) => ({
    kind: 'storage#objectAccessControl',
    entity,
    role,
    etag: tag,
    ...extra,
  });
  const acl = teams.map(({ team, role }) =>
    bucketAcl(`project-${team}-${num}`, role, { projectTeam: { projectNumber: num, team } }),
  );
  const defaultObjectAcl = teams.map(({ team, role }) =>
    objectAcl(`project-${team}-${num}`, role, { projectTeam: { projectNumber: num, team } }),
  );
  const bucketRoles: Record<string, string> = {
    'roles/storage.legacyBucketReader': 'READER',
    'roles/storage.legacyBucketWriter': 'WRITER',
    'roles/storage.legacyBucketOwner': 'OWNER',
  };
  const objectRoles: Record<string, string> = {
    'roles/storage.legacyObjectReader': 'READER',
    'roles/storage.legacyObjectOwner': 'OWNER',
  };
  for (const binding of bucket.iamBindings) {
    for (const member of binding.members) {
      const entity = aclEntity(member);
      if (!entity) continue;
      const bucketRole = bucketRoles[binding.role];
      const objectRole = objectRoles[binding.role];
      if (bucketRole) acl.push(bucketAcl(entity, bucketRole));
      if (objectRole) defaultObjectAcl.push(objectAcl(entity, objectRole));
    }
  }
  return { acl, defaultObjectAcl, owner: { entity: `project-owners-${num}` } };
}

export function renderBucket(
  project: GcpProject,
  bucket: GcsBucket,
  projection: 'noAcl' | 'full',
): Record<string, unknown> {
  const lockedTime = new Date(Date.parse(bucket.timeCreated) + LOCK_WINDOW_MS).toISOString();
  const ubla = bucket.uniformBucketLevelAccess ? { enabled: true, lockedTime } : { enabled: false };
  const body: Record<string, unknown> = {
    kind: 'storage#bucket',
    selfLink: `${STORAGE_BASE}/b/${bucket.name}`,
    id: bucket.name,
    name: bucket.name,
    projectNumber: project.projectNumber,
    metageneration: String(bucket.metageneration),
    location: bucket.location,
    storageClass: bucket.storageClass,
    etag: etag(bucket.metageneration),
    timeCreated: bucket.timeCreated,
    updated: bucket.updated,
    softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: bucket.timeCreated },
    iamConfiguration: {
      bucketPolicyOnly: ubla,
      uniformBucketLevelAccess: ubla,
      publicAccessPrevention: bucket.publicAccessPrevention,
    },
    locationType: bucket.locationType,
  };
  if (bucket.locationType !== 'region') body.rpo = 'DEFAULT';
  if (bucket.versioning) body.versioning = { enabled: true };
  if (bucket.defaultKmsKeyName) body.encryption = { defaultKmsKeyName: bucket.defaultKmsKeyName };
  if (Object.keys(bucket.labels).length > 0) body.labels = bucket.labels;
  if (bucket.logging) body.logging = bucket.logging;
  if (bucket.retentionPeriodSeconds !== undefined) {
    body.retentionPolicy = {
      retentionPeriod: String(bucket.retentionPeriodSeconds),
      effectiveTime: bucket.timeCreated,
    };
  }
  // Fine-grained ACLs exist only without uniform bucket-level access, and only with projection=full.
  if (projection === 'full' && !bucket.uniformBucketLevelAccess)
    Object.assign(body, renderAcls(project, bucket));
  return body;
}

function readProjection(query: URLSearchParams, fallback: 'noAcl' | 'full'): 'noAcl' | 'full' {
  const value = query.get('projection');
  if (value === null || value === '') return fallback;
  if (value === 'full' || value === 'noAcl') return value;
  throw new GoogleApiError(invalidArgument(`Invalid value for projection: ${value}`));
}

function bucketNotFound(): GoogleApiError {
  return new GoogleApiError(notFoundError('The specified bucket does not exist.'));
}

/** Cloud Storage JSON API v1: `buckets.list`, `buckets.get`, `buckets.getIamPolicy`. */
export const storageRouter: ApiRouter = (request) => {
  const s = request.segments;
  if (s[0] !== 'storage' || s[1] !== 'v1' || s[2] !== 'b' || request.method !== 'GET') return undefined;
  const gate = (permission: string) =>
    ({ permission, requiresApi: 'storage.googleapis.com', missingProject: 'notFound' }) as const;

  if (s.length === 3) {
    const key = request.query.get('project');
    if (key === null || key === '') {
      return {
        service: 'storage',
        operation: 'storage.buckets.list',
        handle: () => {
          throw new GoogleApiError({
            httpStatus: 400,
            status: 'INVALID_ARGUMENT',
            message: 'Required parameter: project',
            reason: 'required',
          });
        },
      };
    }
    return {
      service: 'storage',
      operation: 'storage.buckets.list',
      project: key,
      gate: gate('storage.buckets.list'),
      handle: () => {
        const project = findProject(request.estate, key);
        if (!project) throw new GoogleApiError(notFoundError('The requested project was not found.'));
        const prefix = request.query.get('prefix') ?? '';
        const projection = readProjection(request.query, 'noAcl');
        const buckets = project.buckets
          .filter((bucket) => bucket.name.startsWith(prefix))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const listKey = `buckets:${project.projectNumber}:${prefix}`;
        const offset = decodePageToken(request.query.get('pageToken'), listKey);
        const page = paginate(
          buckets,
          readPageSize(request.query, 'maxResults', { default: 1000, max: 1000 }),
          offset,
          listKey,
        );
        const body: Record<string, unknown> = { kind: 'storage#buckets' };
        if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
        if (page.items.length > 0)
          body.items = page.items.map((bucket) => renderBucket(project, bucket, projection));
        return body;
      },
    };
  }

  const bucketName = s[3] ?? '';
  const found = findBucket(request.estate, bucketName);
  if (s.length === 4 || (s.length === 5 && s[4] === 'iam')) {
    const isIam = s.length === 5;
    return {
      service: 'storage',
      operation: isIam ? 'storage.buckets.getIamPolicy' : 'storage.buckets.get',
      ...(found
        ? {
            project: found.project.projectId,
            gate: gate(isIam ? 'storage.buckets.getIamPolicy' : 'storage.buckets.get'),
          }
        : {}),
      handle: () => {
        const current = findBucket(request.estate, bucketName);
        if (!current) throw bucketNotFound();
        const { project, bucket } = current;
        if (!isIam) return renderBucket(project, bucket, readProjection(request.query, 'noAcl'));
        return {
          kind: 'storage#policy',
          resourceId: `projects/_/buckets/${bucket.name}`,
          version: 1,
          etag: etag(bucket.metageneration),
          bindings: bucket.iamBindings.map((binding) => ({
            role: binding.role,
            members: [...binding.members],
          })),
        };
      },
    };
  }
  return undefined;
};
