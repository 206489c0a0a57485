import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinCatalogue,
  type CatalogueQuery,
  checkColumns,
  exportCommunityQueries,
  importCommunityQueries,
} from '../../src/catalogue/index.ts';
import { buildEstateGraph, type EstateGraph, type TestEstates } from '../fixtures/estate-graph.ts';

/**
 * Every catalogue query against a graph synced from the emulators: it runs,
 * its rows have exactly the declared columns and types, and each finding
 * returns the misconfigurations the emulators seed (and not their safe twins).
 */
let graph: EstateGraph;
beforeAll(async () => {
  graph = await buildEstateGraph();
});
afterAll(async () => {
  await graph?.close();
});

const column = (rows: Record<string, unknown>[], name: string) => rows.map((r) => String(r[name]));

/** Names (which repeat across accounts) every holder of which passes the test. */
function onlyWhere<T>(list: readonly T[], name: (t: T) => string, test: (t: T) => boolean): string[] {
  return [...new Set(list.map(name))].filter((n) => list.filter((t) => name(t) === n).every(test));
}

type Expectation = { column: string; includes: (RegExp | string)[]; excludes?: (RegExp | string)[] };

/**
 * What each finding must (and must not) report: the seeded resource names,
 * or, where names are generated, the ground truth of the emulator's estate.
 */
function seeded(estates: TestEstates): Record<string, Expectation> {
  const users = estates.workspace.users;
  const active = users.filter((u) => !u.suspended && !u.archived);
  const emails = (list: typeof users) => list.map((u) => u.primaryEmail);
  const admin = (u: (typeof users)[number]) => u.isAdmin || u.isDelegatedAdmin;
  const aws = estates.aws;
  // What a sync covers: active organisation members the audit role can be assumed in.
  const synced = aws.accounts.filter(
    (a) =>
      a.status === 'ACTIVE' &&
      a.parentId !== undefined &&
      a.iam.roles.some((r) => r.roleName === aws.auditRoleName),
  );
  const regions = synced.flatMap((a) => Object.values(a.regions));
  const allRegions = aws.accounts.flatMap((a) => Object.values(a.regions));
  const instances = regions.flatMap((r) => r.instances);
  const named = (name: string) =>
    instances
      .filter((i) => i.tags.some((t) => t.key === 'Name' && t.value === name))
      .map((i) => i.instanceId);
  const volumes = regions.flatMap((r) => r.volumes);
  const days = (iso: string) => (Date.now() - Date.parse(iso)) / 86_400_000;
  const outsideOrg = new Set(aws.accounts.filter((a) => a.parentId === undefined).map((a) => a.id));
  const peerings = regions.flatMap((r) => r.vpcPeeringConnections);
  const clusters = estates.gcp.projects.flatMap((p) => p.clusters.map((c) => c.name));
  const dbs = regions.flatMap((r) => r.dbInstances);
  const uniform = (list: typeof dbs, test: (d: (typeof dbs)[number]) => boolean) =>
    onlyWhere(list, (d) => d.dbInstanceIdentifier, test);
  const iamUsers = synced.flatMap((a) => a.iam.users);
  const kmsKeys = regions.flatMap((r) => r.kmsKeys);
  const keyIds = (test: (k: (typeof kmsKeys)[number]) => boolean) => kmsKeys.filter(test).map((k) => k.keyId);
  const ecsServices = regions.flatMap((r) => r.ecsClusters.flatMap((c) => c.services));
  const serviceNames = (test: (s: (typeof ecsServices)[number]) => boolean) =>
    ecsServices.filter(test).map((s) => s.serviceName);
  const containerDefinitions = regions.flatMap((r) =>
    r.ecsTaskDefinitions.flatMap((d) => d.containerDefinitions),
  );
  const containerNames = (test: (c: (typeof containerDefinitions)[number]) => boolean) => [
    ...new Set(containerDefinitions.filter(test).map((c) => c.name)),
  ];
  const plainSecret = (c: (typeof containerDefinitions)[number]) =>
    c.environment.some((e) => /password|secret|token|key/i.test(e.name));
  const repositories = regions.flatMap((r) => r.ecrRepositories);
  const tables = regions.flatMap((r) => r.dynamodbTables);
  const managed = new Set(regions.flatMap((r) => r.ssmManagedInstances.map((m) => m.instanceId)));
  const running = instances.filter((i) => i.state === 'running');
  const parameters = regions.flatMap((r) => r.ssmParameters);
  const plainParameter = (p: (typeof parameters)[number]) =>
    p.type !== 'SecureString' && /password/.test(p.name);
  const tableNames = (test: (t: (typeof tables)[number]) => boolean) =>
    tables.filter(test).map((t) => t.tableName);
  const queues = regions.flatMap((r) => r.sqsQueues);
  const queueNames = (test: (q: (typeof queues)[number]) => boolean) =>
    onlyWhere(queues, (q) => q.queueName, test);
  const topics = regions.flatMap((r) => r.snsTopics);
  const topicNames = (test: (t: (typeof topics)[number]) => boolean) =>
    onlyWhere(topics, (t) => t.topicName, test);
  const repositoryNames = (test: (r: (typeof repositories)[number]) => boolean) =>
    repositories.filter(test).map((r) => r.repositoryName);
  const principals = (r: (typeof repositories)[number]) =>
    (r.policy?.Statement ?? []).map((st) => JSON.stringify(st.Principal));
  const functions = regions.flatMap((r) => r.lambdaFunctions);
  const functionArns = (test: (f: (typeof functions)[number]) => boolean) =>
    functions.filter(test).map((f) => f.functionArn);
  const endsWith = (suffix: string) => (f: (typeof functions)[number]) => f.functionName.endsWith(suffix);
  const eksClusters = regions.flatMap((r) => r.eksClusters);
  const clusterArns = (test: (c: (typeof eksClusters)[number]) => boolean) =>
    eksClusters.filter(test).map((c) => c.arn);
  // Route 53 record names without the root dot, as the graph keeps them.
  const dnsNames = (pattern: RegExp) => [
    ...new Set(
      synced.flatMap((a) =>
        (a.hostedZones ?? []).flatMap((z) =>
          z.recordSets.filter((r) => pattern.test(r.name)).map((r) => r.name.replace(/\.$/, '')),
        ),
      ),
    ),
  ];
  const trails = synced.flatMap((a) => a.trails);
  const trailArns = (test: (t: (typeof trails)[number]) => boolean) => trails.filter(test).map((t) => t.arn);
  // A logging multi-Region trail of the account's own, or the organisation's (the management account's).
  const recording = (t: (typeof trails)[number]) => t.isMultiRegionTrail && t.isLogging;
  const orgRecorded = aws.accounts
    .find((a) => a.id === aws.organization.managementAccountId)
    ?.trails.some((t) => t.isOrganizationTrail && recording(t));
  const unrecorded = synced.filter((a) => !orgRecorded && !a.trails.some(recording));
  const ic = aws.accounts.find((a) => a.id === aws.organization.managementAccountId)?.identityCenter;
  const permissionSets = ic?.permissionSets ?? [];
  const setArns = (test: (p: (typeof permissionSets)[number]) => boolean) =>
    permissionSets.filter(test).map((p) => p.arn);
  const adminSets = new Set(
    setArns(
      (p) => p.managedPolicyArns.includes('arn:aws:iam::aws:policy/AdministratorAccess') || !!p.inlinePolicy,
    ),
  );
  const principalsWith = (test: (arn: string) => boolean) => [
    ...new Set((ic?.assignments ?? []).filter((a) => test(a.permissionSetArn)).map((a) => a.principalId)),
  ];
  const directUsers = [
    ...new Set((ic?.assignments ?? []).filter((a) => a.principalType === 'USER').map((a) => a.principalId)),
  ];
  const detectors = regions.flatMap((r) => r.guardDutyDetectors);
  const findings = detectors.flatMap((d) => d.findings);
  const findingIds = (test: (f: (typeof findings)[number]) => boolean) =>
    findings.filter(test).map((f) => f.id);
  const guardDutyOff = synced.filter((a) =>
    Object.values(a.regions).some((r) => !r.guardDutyDetectors.some((d) => d.status === 'ENABLED')),
  );
  // Snapshots and AMIs: ids of those a test picks, and sharing with accounts outside the organisation.
  type Shareable = { sharing: { public: boolean; accountIds: string[] } };
  const orgMembers = new Set(aws.accounts.filter((a) => a.parentId !== undefined).map((a) => a.id));
  const sharedOutside = (s: Shareable) => s.sharing.accountIds.some((id) => !orgMembers.has(id));
  const ebsSnapshots = regions.flatMap((r) => r.snapshots);
  const amis = regions.flatMap((r) => r.images);
  const dbSnapshots = regions.flatMap((r) => r.dbSnapshots);
  const snapshotIds = (test: (s: Shareable & { encrypted: boolean }) => boolean) => [
    ...ebsSnapshots.filter(test).map((s) => s.snapshotId),
    ...dbSnapshots.filter(test).map((s) => s.dbSnapshotArn),
  ];
  // What instances launch with: the latest and default template versions, and launch configurations.
  const launchSettings = regions.flatMap((r) => [
    ...r.launchTemplates.flatMap((t) =>
      t.versions
        .filter((v) => v.versionNumber === t.defaultVersionNumber || v === t.versions.at(-1))
        .map((v) => ({ id: `${t.launchTemplateId}-${v.versionNumber}`, ...v })),
    ),
    ...r.launchConfigurations.map((c) => ({ id: c.arn, ...c })),
  ]);
  const launchIds = (test: (s: (typeof launchSettings)[number]) => boolean) =>
    launchSettings.filter(test).map((s) => s.id);
  const secrets = regions.flatMap((r) => r.secrets);
  const secretArns = (test: (s: (typeof secrets)[number]) => boolean) =>
    secrets.filter(test).map((s) => s.arn);
  const unrotated = (s: (typeof secrets)[number]) =>
    !s.rotationEnabled || days(s.lastRotatedDate ?? s.createdDate) > 90;
  // Member accounts a customer policy of the type reaches: on the account, an OU above it or the root.
  const ouParent = new Map(aws.organizationalUnits.map((o) => [o.id, o.parentId]));
  const guarded = (type: string) => {
    const targets = new Set(
      aws.organizationPolicies.filter((p) => p.type === type && !p.awsManaged).flatMap((p) => p.targetIds),
    );
    return (account: (typeof aws.accounts)[number]) => {
      for (
        let id: string | undefined = account.id, up = account.parentId;
        id;
        id = up, up = ouParent.get(id ?? '')
      )
        if (targets.has(id)) return true;
      return false;
    };
  };
  const guardable = aws.accounts.filter(
    (a) => a.parentId !== undefined && a.status === 'ACTIVE' && a.id !== aws.organization.managementAccountId,
  );
  const ids = (list: typeof aws.accounts) => list.map((a) => a.id);
  const fullAccountBlock = (a: (typeof aws.accounts)[number]) =>
    a.s3PublicAccessBlock !== undefined && Object.values(a.s3PublicAccessBlock).every(Boolean);
  const scpGuarded = guarded('SERVICE_CONTROL_POLICY');
  const rcpGuarded = guarded('RESOURCE_CONTROL_POLICY');
  const onAccounts = aws.organizationPolicies.filter(
    (p) =>
      p.type === 'SERVICE_CONTROL_POLICY' && !p.awsManaged && p.targetIds.some((t) => /^\d{12}$/.test(t)),
  );
  return {
    aws_account_without_scp: {
      column: 'account_id',
      includes: ids(guardable.filter((a) => !scpGuarded(a))),
      excludes: [aws.organization.managementAccountId, ...ids(guardable.filter(scpGuarded))],
    },
    aws_scp_attached_to_account: {
      column: 'policy_name',
      includes: onAccounts.map((p) => p.name),
      excludes: ['FullAWSAccess', 'deny-leave-organization', 'region-restriction'],
    },
    aws_account_without_rcp: {
      column: 'account_id',
      includes: ids(guardable.filter((a) => !rcpGuarded(a))),
      excludes: [aws.organization.managementAccountId, ...ids(guardable.filter(rcpGuarded))],
    },
    ec2_public: {
      column: 'instance_id',
      includes: [...named('bastion-ssh-open'), ...named('windows-rdp-open'), ...named('debug-all-open')],
    },
    ec2_open_to_world: {
      column: 'instance_id',
      includes: [...named('bastion-ssh-open'), ...named('windows-rdp-open'), ...named('debug-all-open')],
      excludes: instances.filter((i) => !i.publicIpAddress).map((i) => i.instanceId),
    },
    ec2_security_group_open_to_world: {
      column: 'security_group_name',
      includes: ['open-ssh-world', 'open-rdp-world', 'open-all-world', 'db-open-world', 'elb-web-world'],
      excludes: ['default'],
    },
    ec2_key_pair_unused: {
      column: 'key_name',
      includes: ['unused-legacy-key', 'unused-contractor-key'],
      excludes: [
        ...new Set(allRegions.flatMap((r) => r.instances.flatMap((i) => (i.keyName ? [i.keyName] : [])))),
      ],
    },
    ec2_old_instances: {
      column: 'instance_id',
      includes: instances
        .filter((i) => i.state === 'running' && days(i.launchTime) > 181)
        .map((i) => i.instanceId),
      excludes: instances
        .filter((i) => days(i.launchTime) < 179 || i.state !== 'running')
        .map((i) => i.instanceId),
    },
    ec2_imdsv1_allowed: {
      column: 'instance_id',
      includes: instances.filter((i) => i.httpTokens === 'optional').map((i) => i.instanceId),
      excludes: instances.filter((i) => i.httpTokens === 'required').map((i) => i.instanceId),
    },
    ebs_unencrypted: {
      column: 'volume_id',
      includes: volumes.filter((v) => !v.encrypted).map((v) => v.volumeId),
      excludes: volumes.filter((v) => v.encrypted).map((v) => v.volumeId),
    },
    ebs_unattached: {
      column: 'volume_id',
      includes: volumes.filter((v) => v.attachments.length === 0).map((v) => v.volumeId),
      excludes: volumes.filter((v) => v.attachments.length > 0).map((v) => v.volumeId),
    },
    rds_public: {
      column: 'db_instance',
      includes: ['public-unencrypted-db'],
      excludes: uniform(dbs, (d) => !d.publiclyAccessible),
    },
    rds_unencrypted: {
      column: 'db_instance',
      includes: ['public-unencrypted-db'],
      excludes: uniform(dbs, (d) => d.storageEncrypted),
    },
    rds_open_to_world: {
      column: 'db_instance',
      includes: ['public-unencrypted-db'],
      excludes: uniform(dbs, (d) => !d.publiclyAccessible),
    },
    rds_no_iam_auth: {
      column: 'db_instance',
      includes: uniform(dbs, (d) => !d.iamDatabaseAuthenticationEnabled),
      excludes: uniform(dbs, (d) => d.iamDatabaseAuthenticationEnabled),
    },
    s3_anonymous: {
      column: 'bucket',
      includes: [/-public-acl-/, /-authenticated-read-/, /-public-policy-/],
      excludes: [/-access-logs-/],
    },
    s3_unencrypted: { column: 'bucket', includes: [/-unencrypted-/], excludes: [/-access-logs-/] },
    s3_no_public_access_block: { column: 'bucket', includes: [/-public-acl-/] },
    s3_account_no_public_access_block: {
      column: 'account_id',
      includes: ids(synced.filter((a) => !fullAccountBlock(a))),
      excludes: ids(synced.filter(fullAccountBlock)),
    },
    cloudtrail_trail_not_logging: {
      column: 'trail_arn',
      includes: trailArns((t) => !t.isLogging),
      excludes: trailArns((t) => t.isLogging),
    },
    aws_account_without_multi_region_trail: {
      column: 'account_id',
      includes: ids(unrecorded),
      excludes: ids(synced.filter((a) => !unrecorded.includes(a))),
    },
    cloudtrail_trail_without_log_file_validation: {
      column: 'trail_arn',
      includes: trailArns((t) => !t.logFileValidationEnabled),
      excludes: trailArns((t) => t.logFileValidationEnabled),
    },
    cloudtrail_trail_not_encrypted_with_kms: {
      column: 'trail_arn',
      includes: trailArns((t) => t.kmsKeyId === undefined),
      excludes: trailArns((t) => t.kmsKeyId !== undefined),
    },
    route53_dangling_record: {
      column: 'record_name',
      includes: dnsNames(/^(promo|legacy-api|old-app|static)\./),
      excludes: dnsNames(/^(www|site|cdn|api)\./),
    },
    kms_key_public: {
      column: 'key_id',
      includes: keyIds((k) => k.description === 'public-everyone-key'),
      excludes: keyIds((k) => k.description !== 'public-everyone-key'),
    },
    kms_key_cross_account: {
      column: 'key_id',
      includes: keyIds((k) => k.description === 'vendor-shared-key'),
      excludes: keyIds((k) => k.description !== 'vendor-shared-key'),
    },
    kms_key_rotation_disabled: {
      column: 'key_id',
      includes: keyIds(
        (k) =>
          k.keyManager === 'CUSTOMER' &&
          k.keySpec === 'SYMMETRIC_DEFAULT' &&
          k.keyState !== 'PendingDeletion' &&
          !k.rotationEnabled,
      ),
      excludes: keyIds(
        (k) =>
          k.keyManager === 'AWS' ||
          k.keyState === 'PendingDeletion' ||
          k.keySpec !== 'SYMMETRIC_DEFAULT' ||
          k.rotationEnabled,
      ),
    },
    ecs_service_public_ip: {
      column: 'service_name',
      includes: serviceNames((s) => s.network.assignPublicIp === 'ENABLED'),
      excludes: serviceNames((s) => s.network.assignPublicIp === 'DISABLED'),
    },
    ecs_privileged_container: {
      column: 'container',
      includes: containerNames((c) => c.privileged === true),
      excludes: containerNames((c) => c.privileged !== true),
    },
    ecs_secret_in_environment: {
      column: 'container',
      includes: containerNames(plainSecret),
      // Secrets injected from Secrets Manager (API_TOKEN under "secrets") are not plain variables.
      excludes: containerNames((c) => !plainSecret(c)),
    },
    ssm_unmanaged_instances: {
      column: 'instance_id',
      includes: running.filter((i) => !managed.has(i.instanceId)).map((i) => i.instanceId),
      excludes: instances
        .filter((i) => managed.has(i.instanceId) || i.state !== 'running')
        .map((i) => i.instanceId),
    },
    ssm_plaintext_secret_parameter: {
      column: 'parameter',
      includes: [...new Set(parameters.filter(plainParameter).map((p) => p.name))],
      excludes: [...new Set(parameters.filter((p) => !plainParameter(p)).map((p) => p.name))],
    },
    dynamodb_pitr_disabled: {
      column: 'table_name',
      includes: tableNames((t) => !t.pointInTimeRecovery),
      excludes: tableNames((t) => t.pointInTimeRecovery),
    },
    dynamodb_not_customer_key: {
      column: 'table_name',
      includes: tableNames((t) => t.kmsKeyArn === undefined),
      excludes: tableNames((t) => t.kmsKeyArn !== undefined),
    },
    sqs_queue_public: {
      column: 'name',
      includes: ['orders-public'],
      excludes: queueNames((q) => q.queueName !== 'orders-public'),
    },
    sns_topic_public: {
      column: 'name',
      includes: ['status-public'],
      excludes: topicNames((t) => t.topicName !== 'status-public'),
    },
    sqs_queue_cross_account: {
      column: 'name',
      includes: ['partner-inbox'],
      excludes: queueNames((q) => q.queueName !== 'partner-inbox'),
    },
    sns_topic_cross_account: {
      column: 'name',
      includes: ['vendor-events'],
      excludes: topicNames((t) => t.topicName !== 'vendor-events'),
    },
    sqs_queue_unencrypted: {
      column: 'name',
      includes: queueNames((q) => !q.sqsManagedSseEnabled && q.kmsMasterKeyId === undefined),
      excludes: queueNames((q) => q.sqsManagedSseEnabled || q.kmsMasterKeyId !== undefined),
    },
    sns_topic_unencrypted: {
      column: 'name',
      includes: topicNames((t) => t.kmsMasterKeyId === undefined),
      excludes: topicNames((t) => t.kmsMasterKeyId !== undefined),
    },
    ecr_repository_public: {
      column: 'repository',
      includes: repositoryNames((r) => principals(r).includes('"*"')),
      excludes: repositoryNames((r) => !principals(r).includes('"*"')),
    },
    ecr_repository_cross_account: {
      column: 'repository',
      includes: ['partner-shared-images'],
      excludes: repositoryNames((r) => r.repositoryName !== 'partner-shared-images'),
    },
    ecr_scan_on_push_disabled: {
      column: 'repository',
      includes: repositoryNames((r) => !r.scanOnPush),
      excludes: repositoryNames((r) => r.scanOnPush),
    },
    ecr_mutable_tags: {
      column: 'repository',
      includes: repositoryNames((r) => r.imageTagMutability === 'MUTABLE'),
      excludes: repositoryNames((r) => r.imageTagMutability === 'IMMUTABLE'),
    },
    ecr_image_critical_findings: {
      column: 'image_uri',
      includes: [/\/legacy-api:latest$/],
      excludes: [/\/hardened-api:/, /\/public-base-images:/],
    },
    eks_cluster_public_endpoint_open: {
      column: 'cluster_arn',
      includes: clusterArns((c) => c.name.endsWith('-public-api')),
      // The twin whose public endpoint admits an office range only, and the private clusters.
      excludes: clusterArns((c) => !c.name.endsWith('-public-api')),
    },
    eks_cluster_logging_disabled: {
      column: 'cluster_arn',
      includes: clusterArns((c) => !c.enabledLogTypes.includes('audit')),
      excludes: clusterArns((c) => c.enabledLogTypes.includes('audit')),
    },
    eks_cluster_old_version: {
      column: 'cluster_arn',
      includes: clusterArns((c) => c.name.endsWith('-legacy')),
      excludes: clusterArns((c) => !c.name.endsWith('-legacy')),
    },
    eks_cluster_secrets_not_encrypted: {
      column: 'cluster_arn',
      includes: clusterArns((c) => c.secretsKeyArn === undefined),
      excludes: clusterArns((c) => c.secretsKeyArn !== undefined),
    },
    lambda_public_function_url: {
      column: 'function_arn',
      includes: functionArns(endsWith('-public-webhook')),
      // The twin behind IAM auth, and the functions without a URL.
      excludes: functionArns((f) => f.url?.authType !== 'NONE'),
    },
    lambda_public_invoke_policy: {
      column: 'function_arn',
      includes: functionArns(endsWith('-public-invoke')),
      // The public URL's own statement is the URL finding's; S3 triggers name the account's bucket.
      excludes: functionArns((f) => !f.functionName.endsWith('-public-invoke')),
    },
    lambda_cross_account_invoke: {
      column: 'function_arn',
      includes: functionArns(endsWith('-partner-callback')),
      excludes: functionArns((f) => !f.functionName.endsWith('-partner-callback')),
    },
    lambda_deprecated_runtime: {
      column: 'function_arn',
      includes: functionArns(endsWith('-legacy-report')),
      excludes: functionArns((f) => !f.functionName.endsWith('-legacy-report')),
    },
    kms_key_pending_deletion: {
      column: 'key_id',
      includes: keyIds((k) => k.keyState === 'PendingDeletion'),
      excludes: keyIds((k) => k.keyState !== 'PendingDeletion'),
    },
    ebs_snapshot_public: {
      column: 'snapshot_id',
      includes: ebsSnapshots.filter((s) => s.sharing.public).map((s) => s.snapshotId),
      excludes: ebsSnapshots.filter((s) => !s.sharing.public).map((s) => s.snapshotId),
    },
    ec2_image_public: {
      column: 'image_id',
      includes: amis.filter((i) => i.sharing.public).map((i) => i.imageId),
      excludes: amis.filter((i) => !i.sharing.public).map((i) => i.imageId),
    },
    rds_snapshot_public: {
      column: 'snapshot_arn',
      includes: dbSnapshots.filter((s) => s.sharing.public).map((s) => s.dbSnapshotArn),
      excludes: dbSnapshots.filter((s) => !s.sharing.public).map((s) => s.dbSnapshotArn),
    },
    snapshot_shared_outside_organization: {
      column: 'resource_id',
      // The vendor shares; the safe twins are shared with an account of the organisation.
      includes: [...snapshotIds(sharedOutside), ...amis.filter(sharedOutside).map((i) => i.imageId)],
      excludes: [
        ...snapshotIds((s) => !sharedOutside(s)),
        ...amis.filter((i) => !sharedOutside(i)).map((i) => i.imageId),
      ],
    },
    launch_template_imdsv1: {
      column: 'launch_id',
      includes: launchIds((s) => s.metadataOptions?.httpTokens === 'optional'),
      excludes: launchIds((s) => s.metadataOptions?.httpTokens !== 'optional'),
    },
    launch_template_public_ip: {
      column: 'launch_id',
      includes: launchIds((s) => s.associatePublicIpAddress === true),
      excludes: launchIds((s) => s.associatePublicIpAddress !== true),
    },
    ebs_default_encryption_disabled: {
      column: 'account_id',
      includes: ids(
        synced.filter((a) => Object.values(a.regionSettings ?? {}).some((r) => !r.ebsEncryptionByDefault)),
      ),
      excludes: ids(
        synced.filter((a) => Object.values(a.regionSettings ?? {}).every((r) => r.ebsEncryptionByDefault)),
      ),
    },
    config_recorder_not_recording: {
      column: 'account_id',
      includes: ids(
        synced.filter((a) =>
          Object.values(a.regionSettings ?? {}).some((r) => !r.configRecorders.some((c) => c.recording)),
        ),
      ),
      excludes: ids(
        synced.filter((a) =>
          Object.values(a.regionSettings ?? {}).every((r) => r.configRecorders.some((c) => c.recording)),
        ),
      ),
    },
    snapshot_unencrypted: {
      column: 'resource_id',
      includes: snapshotIds((s) => !s.encrypted),
      excludes: snapshotIds((s) => s.encrypted),
    },
    secretsmanager_secret_not_rotated: {
      column: 'secret_arn',
      // Both seeded kinds: rotation never configured, and a rotation that stopped 200 days ago.
      includes: [
        ...secretArns((s) => s.description === 'legacy-no-rotation-secret'),
        ...secretArns((s) => s.description === 'stale-rotation-secret'),
        ...secretArns(unrotated),
      ],
      excludes: secretArns((s) => !unrotated(s)),
    },
    secretsmanager_secret_cross_account: {
      column: 'secret_arn',
      includes: secretArns((s) => s.description === 'vendor-shared-secret'),
      excludes: secretArns((s) => s.description !== 'vendor-shared-secret'),
    },
    identitycenter_admin_access: {
      column: 'principal_id',
      includes: principalsWith((arn) => adminSets.has(arn)),
      excludes: principalsWith((arn) => !adminSets.has(arn)).filter(
        (id) => !principalsWith((arn) => adminSets.has(arn)).includes(id),
      ),
    },
    identitycenter_permission_set_inline_admin: {
      column: 'permission_set_arn',
      includes: setArns((p) => p.inlinePolicy !== undefined),
      excludes: setArns((p) => p.inlinePolicy === undefined),
    },
    identitycenter_direct_user_assignments: {
      column: 'user_id',
      includes: directUsers,
      excludes: (ic?.users ?? []).map((u) => u.userId).filter((id) => !directUsers.includes(id)),
    },
    guardduty_disabled: {
      column: 'account_id',
      includes: ids(guardDutyOff),
      excludes: ids(synced.filter((a) => !guardDutyOff.includes(a))),
    },
    guardduty_high_severity_findings: {
      column: 'finding_id',
      includes: findingIds((f) => !f.archived && f.severity >= 7),
      // Archived findings are not collected; low and medium ones are below the default threshold.
      excludes: findingIds((f) => f.archived || f.severity < 7),
    },
    guardduty_detector_suspended: {
      column: 'detector_id',
      includes: detectors.filter((d) => d.status === 'DISABLED').map((d) => d.detectorId),
      excludes: detectors.filter((d) => d.status === 'ENABLED').map((d) => d.detectorId),
    },
    secretsmanager_secret_public: {
      column: 'secret_arn',
      includes: secretArns((s) => s.description === 'public-secret'),
      // `*` narrowed to the account by a condition is not public.
      excludes: secretArns((s) => s.description !== 'public-secret'),
    },
    iam_admin_principals: {
      column: 'principal_name',
      includes: ['admin-alice', 'ops-bob'],
      excludes: ['dormant-erin', 'many-groups-carol', 'assume-anything-dave'],
    },
    iam_assume_any_role: {
      column: 'principal_name',
      includes: ['assume-anything-dave'],
      excludes: ['admin-alice', 'many-groups-carol', 'dormant-erin'],
    },
    iam_access_key_old: {
      column: 'user_name',
      includes: ['ops-bob', 'ci-deployer'],
      excludes: ['many-groups-carol'],
    },
    iam_access_key_unused: {
      column: 'user_name',
      includes: ['dormant-erin'],
      excludes: ['admin-alice', 'ci-deployer', 'ops-bob'],
    },
    iam_user_console_no_mfa: {
      column: 'user_name',
      includes: ['ops-bob', 'dormant-erin'],
      excludes: onlyWhere(
        iamUsers,
        (u) => u.userName,
        (u) => !u.loginProfile || u.mfaDevices.length > 0,
      ),
    },
    iam_root_no_mfa: {
      column: 'account_id',
      includes: synced.filter((a) => a.iam.root.mfaDevices.length === 0).map((a) => a.id),
      excludes: synced.filter((a) => a.iam.root.mfaDevices.length > 0).map((a) => a.id),
    },
    iam_root_access_keys: {
      column: 'account_id',
      includes: synced.filter((a) => a.iam.root.accessKeys.length > 0).map((a) => a.id),
      excludes: synced.filter((a) => a.iam.root.accessKeys.length === 0).map((a) => a.id),
    },
    iam_password_policy_weak: {
      column: 'account_id',
      includes: synced
        .filter((a) => (a.iam.passwordPolicy?.minimumPasswordLength ?? 0) < 14)
        .map((a) => a.id),
      excludes: synced
        .filter(
          (a) =>
            a.iam.passwordPolicy !== undefined &&
            a.iam.passwordPolicy.minimumPasswordLength >= 14 &&
            (a.iam.passwordPolicy.passwordReusePrevention ?? 0) >= 24,
        )
        .map((a) => a.id),
    },
    iam_user_many_groups: {
      column: 'user_name',
      includes: ['many-groups-carol'],
      excludes: ['admin-alice', 'ops-bob'],
    },
    iam_user_password: {
      column: 'user_name',
      includes: [...new Set(iamUsers.filter((u) => u.passwordLastUsed).map((u) => u.userName))],
      excludes: [
        ...new Set(
          aws.accounts
            .flatMap((a) => a.iam.users)
            .filter((u) => !u.passwordLastUsed)
            .map((u) => u.userName)
            .filter((name) => !iamUsers.some((u) => u.userName === name && u.passwordLastUsed)),
        ),
      ],
    },
    iam_role_trusts_everyone: {
      column: 'role_name',
      includes: ['trust-everyone-role'],
      excludes: ['ci-deploy-role'],
    },
    iam_role_trusts_external_account: {
      column: 'role_name',
      includes: ['cross-account-vendor-role'],
      excludes: ['ci-deploy-role', 'trust-everyone-role', 'OrganizationAccountAccessRole'],
    },
    aws_vpc_peering_external: {
      column: 'peering_id',
      includes: peerings
        .filter(
          (p) => outsideOrg.has(p.accepterVpcInfo.ownerId) || outsideOrg.has(p.requesterVpcInfo.ownerId),
        )
        .map((p) => p.vpcPeeringConnectionId),
      excludes: peerings
        .filter(
          (p) => !outsideOrg.has(p.accepterVpcInfo.ownerId) && !outsideOrg.has(p.requesterVpcInfo.ownerId),
        )
        .map((p) => p.vpcPeeringConnectionId),
    },
    elb_internet_facing: {
      column: 'name',
      includes: ['public-web-elb'],
      excludes: onlyWhere(
        regions.flatMap((r) => r.classicLoadBalancers),
        (lb) => lb.loadBalancerName,
        (lb) => lb.scheme === 'internal',
      ),
    },
    elbv2_internet_facing: {
      column: 'name',
      includes: ['public-web-alb'],
      excludes: onlyWhere(
        regions.flatMap((r) => r.loadBalancers),
        (lb) => lb.loadBalancerName,
        (lb) => lb.scheme === 'internal',
      ),
    },
    gcp_instances_public: {
      column: 'instance_name',
      includes: [/^bastion-/, /^rdp-jump-/],
      excludes: [/^rdp-quarantined-/, /^web-/],
    },
    gcp_firewall_open_to_world: {
      column: 'firewall',
      includes: ['allow-ssh-from-anywhere', 'allow-rdp-from-anywhere', 'prod-allow-http'],
      excludes: ['allow-ssh-legacy', 'default-allow-internal', 'deny-rdp-quarantine'],
    },
    gke_public_endpoint: {
      column: 'cluster',
      includes: [
        /^legacy-cluster-/,
        ...(clusters.some((c) => c.startsWith('dev-cluster-')) ? [/^dev-cluster-/] : []),
      ],
      excludes: [/^prod-cluster-/],
    },
    gke_basic_auth: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/, /^dev-cluster-/],
    },
    gke_no_logging: { column: 'cluster', includes: [/^legacy-cluster-/], excludes: [/^prod-cluster-/] },
    gke_no_shielded_nodes: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/],
    },
    gke_legacy_abac: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/, /^dev-cluster-/],
    },
    gcp_bucket_public: {
      column: 'bucket',
      includes: [/-public-assets$/, /-legacy-uploads$/],
      excludes: [/-backups$/],
    },
    gcp_bucket_no_uniform_access: {
      column: 'bucket',
      includes: [/-legacy-uploads$/],
      excludes: [/-backups$/, /-public-assets$/],
    },
    gcp_instance_default_sa_full_access: {
      column: 'instance_name',
      includes: [/^bastion-/],
      excludes: [/^web-/],
    },
    gcp_subnet_no_flow_logs: { column: 'vpc_name', includes: ['default'] },
    gsuite_admins_without_2sv: {
      column: 'email',
      includes: emails(active.filter((u) => admin(u) && !u.isEnrolledIn2Sv)),
      excludes: emails(users.filter((u) => !admin(u) || u.isEnrolledIn2Sv)),
    },
    gsuite_users_without_2sv: {
      column: 'email',
      includes: emails(active.filter((u) => !u.isEnrolledIn2Sv)),
      excludes: emails(users.filter((u) => u.isEnrolledIn2Sv || u.suspended || u.archived)),
    },
    gsuite_suspended_users_in_groups: {
      column: 'email',
      includes: emails(users.filter((u) => u.suspended)).slice(0, 1),
      excludes: emails(users.filter((u) => !u.suspended)),
    },
    gsuite_users_inactive: {
      column: 'email',
      includes: emails(active.filter((u) => u.lastLoginTime === null)),
      excludes: emails(users.filter((u) => u.suspended || u.archived)),
    },
  };
}

describe('the built-in catalogue on a synced estate', () => {
  const inGraph = (q: CatalogueQuery) => graph.providers.includes(q.provider);

  it('runs every query; rows have exactly the declared columns and types', async () => {
    const empty: string[] = [];
    for (const query of builtinCatalogue.queries) {
      const result = await graph.client.runQuery(query);
      expect(checkColumns(query, result.rows), query.name).toEqual([]);
      if (inGraph(query) && result.rows.length === 0 && query.severity === null) empty.push(query.name);
    }
    // Inventory queries of a synced provider always have something to list.
    expect(empty).toEqual([]);
  });

  it('reports the seeded misconfigurations, and not their safe twins', async () => {
    for (const [name, expected] of Object.entries(seeded(graph.estates))) {
      const query = builtinCatalogue.get(name);
      if (!inGraph(query)) continue;
      const values = column((await graph.client.runQuery(query)).rows, expected.column);
      const matches = (pattern: RegExp | string) => (v: string) =>
        typeof pattern === 'string' ? v === pattern : pattern.test(v);
      expect(expected.includes.length, `${name} has something seeded to find`).toBeGreaterThan(0);
      for (const pattern of expected.includes) {
        expect(values.some(matches(pattern)), `${name} reports ${pattern}: ${values.join(', ')}`).toBe(true);
      }
      for (const pattern of expected.excludes ?? []) {
        expect(values.filter(matches(pattern)), `${name} does not report ${pattern}`).toEqual([]);
      }
    }
  });

  it('has a seeded expectation for every finding of a synced provider', () => {
    const findings = builtinCatalogue.select({ findings: true }).filter(inGraph);
    const expectations = seeded(graph.estates);
    const uncovered = findings.map((q) => q.name).filter((name) => !(name in expectations));
    expect(uncovered).toEqual([]);
  });

  it('narrows to one project by id or number, as a parameter', async () => {
    const projects = (await graph.client.runQuery('gcp_projects')).rows;
    const [first] = projects;
    if (!first) throw new Error('no project synced');
    const byId = await graph.client.runQuery('gcp_instances', {
      scope: { project: String(first.project_id) },
    });
    expect(byId.rows.length).toBeGreaterThan(0);
    expect(new Set(column(byId.rows, 'project_id'))).toEqual(new Set([first.project_id]));
    const byNumber = await graph.client.runQuery('gcp_instances', {
      scope: { project: String(first.project_number) },
    });
    expect(byNumber.rows).toEqual(byId.rows);
    // An AWS-only query does not apply to a project: skipped, with the reason.
    const skipped = await graph.client.runQuery('ec2_instances', {
      scope: { project: String(first.project_id) },
    });
    expect(skipped.skipped).toBe('it is about AWS accounts, not GCP projects');
  });

  it('narrows to one AWS account by id or name', async () => {
    const accounts = (await graph.client.runQuery('aws_accounts')).rows.filter((a) => a.in_scope);
    const [first] = accounts;
    if (!first) throw new Error('no account synced');
    const byName = await graph.client.runQuery('ec2_instances', {
      scope: { account: String(first.account_name) },
    });
    const byId = await graph.client.runQuery('ec2_instances', {
      scope: { account: String(first.account_id) },
    });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byId.rows).toEqual(byName.rows);
    expect(new Set(column(byId.rows, 'account_id'))).toEqual(new Set([first.account_id]));
    const all = await graph.client.runQuery('ec2_instances');
    expect(all.rows.length).toBeGreaterThan(byId.rows.length);
  });

  it('treats a hostile scope value as a value: nothing matches, nothing breaks', async () => {
    for (const hostile of [
      'x" OR 1=1 OR a.name="',
      "x' OR 1=1 OR p.id='",
      'x}) MATCH (n) DETACH DELETE n //',
    ]) {
      for (const name of ['gcp_instances', 'gcp_projects', 'gcp_bucket_public']) {
        const result = await graph.client.runQuery(name, { scope: { project: hostile } });
        expect(result.rows, `${name} with ${hostile}`).toEqual([]);
      }
    }
    // And the graph is intact.
    expect((await graph.client.runQuery('gcp_projects')).rows.length).toBeGreaterThan(0);
  });

  it('returns the same rows after a round trip through the community queries.json', async () => {
    const { queries } = importCommunityQueries(
      JSON.stringify(exportCommunityQueries(builtinCatalogue.queries)),
    );
    for (const [i, original] of builtinCatalogue.queries.entries()) {
      const back = queries[i];
      if (!back) throw new Error(`${original.name} did not come back`);
      const [a, b] = await Promise.all([graph.client.runQuery(original), graph.client.runQuery(back)]);
      expect(b.rows, original.name).toEqual(a.rows);
    }
  });

  it('parameters change results; wrong parameters are named', async () => {
    const all = await graph.client.runQuery('gcp_firewall_allow');
    expect(all.rows.length).toBeGreaterThan(0);
    await expect(graph.client.runQuery('gcp_firewall_allow', { params: { days: 3 } })).rejects.toThrow(
      'query "gcp_firewall_allow" has no parameter "days"',
    );
  });
});
