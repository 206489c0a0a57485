import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { PlanContext } from '@skygraph/core';
import { type AwsClients, withClient } from '../aws-clients.ts';
import { requestSignal } from '../paging.ts';

/** The regions an account has enabled (EC2 DescribeRegions without opt-in regions left out). */
export async function enabledRegions(
  ctx: PlanContext,
  clients: AwsClients,
  region: string,
): Promise<string[]> {
  const out = await withClient(clients.ec2(region), (ec2) =>
    ctx.call('ec2:DescribeRegions', () =>
      ec2.send(new DescribeRegionsCommand({ AllRegions: false }), { abortSignal: requestSignal(ctx.signal) }),
    ),
  );
  return (out.Regions ?? [])
    .filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName as string)
    .sort();
}
