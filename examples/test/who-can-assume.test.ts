import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGraph } from '../lib/demo-graph.ts';
import { main } from '../who-can-assume.ts';
import { captureOutput } from './capture-output.ts';
import { openTestDemoGraph } from './demo-fixture.ts';

describe('who-can-assume example', () => {
  let graph: DemoGraph;
  beforeAll(async () => {
    graph = await openTestDemoGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  const accountId = (name: string) => {
    const account = graph.demo.aws?.estate.accounts.find((a) => a.name === name);
    if (!account) throw new Error(`the demo estate has no account ${name}`);
    return account.id;
  };

  it('flags the role that trusts everyone and the vendor role trusting an account outside the organisation', async () => {
    const out = captureOutput();
    const roles = await main({ client: graph.client, out: out.stream });
    const everyone = roles.filter((r) => r.roleName === 'trust-everyone-role');
    expect(everyone.length).toBeGreaterThan(0);
    for (const role of everyone) expect(role.warnings).toContain('trusts everyone');

    const vendor = accountId('vendor-external');
    const vendorRoles = roles.filter((r) => r.roleName === 'cross-account-vendor-role');
    expect(vendorRoles.length).toBeGreaterThan(0);
    for (const role of vendorRoles) {
      expect(role.trusts).toContain(`arn:aws:iam::${vendor}:root`);
      expect(role.warnings).toContain(`trusts ${vendor}, outside the organisation`);
    }
    expect(out.text()).toContain(`!! trusts ${vendor}, outside the organisation`);
    expect(out.text()).toContain('!! trusts everyone');
  });

  it('does not flag roles that trust accounts of the organisation', async () => {
    const roles = await main({ client: graph.client, role: 'role-security-audit' });
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect(role.trusts).toEqual([`arn:aws:iam::${accountId('acme-management')}:root`]);
      expect(role.warnings).toEqual([]);
    }
  });

  it('answers what one principal can assume, from STS_ASSUMEROLE_ALLOW', async () => {
    const out = captureOutput();
    const roles = await main({ client: graph.client, principal: 'assume-anything-dave', out: out.stream });
    const dave = `arn:aws:iam::${accountId('acme-management')}:user/assume-anything-dave`;
    const names = roles.map((r) => `${r.accountName}/${r.roleName}`);
    // sts:AssumeRole on * and the member accounts trusting the management account: the audit and admin roles.
    expect(names).toEqual(
      expect.arrayContaining([
        'acme-security/role-security-audit',
        'acme-security/OrganizationAccountAccessRole',
      ]),
    );
    for (const role of roles) expect(role.assumableBy).toEqual([dave]);
    expect(out.text()).toMatch(/^Roles assume-anything-dave can assume: \d+/);
    expect(out.text()).toContain(`can be assumed by:  ${dave}`);
  });

  it('lists who can assume a role, as the graph relationships say', async () => {
    const roles = await main({ client: graph.client, role: 'OrganizationAccountAccessRole' });
    const edges = await graph.store.read<{ role: string; principal: string }>(
      "MATCH (p:AWSPrincipal)-[:STS_ASSUMEROLE_ALLOW]->(r:AWSRole {name: 'OrganizationAccountAccessRole'}) RETURN r.arn AS role, p.arn AS principal",
    );
    expect(edges.length).toBeGreaterThan(0);
    for (const role of roles) {
      const expected = edges.filter((e) => e.role === role.roleArn).map((e) => e.principal);
      expect([...role.assumableBy].sort()).toEqual([...new Set(expected)].sort());
    }
  });
});
