import { ListMFADevicesCommand, type MFADevice } from '@aws-sdk/client-iam';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { AWSMfaDevice } from '../../schema/mfa-device.ts';
import { isoDate } from '../where.ts';
import { listUsersPages } from './list-users.ts';
import { optionalCall } from './optional-call.ts';

/** The MFA devices of the users of one ListUsers page, with the ARN of each device's user. */
export interface MfaDevicesPage {
  devices: { userArn: string; device: MFADevice }[];
}

/** MFA device rows, linked to their users by ARN. */
export function transformMfaDevices(page: MfaDevicesPage) {
  const rows: NodeRow<typeof AWSMfaDevice>[] = [];
  for (const { userArn, device } of page.devices) {
    if (!device.SerialNumber) continue;
    rows.push({
      id: device.SerialNumber,
      serialnumber: device.SerialNumber,
      username: device.UserName,
      user_arn: userArn,
      enabledate: isoDate(device.EnableDate),
      user: userArn,
    });
  }
  return [load(AWSMfaDevice, rows)] as const;
}

/**
 * The virtual and hardware MFA devices of every IAM user: ListMFADevices per
 * user, as IAM offers no account-wide list of hardware devices. Where the
 * audit role may not list them, the account's devices are skipped with one
 * warning.
 */
export const mfaDevicesCollector = defineCollector<AwsScopeContext, MfaDevicesPage>({
  name: 'iam:mfa-devices',
  schemas: [AWSMfaDevice],
  async *fetch(ctx) {
    const iam = ctx.context.clients.iam(ctx.context.region);
    const limit = pLimit(4);
    let refused = false;
    const devicesOf = async (UserName: string, userArn: string, into: MfaDevicesPage['devices']) => {
      let Marker: string | undefined;
      do {
        if (refused) return;
        const answer = await optionalCall(ctx, 'iam:ListMFADevices', () =>
          iam.send(new ListMFADevicesCommand({ UserName, Marker }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        );
        // Refused once is refused for every user: ask no more. A user deleted since ListUsers has none.
        if (answer.status === 'skipped') refused = true;
        if (answer.status !== 'ok') return;
        for (const device of answer.value.MFADevices ?? []) into.push({ userArn, device });
        Marker = answer.value.IsTruncated ? answer.value.Marker : undefined;
      } while (Marker);
    };
    try {
      for await (const page of listUsersPages(ctx, iam)) {
        const devices: MfaDevicesPage['devices'] = [];
        const users = (page.Users ?? []).flatMap((u) =>
          u.UserName && u.Arn ? [[u.UserName, u.Arn] as const] : [],
        );
        // The first user alone: a refusal then costs one request and one warning.
        const [first, ...rest] = users;
        if (first) await devicesOf(first[0], first[1], devices);
        await Promise.all(rest.map(([name, arn]) => limit(() => devicesOf(name, arn, devices))));
        if (refused) return;
        yield { devices };
      }
    } finally {
      iam.destroy();
    }
  },
  transform: (page) => transformMfaDevices(page),
});
