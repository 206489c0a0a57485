import type { CollectContext } from '@skygraph/core';
import type { admin_directory_v1 } from 'googleapis/build/src/apis/admin/directory_v1.js';

/** What every collector of one Workspace customer scope shares. */
export interface DirectoryContext {
  /** The customer id (resolved from `my_customer` while planning). */
  readonly customerId: string;
  /** What the API calls name the customer with (`my_customer` or the id). */
  readonly customer: string;
  readonly admin: admin_directory_v1.Admin;
  /** Groups whose members are listed at once. */
  readonly memberConcurrency: number;
}

export type DirectoryCollectContext = CollectContext<DirectoryContext>;
