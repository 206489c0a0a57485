import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { admin_directory_v1 } from 'googleapis/build/src/apis/admin/directory_v1.js';
import { paginate } from '../api/paginate.ts';
import type { DirectoryContext } from '../directory-context.ts';
import { GSuiteUser } from '../schema/user.ts';

/** One page of `users.list`. */
export type UsersPage = admin_directory_v1.Schema$Users;

/** Users of one page as GSuiteUser rows (Cartography's property names). */
export function transformUsers(page: UsersPage, customerId: string): AnyLoad[] {
  const rows: NodeRow<typeof GSuiteUser>[] = [];
  for (const user of page.users ?? []) {
    if (!user.id || !user.primaryEmail) continue;
    rows.push({
      id: user.id,
      user_id: user.id,
      email: user.primaryEmail,
      primary_email: user.primaryEmail,
      name: user.name?.fullName ?? null,
      family_name: user.name?.familyName ?? null,
      given_name: user.name?.givenName ?? null,
      aliases: user.aliases ?? null,
      agreed_to_terms: user.agreedToTerms ?? null,
      archived: user.archived ?? null,
      change_password_at_next_login: user.changePasswordAtNextLogin ?? null,
      suspended: user.suspended ?? null,
      suspension_reason: user.suspensionReason ?? null,
      is_admin: user.isAdmin ?? null,
      is_delegated_admin: user.isDelegatedAdmin ?? null,
      is_enforced_in_2_sv: user.isEnforcedIn2Sv ?? null,
      is_enrolled_in_2_sv: user.isEnrolledIn2Sv ?? null,
      ip_whitelisted: user.ipWhitelisted ?? null,
      org_unit_path: user.orgUnitPath ?? null,
      include_in_global_address_list: user.includeInGlobalAddressList ?? null,
      is_mailbox_setup: user.isMailboxSetup ?? null,
      creation_time: user.creationTime ?? null,
      last_login_time: user.lastLoginTime ?? null,
      etag: user.etag ?? null,
      kind: user.kind ?? null,
      thumbnail_photo_etag: user.thumbnailPhotoEtag ?? null,
      thumbnail_photo_url: user.thumbnailPhotoUrl ?? null,
      customer_id: user.customerId ?? customerId,
    });
  }
  return [load(GSuiteUser, rows)];
}

/** Every user of the customer (`users.list`, 500 a page). */
export const usersCollector = defineCollector<DirectoryContext, UsersPage>({
  name: 'users',
  schemas: [GSuiteUser],
  fetch: (ctx) =>
    paginate(ctx, 'directory:users.list', (pageToken) =>
      ctx.context.admin.users.list(
        {
          customer: ctx.context.customer,
          maxResults: 500,
          projection: 'basic',
          viewType: 'admin_view',
          ...(pageToken ? { pageToken } : {}),
        },
        { signal: ctx.signal },
      ),
    ),
  transform: (page, ctx) => transformUsers(page, ctx.context.customerId),
});
