import {
  type Finding,
  GetDetectorCommand,
  type GetDetectorResponse,
  GetFindingsCommand,
  type GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { GuardDutyDetector, GuardDutyFinding, GuardDutyRegionStatus } from '../../schema/guardduty.ts';
import { present, type Where } from '../where.ts';

/** One detector with what GetDetector said about it (undefined when it could not be read). */
export interface DetectorDetails {
  id: string;
  detector: GetDetectorResponse;
}

/** A page of the collector: the region's detectors, then its active findings in batches. */
export type GuardDutyPage = { detectors: DetectorDetails[] } | { findings: Finding[] };

/**
 * Active findings read per detector at most. An account under attack or with
 * noisy findings can hold tens of thousands; they are listed most severe
 * first, so the cap drops the least severe ones (with a warning).
 */
export const MAX_FINDINGS_PER_DETECTOR = 1000;
/** GetFindings takes at most 50 ids a call. */
const FINDINGS_BATCH = 50;

/** GuardDuty's severity bands (1.0-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical), as Cartography labels them. */
export function severityLabel(severity: number | undefined): string | undefined {
  if (severity === undefined) return undefined;
  if (severity >= 9) return 'critical';
  if (severity >= 7) return 'high';
  if (severity >= 4) return 'medium';
  if (severity >= 1) return 'low';
  return undefined;
}

/** The detectors' rows and the region's coverage row (written even when there is no detector). */
export function transformDetectors(page: { detectors: DetectorDetails[] }, where: Where) {
  const detectors = page.detectors.map(
    ({ id, detector: d }): NodeRow<typeof GuardDutyDetector> => ({
      id,
      accountid: where.accountId,
      region: where.region,
      status: d.Status,
      findingpublishingfrequency: d.FindingPublishingFrequency,
      service_role: d.ServiceRole,
      createdat: d.CreatedAt,
      updatedat: d.UpdatedAt,
      enabled_features: present((d.Features ?? []).map((f) => (f.Status === 'ENABLED' ? f.Name : undefined))),
    }),
  );
  const enabled = detectors.some((d) => d.status === 'ENABLED');
  const status: NodeRow<typeof GuardDutyRegionStatus> = {
    id: `${where.accountId}:${where.region}`,
    accountid: where.accountId,
    region: where.region,
    enabled,
    status: enabled ? 'ENABLED' : detectors.length > 0 ? 'DISABLED' : 'NOT_ENABLED',
    detector_ids: detectors.map((d) => d.id),
  };
  return [load(GuardDutyDetector, detectors), load(GuardDutyRegionStatus, [status])] as const;
}

/** `sample` from the finding's additional info (a JSON document), as Cartography reads it. */
function sampleOf(f: Finding): boolean | undefined {
  const raw = f.Service?.AdditionalInfo?.Value;
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    const sample = parsed && typeof parsed === 'object' ? (parsed as { sample?: unknown }).sample : undefined;
    return typeof sample === 'boolean' ? sample : undefined;
  } catch {
    return undefined;
  }
}

/** The resource fields of a finding: what it names, by Cartography's rules. */
function resourceFields(f: Finding) {
  const r = f.Resource;
  const type = r?.ResourceType;
  const key = type === 'AccessKey' ? r?.AccessKeyDetails : undefined;
  const principal = key?.PrincipalId;
  return {
    resource_type: type,
    resource_id:
      type === 'Instance'
        ? r?.InstanceDetails?.InstanceId
        : type === 'S3Bucket'
          ? r?.S3BucketDetails?.[0]?.Name
          : undefined,
    eks_cluster_arn: type === 'EKSCluster' ? r?.EksClusterDetails?.Arn : undefined,
    access_key_id: key?.AccessKeyId,
    principal_user_id: key?.UserType === 'IAMUser' ? principal : undefined,
    // An assumed-role session's principal id is `<role id>:<session name>`.
    principal_role_id: key?.UserType === 'AssumedRole' ? principal?.split(':')[0] : undefined,
  };
}

function findingRow(f: Finding, where: Where): NodeRow<typeof GuardDutyFinding> | undefined {
  if (!f.Id) return undefined;
  const service = f.Service;
  const action = service?.Action;
  const call = action?.ActionType === 'AWS_API_CALL' ? action.AwsApiCallAction : undefined;
  const remote = call?.RemoteIpDetails;
  const resource = resourceFields(f);
  return {
    id: f.Id,
    arn: f.Arn,
    title: f.Title,
    description: f.Description,
    type: f.Type,
    severity: f.Severity,
    severity_label: severityLabel(f.Severity),
    confidence: f.Confidence,
    createdat: f.CreatedAt,
    updatedat: f.UpdatedAt,
    eventfirstseen: service?.EventFirstSeen,
    eventlastseen: service?.EventLastSeen,
    accountid: f.AccountId ?? where.accountId,
    region: f.Region ?? where.region,
    detectorid: service?.DetectorId,
    ...resource,
    archived: service?.Archived,
    sample: sampleOf(f),
    service_action_type: action?.ActionType,
    service_count: service?.Count,
    service_resource_role: service?.ResourceRole,
    api_call_name: call?.Api,
    api_call_service_name: call?.ServiceName,
    api_call_caller_type: call?.CallerType,
    api_call_error_code: call?.ErrorCode,
    api_call_remote_ip: remote?.IpAddressV4 ?? remote?.IpAddressV6,
    api_call_remote_country: remote?.Country?.CountryName,
    api_call_remote_city: remote?.City?.CityName,
    api_call_remote_org: remote?.Organization?.Org,
    api_call_remote_asn: remote?.Organization?.Asn,
    api_call_remote_asn_org: remote?.Organization?.AsnOrg,
    api_call_remote_isp: remote?.Organization?.Isp,
    api_call_remote_lat: remote?.GeoLocation?.Lat,
    api_call_remote_lon: remote?.GeoLocation?.Lon,
    api_call_remote_account_id: call?.RemoteAccountDetails?.AccountId,
    api_call_remote_account_affiliated: call?.RemoteAccountDetails?.Affiliated,
    detector: service?.DetectorId,
    remoteAccount: call?.RemoteAccountDetails?.AccountId,
    instance: resource.resource_type === 'Instance' ? resource.resource_id : undefined,
    bucket: resource.resource_type === 'S3Bucket' ? resource.resource_id : undefined,
    eksCluster: resource.eks_cluster_arn,
    accessKey: resource.access_key_id,
    user: resource.principal_user_id,
    role: resource.principal_role_id,
  };
}

export function transformFindings(page: { findings: Finding[] }, where: Where) {
  return [load(GuardDutyFinding, present(page.findings.map((f) => findingRow(f, where))))] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** The active findings' ids of a detector, most severe first, up to the cap. */
async function activeFindingIds(ctx: Ctx, gd: GuardDutyClient, DetectorId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginate(
    ctx,
    'guardduty:ListFindings',
    (NextToken) =>
      gd.send(
        new ListFindingsCommand({
          DetectorId,
          // Archived findings were dismissed by someone: only the active ones, as Cartography reads.
          FindingCriteria: { Criterion: { 'service.archived': { Equals: ['false'] } } },
          SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' },
          MaxResults: 50,
          NextToken,
        }),
        { abortSignal: requestSignal(ctx.signal) },
      ),
    (p) => p.NextToken,
  )) {
    ids.push(...(page.FindingIds ?? []));
    if (ids.length >= MAX_FINDINGS_PER_DETECTOR) {
      ctx.log.warn(
        { detector: DetectorId, limit: MAX_FINDINGS_PER_DETECTOR },
        'GuardDuty detector has more active findings than are read; the least severe are left out',
      );
      return ids.slice(0, MAX_FINDINGS_PER_DETECTOR);
    }
  }
  return ids;
}

async function* guardDutyPages(ctx: Ctx, gd: GuardDutyClient): AsyncIterable<GuardDutyPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const detectorIds: string[] = [];
  for await (const page of paginate(
    ctx,
    'guardduty:ListDetectors',
    (NextToken) => gd.send(new ListDetectorsCommand({ MaxResults: 50, NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    detectorIds.push(...present(page.DetectorIds));
  }
  const detectors: DetectorDetails[] = [];
  for (const DetectorId of detectorIds) {
    const detector = await ctx.call('guardduty:GetDetector', () =>
      gd.send(new GetDetectorCommand({ DetectorId }), signal()),
    );
    detectors.push({ id: DetectorId, detector });
  }
  yield { detectors };
  // A suspended detector raises nothing new; what it found before stays readable, as on the console.
  for (const { id } of detectors) {
    const ids = await activeFindingIds(ctx, gd, id);
    for (let i = 0; i < ids.length; i += FINDINGS_BATCH) {
      const FindingIds = ids.slice(i, i + FINDINGS_BATCH);
      const page = await ctx.call('guardduty:GetFindings', () =>
        gd.send(new GetFindingsCommand({ DetectorId: id, FindingIds }), signal()),
      );
      yield { findings: page.Findings ?? [] };
    }
  }
}

/** GuardDuty of a region: its detectors and coverage, then the detectors' active findings. */
export const guardDutyCollector = defineCollector<AwsScopeContext, GuardDutyPage>({
  name: 'guardduty:detectors',
  schemas: [GuardDutyDetector, GuardDutyRegionStatus, GuardDutyFinding],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.guardduty(ctx.context.region), (gd) => guardDutyPages(ctx, gd)),
  transform: (page, ctx) =>
    'detectors' in page ? transformDetectors(page, ctx.context) : transformFindings(page, ctx.context),
});
