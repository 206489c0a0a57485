import {
  DescribeInstanceInformationCommand,
  DescribeParametersCommand,
  type InstanceInformation,
  type ParameterMetadata,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { SSMInstanceInformation, SSMParameter } from '../../schema/ssm.ts';
import { secretLikeNames } from '../ecs/clusters.ts';
import { unixSeconds, type Where } from '../where.ts';

export type SsmPage = { instances: InstanceInformation[] } | { parameters: ParameterMetadata[] };

export function transformInstances(page: { instances: InstanceInformation[] }, where: Where) {
  const rows: NodeRow<typeof SSMInstanceInformation>[] = [];
  for (const i of page.instances) {
    if (!i.InstanceId) continue;
    rows.push({
      id: i.InstanceId,
      instance_id: i.InstanceId,
      ping_status: i.PingStatus,
      last_ping_date_time: unixSeconds(i.LastPingDateTime),
      agent_version: i.AgentVersion,
      is_latest_version: i.IsLatestVersion,
      platform_type: i.PlatformType,
      platform_name: i.PlatformName,
      platform_version: i.PlatformVersion,
      activation_id: i.ActivationId,
      iam_role: i.IamRole,
      registration_date: unixSeconds(i.RegistrationDate),
      resource_type: i.ResourceType,
      name: i.Name,
      ip_address: i.IPAddress,
      computer_name: i.ComputerName,
      association_status: i.AssociationStatus,
      last_association_execution_date: unixSeconds(i.LastAssociationExecutionDate),
      last_successful_association_execution_date: unixSeconds(i.LastSuccessfulAssociationExecutionDate),
      source_id: i.SourceId,
      source_type: i.SourceType,
      region: where.region,
      // Only EC2 instances (ids `i-...`); hybrid nodes (`mi-...`) have no instance node.
      instance: i.InstanceId.startsWith('i-') ? i.InstanceId : undefined,
    });
  }
  return [load(SSMInstanceInformation, rows)] as const;
}

/** The key id of a key ARN (`.../key/<id>`), which keys AWSKMSKey; an alias names no key node. */
const keyIdOf = (keyId: string | undefined) => /key\/([^/]+)$/.exec(keyId ?? '')?.[1];

export function transformParameters(page: { parameters: ParameterMetadata[] }, where: Where) {
  const rows: NodeRow<typeof SSMParameter>[] = [];
  for (const p of page.parameters) {
    if (!p.ARN || !p.Name) continue;
    const short = p.Type === 'SecureString' ? keyIdOf(p.KeyId) : undefined;
    rows.push({
      id: p.ARN,
      arn: p.ARN,
      name: p.Name,
      type: p.Type,
      keyid: p.KeyId,
      kms_key_id_short: short,
      version: p.Version,
      lastmodifieddate: unixSeconds(p.LastModifiedDate),
      lastmodifieduser: p.LastModifiedUser,
      description: p.Description,
      tier: p.Tier,
      datatype: p.DataType,
      allowedpattern: p.AllowedPattern,
      policies_json: JSON.stringify(p.Policies ?? []),
      secret_like_name: secretLikeNames([p.Name]).length > 0,
      region: where.region,
      kms_key: short,
    });
  }
  return [load(SSMParameter, rows)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

async function* ssmPages(ctx: Ctx, ssm: SSMClient): AsyncIterable<SsmPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  for await (const page of paginate(
    ctx,
    'ssm:DescribeInstanceInformation',
    (NextToken) => ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50, NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    yield { instances: page.InstanceInformationList ?? [] };
  }
  // Metadata only: skygraph never calls GetParameter(s), so no value is ever read.
  for await (const page of paginate(
    ctx,
    'ssm:DescribeParameters',
    (NextToken) => ssm.send(new DescribeParametersCommand({ MaxResults: 50, NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    yield { parameters: page.Parameters ?? [] };
  }
}

/** Systems Manager managed instances (after EC2: HAS_INFORMATION) and parameter metadata (after KMS) of a region. */
export const ssmCollector = defineCollector<AwsScopeContext, SsmPage>({
  name: 'ssm:instances-parameters',
  schemas: [SSMInstanceInformation, SSMParameter],
  fetch: (ctx) => streamWith(ctx.context.clients.ssm(ctx.context.region), (ssm) => ssmPages(ctx, ssm)),
  transform: (page, ctx) =>
    'instances' in page ? transformInstances(page, ctx.context) : transformParameters(page, ctx.context),
});
