import { describe, expect, it } from 'vitest';
import type { AwsEstate } from './estate-types.ts';
import { addGeneratedAccount, generateAwsEstate } from './generate-estate.ts';

/** Member accounts no customer SCP reaches: none attached to them, their OUs or the root. */
function scpLess(estate: AwsEstate): string[] {
  const parentOf = new Map<string, string>(estate.organizationalUnits.map((o) => [o.id, o.parentId]));
  const guarded = new Set(
    estate.organizationPolicies
      .filter((p) => p.type === 'SERVICE_CONTROL_POLICY' && !p.awsManaged)
      .flatMap((p) => p.targetIds),
  );
  return estate.accounts
    .filter((a) => a.parentId !== undefined && a.status === 'ACTIVE')
    .filter((a) => a.id !== estate.organization.managementAccountId)
    .filter((a) => {
      // The account, then each OU above it, then the root.
      for (
        let id: string | undefined = a.id, next = a.parentId;
        id;
        id = next, next = parentOf.get(id ?? '')
      ) {
        if (guarded.has(id)) return false;
      }
      return true;
    })
    .map((a) => a.name);
}

describe('generated Organizations policies', () => {
  it('seeds an account only FullAWSAccess reaches, an SCP on an account and an RCP, all with misconfigurations', () => {
    const estate = generateAwsEstate({ seed: 7, accounts: 4 });
    expect(scpLess(estate)).toEqual(['acme-security']);
    const names = estate.organizationPolicies.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'FullAWSAccess',
        'deny-leave-organization',
        'region-restriction',
        'RCPFullAWSAccess',
        'rcp-enforce-secure-transport',
      ]),
    );
    const logArchive = estate.accounts.find((a) => a.name === 'acme-log-archive');
    expect(estate.organizationPolicies.find((p) => p.name === 'protect-log-archive')?.targetIds).toEqual([
      logArchive?.id,
    ]);
  });

  it('guards every account without misconfigurations', () => {
    const estate = generateAwsEstate({ seed: 7, accounts: 12, misconfigurations: false });
    expect(scpLess(estate)).toEqual([]);
    const onAccounts = estate.organizationPolicies.filter(
      (p) => !p.awsManaged && p.targetIds.some((t) => /^\d{12}$/.test(t)),
    );
    expect(onAccounts).toEqual([]);
  });

  it('grows with the organisation: more accounts, more attachments and account-level SCPs', () => {
    const small = generateAwsEstate({ seed: 7, accounts: 4 });
    const large = generateAwsEstate({ seed: 7, accounts: 40 });
    const attachments = (e: AwsEstate) => e.organizationPolicies.reduce((n, p) => n + p.targetIds.length, 0);
    expect(large.organizationPolicies.length).toBeGreaterThan(small.organizationPolicies.length + 5);
    // Each added account holds FullAWSAccess and RCPFullAWSAccess, the sandbox ones their own SCP too.
    expect(attachments(large) - attachments(small)).toBeGreaterThan(2 * (40 - 4));
  });

  it('attaches the full-access policies to an account added later, as AWS does', () => {
    const estate = generateAwsEstate({ seed: 7, accounts: 2 });
    const added = addGeneratedAccount(estate, { name: 'acme-new-team' });
    const holding = estate.organizationPolicies.filter((p) => p.targetIds.includes(added.id));
    expect(holding.map((p) => p.name).sort()).toEqual(['FullAWSAccess', 'RCPFullAWSAccess']);
  });
});
