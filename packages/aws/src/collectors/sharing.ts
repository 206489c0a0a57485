import type { CollectContext } from '@skygraph/core';
import pLimit from 'p-limit';
import type { AwsScopeContext } from '../aws-context.ts';
import { requestSignal } from '../paging.ts';
import { unlessRefused } from './unless-refused.ts';

/**
 * Who else may use a snapshot or image: public (shared with the group `all`)
 * and the other accounts it is shared with. The graph properties of the
 * same names (`ispublic`, `shared_with_accounts`).
 */
export interface Sharing {
  ispublic: boolean;
  shared_with_accounts: string[];
}

/** A listed resource with its sharing; `sharing` is undefined when the attribute could not be read. */
export interface Shared<T> {
  item: T;
  sharing?: Sharing | undefined;
}

/** The sharing of an EC2 permission list (createVolumePermission, launchPermission). */
export function permissionSharing(
  permissions: readonly { Group?: string | undefined; UserId?: string | undefined }[] | undefined,
): Sharing {
  const list = permissions ?? [];
  return {
    ispublic: list.some((p) => p.Group === 'all'),
    shared_with_accounts: [...new Set(list.flatMap((p) => (p.UserId ? [p.UserId] : [])))].sort(),
  };
}

/** The sharing of an RDS `restore` attribute: `all` or account ids. */
export function restoreSharing(values: readonly string[] | undefined): Sharing {
  const list = values ?? [];
  return {
    ispublic: list.includes('all'),
    shared_with_accounts: [...new Set(list.filter((v) => v !== 'all'))].sort(),
  };
}

/** The properties a node row takes from a resource's sharing (both unset when unknown). */
export const sharingProperties = (sharing: Sharing | undefined) => ({
  ispublic: sharing?.ispublic,
  shared_with_accounts: sharing?.shared_with_accounts,
});

type Ctx = CollectContext<AwsScopeContext>;

/** How to read the sharing attribute of one listed resource. */
export interface SharingLookup<T> {
  /** The operation, e.g. `ec2:DescribeSnapshotAttribute`. */
  operation: string;
  /** The resource's id in the refused warning; undefined skips the item. */
  idOf: (item: T) => string | undefined;
  /** Known without a request (e.g. automated RDS snapshots, which cannot be shared). */
  known?: (item: T) => Sharing | undefined;
  /** Sends the request for one resource and reads its sharing from the answer. */
  read: (id: string, signal: AbortSignal) => Promise<Sharing>;
}

/**
 * Each page's items with their sharing, read with a few requests in flight
 * at a time. A refused request (the resource deleted since it was listed, or
 * denied) leaves that resource's sharing unknown with one warning.
 */
export async function* withSharing<P, T>(
  ctx: Ctx,
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => readonly T[],
  lookup: SharingLookup<T>,
): AsyncIterable<Shared<T>[]> {
  const limit = pLimit(4);
  const [service = '', operation = ''] = lookup.operation.split(':');
  const sharingOf = async (item: T): Promise<Sharing | undefined> => {
    const known = lookup.known?.(item);
    if (known) return known;
    const id = lookup.idOf(item);
    if (id === undefined) return undefined;
    return unlessRefused(
      ctx,
      { message: `a ${service} sharing attribute request refused; left unknown`, operation, id },
      () => ctx.call(lookup.operation, () => lookup.read(id, requestSignal(ctx.signal))),
    );
  };
  for await (const page of pages) {
    const items = itemsOf(page);
    const sharing = await Promise.all(items.map((item) => limit(() => sharingOf(item))));
    yield items.map((item, i) => ({ item, sharing: sharing[i] }));
  }
}
