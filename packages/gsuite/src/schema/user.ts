import { defineNode, refOf } from '@skygraph/core';
import { GSuiteTenant } from './tenant.ts';

/** A Workspace user account, keyed by its numeric id (properties as Cartography's GSuiteUser). */
export const GSuiteUser = defineNode({
  label: 'GSuiteUser',
  extraLabels: ['GCPPrincipal', 'UserAccount'],
  key: 'id',
  properties: {
    id: 'string',
    user_id: 'string',
    email: 'string',
    primary_email: 'string',
    name: 'string?',
    family_name: 'string?',
    given_name: 'string?',
    aliases: 'string[]?',
    agreed_to_terms: 'boolean?',
    archived: 'boolean?',
    change_password_at_next_login: 'boolean?',
    suspended: 'boolean?',
    suspension_reason: 'string?',
    /** Super administrator. */
    is_admin: 'boolean?',
    is_delegated_admin: 'boolean?',
    is_enforced_in_2_sv: 'boolean?',
    is_enrolled_in_2_sv: 'boolean?',
    ip_whitelisted: 'boolean?',
    org_unit_path: 'string?',
    include_in_global_address_list: 'boolean?',
    is_mailbox_setup: 'boolean?',
    creation_time: 'string?',
    /** As the API reports it: `1970-01-01T00:00:00.000Z` means never. */
    last_login_time: 'string?',
    etag: 'string?',
    kind: 'string?',
    thumbnail_photo_etag: 'string?',
    thumbnail_photo_url: 'string?',
    customer_id: 'string?',
  },
  scope: { owner: refOf(GSuiteTenant), rel: 'RESOURCE' },
  description: 'A Google Workspace user.',
});
