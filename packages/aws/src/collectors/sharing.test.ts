import { describe, expect, it } from 'vitest';
import { permissionSharing, restoreSharing, sharingProperties } from './sharing.ts';

describe('sharing', () => {
  it('reads an EC2 permission list: group all is public, user ids are the accounts', () => {
    expect(
      permissionSharing([{ Group: 'all' }, { UserId: '444455556666' }, { UserId: '111122223333' }]),
    ).toEqual({
      ispublic: true,
      shared_with_accounts: ['111122223333', '444455556666'],
    });
    expect(permissionSharing(undefined)).toEqual({ ispublic: false, shared_with_accounts: [] });
  });

  it('reads an RDS restore attribute', () => {
    expect(restoreSharing(['all'])).toEqual({ ispublic: true, shared_with_accounts: [] });
    expect(restoreSharing(['444455556666', '444455556666'])).toEqual({
      ispublic: false,
      shared_with_accounts: ['444455556666'],
    });
  });

  it('leaves both properties unset when the sharing is unknown', () => {
    expect(sharingProperties(undefined)).toEqual({ ispublic: undefined, shared_with_accounts: undefined });
  });
});
