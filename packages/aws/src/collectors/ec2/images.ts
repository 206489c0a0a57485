import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { EC2Image } from '../../schema/snapshots.ts';
import { permissionSharing, type Shared, sharingProperties, withSharing } from '../sharing.ts';
import type { Where } from '../where.ts';

/** Image rows of one page of the account's AMIs with their sharing. */
export function transformImages(page: readonly Shared<Image>[], where: Where) {
  const rows: NodeRow<typeof EC2Image>[] = [];
  for (const { item: i, sharing } of page) {
    if (!i.ImageId) continue;
    const shared = sharingProperties(sharing);
    rows.push({
      id: `${i.ImageId}|${where.region}`,
      imageid: i.ImageId,
      name: i.Name,
      creationdate: i.CreationDate,
      architecture: i.Architecture,
      location: i.ImageLocation,
      type: i.ImageType,
      // DescribeImages says whether the image is public even when its launch permissions cannot be read.
      ispublic: i.Public ?? shared.ispublic,
      platform: i.Platform,
      platform_details: i.PlatformDetails,
      usageoperation: i.UsageOperation,
      state: i.State,
      description: i.Description,
      enasupport: i.EnaSupport,
      hypervisor: i.Hypervisor,
      rootdevicename: i.RootDeviceName,
      rootdevicetype: i.RootDeviceType,
      virtualizationtype: i.VirtualizationType,
      sriov_net_support: i.SriovNetSupport,
      bootmode: i.BootMode,
      owner: i.OwnerId,
      image_owner_alias: i.ImageOwnerAlias,
      kernel_id: i.KernelId,
      ramdisk_id: i.RamdiskId,
      shared_with_accounts: shared.shared_with_accounts,
      region: where.region,
    });
  }
  return [load(EC2Image, rows)];
}

function imagePages(ctx: CollectContext<AwsScopeContext>, ec2: EC2Client) {
  const pages = paginate(
    ctx,
    'ec2:DescribeImages',
    (NextToken) =>
      ec2.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 1000, NextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  );
  return withSharing(ctx, pages, (p) => p.Images ?? [], {
    operation: 'ec2:DescribeImageAttribute',
    idOf: (i) => i.ImageId,
    read: async (ImageId, abortSignal) => {
      const out = await ec2.send(
        new DescribeImageAttributeCommand({ ImageId, Attribute: 'launchPermission' }),
        {
          abortSignal,
        },
      );
      return permissionSharing(out.LaunchPermissions);
    },
  });
}

/**
 * The AMIs the account owns in a region, public or shared with other
 * accounts (EC2 DescribeImages Owners=self, then DescribeImageAttribute
 * launchPermission per image).
 */
export const imagesCollector = defineCollector<AwsScopeContext, Shared<Image>[]>({
  name: 'ec2:images',
  schemas: [EC2Image],
  fetch: (ctx) => streamWith(ctx.context.clients.ec2(ctx.context.region), (ec2) => imagePages(ctx, ec2)),
  transform: (page, ctx) => transformImages(page, ctx.context),
});
