import { describe, expect, it } from 'vitest';
import { expectOrganizationPoliciesMatchEstate } from './estate-expectations.ts';
import { count, testEstate, useEmulatedAws } from './sync-helpers.ts';

const ORG_ONLY = { awsServices: ['organizations'] };

describe('AWS Organizations policies', () => {
  // Each test serves the organisation it needs (one of them two), and syncs only Organizations.
  const aws = useEmulatedAws({ estate: false, warnFields: ['policyType'], values: ORG_ONLY });
  const estateOf = (seed: number, accounts = 8) => testEstate({ seed, accounts, regionsPerAccount: 1 });

  it('writes the SCPs and RCPs with their documents and attachments; a re-sync follows detachments and deletions', async () => {
    const estate = estateOf(61);
    await aws.serve(estate);
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    await expectOrganizationPoliciesMatchEstate(aws.store, estate);

    // The region restriction, read the way a person would: on which OU, denying what, where.
    const [restriction] = await aws.store.read(
      `MATCH (p:AWSOrganizationPolicy {name: 'region-restriction'})-[:ATTACHED_TO]->(ou:AWSOrganizationalUnit)
       MATCH (p)-[:STATEMENT]->(s:AWSOrganizationPolicyStatement)
       RETURN ou.name AS ou, p.type AS type, p.aws_managed AS aws_managed, s.effect AS effect, s.condition AS condition`,
    );
    expect(restriction).toEqual({
      ou: 'Workloads',
      type: 'SERVICE_CONTROL_POLICY',
      aws_managed: false,
      effect: 'Deny',
      condition: `[{"StringNotEquals": {"aws:RequestedRegion": ["${estate.accounts[0]?.enabledRegions[0]}"]}}]`,
    });
    expect(
      await count(
        aws.store,
        "MATCH (:AWSOrganizationPolicy {policy_id: 'p-FullAWSAccess'})-[:ATTACHED_TO]->(a:AWSAccount) RETURN count(a) AS c",
      ),
    ).toBe(estate.accounts.filter((a) => a.parentId !== undefined).length);

    // Detach the region restriction and delete the leave-organisation guardrail.
    const restricted = estate.organizationPolicies.find((p) => p.name === 'region-restriction');
    if (!restricted) throw new Error('no region restriction seeded');
    restricted.targetIds = [];
    estate.organizationPolicies = estate.organizationPolicies.filter(
      (p) => p.name !== 'deny-leave-organization',
    );
    expect((await aws.sync()).result.errors).toEqual([]);
    await expectOrganizationPoliciesMatchEstate(aws.store, estate);
    expect(
      await count(
        aws.store,
        "MATCH (s:AWSOrganizationPolicyStatement) WHERE s.sid = 'DenyLeaveOrganization' RETURN count(s) AS c",
      ),
    ).toBe(0);
  });

  it("keeps each organisation's FullAWSAccess apart in a shared graph", async () => {
    const first = estateOf(62, 3);
    const second = estateOf(63, 3);
    await aws.serve(first);
    await aws.sync();
    await aws.serve(second);
    await aws.sync();
    const rows = await aws.store.read(
      `MATCH (o:AWSOrganization)-[:RESOURCE]->(p:AWSOrganizationPolicy {policy_id: 'p-FullAWSAccess'})-[:ATTACHED_TO]->(r:AWSOrganizationRoot)
       RETURN o.id AS org, r.org_id AS root_org ORDER BY org`,
    );
    expect(rows).toEqual(
      [first.organization.id, second.organization.id].sort().map((id) => ({ org: id, root_org: id })),
    );
    await expectOrganizationPoliciesMatchEstate(aws.store, first);
    await expectOrganizationPoliciesMatchEstate(aws.store, second);
  });

  it('skips a policy type that is not enabled with one warning; the rest of the organisation syncs', async () => {
    const estate = estateOf(64);
    estate.organization.policyTypes = estate.organization.policyTypes.filter(
      (t) => t.type !== 'RESOURCE_CONTROL_POLICY',
    );
    await aws.serve(estate);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('success');
    expect(result.scopes.map((s) => s.status)).toEqual(['success']);
    expect(warnings).toEqual([
      {
        msg: 'resource control policies (RCPs) are not enabled on the organisation root; skipped',
        policyType: 'RESOURCE_CONTROL_POLICY',
      },
    ]);
    expect(
      await count(
        aws.store,
        "MATCH (p:AWSOrganizationPolicy {type: 'RESOURCE_CONTROL_POLICY'}) RETURN count(p) AS c",
      ),
    ).toBe(0);
    await expectOrganizationPoliciesMatchEstate(aws.store, estate);
    expect(await count(aws.store, 'MATCH (o:AWSOrganizationalUnit) RETURN count(o) AS c')).toBe(
      estate.organizationalUnits.length,
    );
  });

  it('skips the policies the hub may not read with a warning per type; the tree still syncs', async () => {
    const estate = estateOf(65);
    const emulator = await aws.serve(estate);
    emulator.setFaults([{ service: 'organizations', operation: 'ListPolicies', kind: 'AccessDenied' }]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('success');
    expect(result.errors).toEqual([]);
    expect(warnings.map((w) => w.policyType)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
    expect(warnings[0]?.msg).toContain('denied');
    expect(await count(aws.store, 'MATCH (p:AWSOrganizationPolicy) RETURN count(p) AS c')).toBe(0);
    expect(await count(aws.store, 'MATCH (o:AWSOrganizationalUnit) RETURN count(o) AS c')).toBe(
      estate.organizationalUnits.length,
    );
  });
});
