import { describe, expect, it } from 'vitest';
import { transformUsers, type UsersPage } from './users-collector.ts';

// users.list as documented (admin#directory#users, projection=basic, viewType=admin_view).
const page: UsersPage = {
  kind: 'admin#directory#users',
  etag: '"abc/1"',
  users: [
    {
      kind: 'admin#directory#user',
      id: '104635839018264781205',
      etag: '"u1"',
      primaryEmail: 'liz@example.com',
      name: { givenName: 'Elizabeth', familyName: 'Smith', fullName: 'Elizabeth Smith' },
      isAdmin: true,
      isDelegatedAdmin: false,
      lastLoginTime: '2025-05-20T08:15:00.000Z',
      creationTime: '2019-02-01T10:00:00.000Z',
      agreedToTerms: true,
      suspended: false,
      archived: false,
      changePasswordAtNextLogin: false,
      ipWhitelisted: false,
      emails: [{ address: 'liz@example.com', primary: true }],
      aliases: ['admin@example.com'],
      customerId: 'C03az79cb',
      orgUnitPath: '/',
      isMailboxSetup: true,
      isEnrolledIn2Sv: false,
      isEnforcedIn2Sv: false,
      includeInGlobalAddressList: true,
    },
    {
      kind: 'admin#directory#user',
      id: '100000000000000000001',
      primaryEmail: 'gone@example.com',
      name: { givenName: 'Gone', familyName: 'User', fullName: 'Gone User' },
      suspended: true,
      suspensionReason: 'ADMIN',
      lastLoginTime: '1970-01-01T00:00:00.000Z',
    },
  ],
  nextPageToken: 'next',
};

describe('transformUsers', () => {
  it('flattens users into Cartography GSuiteUser properties', () => {
    const [users] = transformUsers(page, 'C03az79cb');
    expect(users?.rows[0]).toEqual({
      id: '104635839018264781205',
      user_id: '104635839018264781205',
      email: 'liz@example.com',
      primary_email: 'liz@example.com',
      name: 'Elizabeth Smith',
      family_name: 'Smith',
      given_name: 'Elizabeth',
      aliases: ['admin@example.com'],
      agreed_to_terms: true,
      archived: false,
      change_password_at_next_login: false,
      suspended: false,
      suspension_reason: null,
      is_admin: true,
      is_delegated_admin: false,
      is_enforced_in_2_sv: false,
      is_enrolled_in_2_sv: false,
      ip_whitelisted: false,
      org_unit_path: '/',
      include_in_global_address_list: true,
      is_mailbox_setup: true,
      creation_time: '2019-02-01T10:00:00.000Z',
      last_login_time: '2025-05-20T08:15:00.000Z',
      etag: '"u1"',
      kind: 'admin#directory#user',
      thumbnail_photo_etag: null,
      thumbnail_photo_url: null,
      customer_id: 'C03az79cb',
    });
    expect(users?.rows[1]).toMatchObject({
      suspended: true,
      suspension_reason: 'ADMIN',
      customer_id: 'C03az79cb',
    });
  });

  it('loads nothing from an empty page (the API leaves the list out)', () => {
    expect(transformUsers({ kind: 'admin#directory#users' }, 'C1')[0]?.rows).toEqual([]);
  });
});
