import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  paginateListPolicies,
  paginateListTargetsForPolicy,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsPolicyTypeSummary } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let policyTypes: AwsPolicyTypeSummary[];

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 23,
    scale: { accounts: 30, regionsPerAccount: 1, resourcesPerRegion: 1 },
  });
  policyTypes = emulator.estate.organization.policyTypes.map((t) => ({ ...t }));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.estate.organization.policyTypes = policyTypes.map((t) => ({ ...t }));
  emulator.setFaults([]);
});

const org = () => new OrganizationsClient(clientConfig(emulator));
const members = () => emulator.estate.accounts.filter((a) => a.parentId !== undefined);

async function allPolicies(Filter: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', pageSize = 20) {
  const policies = [];
  let pages = 0;
  for await (const page of paginateListPolicies({ client: org(), pageSize }, { Filter })) {
    pages++;
    policies.push(...(page.Policies ?? []));
  }
  return { policies, pages };
}

async function targetsOf(PolicyId: string) {
  const targets = [];
  for await (const page of paginateListTargetsForPolicy({ client: org() }, { PolicyId }))
    targets.push(...(page.Targets ?? []));
  return targets;
}

describe('Organizations policies emulation', () => {
  it('reports the enabled policy types on the root', async () => {
    const roots = await org().send(new ListRootsCommand({}));
    expect(roots.Roots?.[0]?.PolicyTypes).toEqual([
      { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
      { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
    ]);
  });

  it('lists the policies of one type across pages, with the documented summary', async () => {
    const { policies, pages } = await allPolicies('SERVICE_CONTROL_POLICY', 3);
    const expected = emulator.estate.organizationPolicies.filter((p) => p.type === 'SERVICE_CONTROL_POLICY');
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(policies.map((p) => p.Id)).toEqual(expected.map((p) => p.id));
    expect(policies[0]).toEqual({
      Id: 'p-FullAWSAccess',
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
      Name: 'FullAWSAccess',
      Description: 'Allows access to every operation',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: true,
    });
    const customer = policies.find((p) => !p.AwsManaged);
    expect(customer?.Id).toMatch(/^p-[0-9a-z]{8}$/);
    expect(customer?.Arn).toBe(
      `arn:aws:organizations::${emulator.estate.organization.managementAccountId}:policy/${emulator.estate.organization.id}/service_control_policy/${customer?.Id}`,
    );
    const rcps = await allPolicies('RESOURCE_CONTROL_POLICY');
    expect(rcps.policies.map((p) => p.Type)).toContain('RESOURCE_CONTROL_POLICY');
    expect(rcps.policies.every((p) => p.Type === 'RESOURCE_CONTROL_POLICY')).toBe(true);
    expect((await org().send(new ListPoliciesCommand({ Filter: 'TAG_POLICY' }))).Policies).toEqual([]);
  });

  it('describes a policy with its document as a JSON string', async () => {
    const out = await org().send(new DescribePolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
    expect(out.Policy?.PolicySummary?.Name).toBe('FullAWSAccess');
    expect(JSON.parse(out.Policy?.Content ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('attaches FullAWSAccess to the root, every OU and every account, as AWS does when SCPs are enabled', async () => {
    const { organization, organizationalUnits } = emulator.estate;
    const targets = await targetsOf('p-FullAWSAccess');
    expect(targets.length).toBe(1 + organizationalUnits.length + members().length);
    expect(targets[0]).toEqual({
      TargetId: organization.rootId,
      Arn: organization.rootArn,
      Name: 'Root',
      Type: 'ROOT',
    });
    const account = members()[1];
    expect(targets.find((t) => t.TargetId === account?.id)).toEqual({
      TargetId: account?.id,
      Arn: `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${account?.id}`,
      Name: account?.name,
      Type: 'ACCOUNT',
    });
    const workloads = organizationalUnits.find((o) => o.name === 'Workloads');
    const restriction = emulator.estate.organizationPolicies.find((p) => p.name === 'region-restriction');
    expect(await targetsOf(restriction?.id ?? '')).toEqual([
      { TargetId: workloads?.id, Arn: workloads?.arn, Name: 'Workloads', Type: 'ORGANIZATIONAL_UNIT' },
    ]);
  });

  it('attaches nothing of a type that is not enabled, and no longer reports the type on the root', async () => {
    emulator.estate.organization.policyTypes = policyTypes.filter(
      (t) => t.type !== 'RESOURCE_CONTROL_POLICY',
    );
    const roots = await org().send(new ListRootsCommand({}));
    expect(roots.Roots?.[0]?.PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
    // The policies still exist (ListPolicies documents no error for a disabled type); they apply nowhere.
    expect((await allPolicies('RESOURCE_CONTROL_POLICY')).policies.length).toBeGreaterThan(0);
    expect(await targetsOf('p-RCPFullAWSAccess')).toEqual([]);
    expect((await targetsOf('p-FullAWSAccess')).length).toBeGreaterThan(0);
  });

  it('answers bad input and unknown policies with the documented errors', async () => {
    const badFilter = await rejectionOf(
      org().send(new ListPoliciesCommand({ Filter: 'NOT_A_TYPE' as 'TAG_POLICY' })),
    );
    expect(badFilter.name).toBe('InvalidInputException');
    const tooMany = await rejectionOf(
      org().send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY', MaxResults: 21 })),
    );
    expect(tooMany.name).toBe('InvalidInputException');
    expect((await rejectionOf(org().send(new DescribePolicyCommand({ PolicyId: 'p-zzzzzzzz' })))).name).toBe(
      'PolicyNotFoundException',
    );
    expect((await rejectionOf(org().send(new DescribePolicyCommand({ PolicyId: 'nope' })))).name).toBe(
      'InvalidInputException',
    );
    expect(
      (await rejectionOf(org().send(new ListTargetsForPolicyCommand({ PolicyId: 'p-zzzzzzzz' })))).name,
    ).toBe('PolicyNotFoundException');
  });

  it('is for the management account only; an injected denial is AccessDeniedException', async () => {
    const member = members().find((a, i) => i > 0 && a.status === 'ACTIVE');
    const memberOrg = new OrganizationsClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, member?.id ?? '') }),
    );
    const denied = await rejectionOf(
      memberOrg.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' })),
    );
    expect(denied.name).toBe('AccessDeniedException');
    emulator.setFaults([{ service: 'organizations', operation: 'DescribePolicy', kind: 'AccessDenied' }]);
    expect(
      (await rejectionOf(org().send(new DescribePolicyCommand({ PolicyId: 'p-FullAWSAccess' })))).name,
    ).toBe('AccessDeniedException');
  });

  it('outside an organisation: AWSOrganizationsNotInUseException', async () => {
    const vendor = emulator.estate.accounts.find((a) => a.parentId === undefined);
    const key = vendor?.iam.users[0]?.accessKeys[0]?.accessKeyId ?? '';
    const outsider = new OrganizationsClient(
      clientConfig(emulator, { credentials: { accessKeyId: key, secretAccessKey: 'x' } }),
    );
    expect(
      (await rejectionOf(outsider.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' })))).name,
    ).toBe('AWSOrganizationsNotInUseException');
  });
});
