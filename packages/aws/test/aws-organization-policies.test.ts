import { Writable } from 'node:stream';
import {
  type AwsEmulator,
  type AwsEstate,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { createLogger, type GraphStore, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOrganizationPoliciesMatchEstate } from './estate-expectations.ts';
import { count, emulatedProvider, FAST_RETRY, syncAws } from './sync-helpers.ts';

/** A logger that keeps its warnings, as a user reads them on standard error. */
function recordingLogger() {
  const warnings: { msg: string; policyType?: string }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { level: number; msg: string; policyType?: string };
        if (entry.level === 40) warnings.push({ msg: entry.msg, policyType: entry.policyType });
      }
      done();
    },
  });
  return { log: createLogger({ level: 'warn', json: true, destination }), warnings };
}

const ORG_ONLY = { awsServices: ['organizations'] };

describe('AWS Organizations policies', () => {
  let store: GraphStore;
  const emulators: AwsEmulator[] = [];
  const serve = async (estate: AwsEstate) => {
    const emulator = await startAwsEmulator({ estate });
    emulators.push(emulator);
    return emulator;
  };
  const estateOf = (seed: number, accounts = 8) =>
    generateAwsEstate({ seed, accounts, regionsPerAccount: 1, now: '2025-06-01T00:00:00Z' });

  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
    await Promise.all(emulators.splice(0).map((e) => e.close()));
  });

  it('writes the SCPs and RCPs with their documents and attachments; a re-sync follows detachments and deletions', async () => {
    const estate = estateOf(61);
    const emulator = await serve(estate);
    const result = await syncAws(store, emulator, ORG_ONLY);
    expect(result.errors).toEqual([]);
    await expectOrganizationPoliciesMatchEstate(store, estate);

    // The region restriction, read the way a person would: on which OU, denying what, where.
    const [restriction] = await store.read(
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
        store,
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
    expect((await syncAws(store, emulator, ORG_ONLY)).errors).toEqual([]);
    await expectOrganizationPoliciesMatchEstate(store, estate);
    expect(
      await count(
        store,
        "MATCH (s:AWSOrganizationPolicyStatement) WHERE s.sid = 'DenyLeaveOrganization' RETURN count(s) AS c",
      ),
    ).toBe(0);
  });

  it("keeps each organisation's FullAWSAccess apart in a shared graph", async () => {
    const first = estateOf(62, 3);
    const second = estateOf(63, 3);
    await syncAws(store, await serve(first), ORG_ONLY);
    await syncAws(store, await serve(second), ORG_ONLY);
    const rows = await store.read(
      `MATCH (o:AWSOrganization)-[:RESOURCE]->(p:AWSOrganizationPolicy {policy_id: 'p-FullAWSAccess'})-[:ATTACHED_TO]->(r:AWSOrganizationRoot)
       RETURN o.id AS org, r.org_id AS root_org ORDER BY org`,
    );
    expect(rows).toEqual(
      [first.organization.id, second.organization.id].sort().map((id) => ({ org: id, root_org: id })),
    );
    await expectOrganizationPoliciesMatchEstate(store, first);
    await expectOrganizationPoliciesMatchEstate(store, second);
  });

  it('skips a policy type that is not enabled with one warning; the rest of the organisation syncs', async () => {
    const estate = estateOf(64);
    estate.organization.policyTypes = estate.organization.policyTypes.filter(
      (t) => t.type !== 'RESOURCE_CONTROL_POLICY',
    );
    const emulator = await serve(estate);
    const { log, warnings } = recordingLogger();
    const result = await sync({
      store,
      providers: [emulatedProvider(emulator, ORG_ONLY)],
      retry: FAST_RETRY,
      log,
    });
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
        store,
        "MATCH (p:AWSOrganizationPolicy {type: 'RESOURCE_CONTROL_POLICY'}) RETURN count(p) AS c",
      ),
    ).toBe(0);
    await expectOrganizationPoliciesMatchEstate(store, estate);
    expect(await count(store, 'MATCH (o:AWSOrganizationalUnit) RETURN count(o) AS c')).toBe(
      estate.organizationalUnits.length,
    );
  });

  it('skips the policies the hub may not read with a warning per type; the tree still syncs', async () => {
    const estate = estateOf(65);
    const emulator = await serve(estate);
    emulator.setFaults([{ service: 'organizations', operation: 'ListPolicies', kind: 'AccessDenied' }]);
    const { log, warnings } = recordingLogger();
    const result = await sync({
      store,
      providers: [emulatedProvider(emulator, ORG_ONLY)],
      retry: FAST_RETRY,
      log,
    });
    expect(result.status).toBe('success');
    expect(result.errors).toEqual([]);
    expect(warnings.map((w) => w.policyType)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
    expect(warnings[0]?.msg).toContain('denied');
    expect(await count(store, 'MATCH (p:AWSOrganizationPolicy) RETURN count(p) AS c')).toBe(0);
    expect(await count(store, 'MATCH (o:AWSOrganizationalUnit) RETURN count(o) AS c')).toBe(
      estate.organizationalUnits.length,
    );
  });
});
