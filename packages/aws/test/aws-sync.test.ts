import {
  type AwsEmulator,
  type AwsEstate,
  addGeneratedAccount,
  generateAwsEstate,
  makeBucketPublic,
  openToWorld,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { type GraphStore, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeMembers,
  expectGraphMatchesEstate,
  expectOrganizationPoliciesMatchEstate,
  instanceNamed,
} from './estate-expectations.ts';
import { count, emulatedProvider, FAST_RETRY, syncAws } from './sync-helpers.ts';

describe('AWS provider against the emulator', () => {
  let estate: AwsEstate;
  let emulator: AwsEmulator;
  let store: GraphStore;

  beforeAll(async () => {
    estate = generateAwsEstate({ seed: 21, accounts: 3, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z' });
    emulator = await startAwsEmulator({ estate });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(async () => {
    store = await openTestStore();
    emulator.setFaults([]);
  });
  afterEach(async () => {
    await store.close();
  });

  const management = () => estate.accounts[0] as AwsEstate['accounts'][number];
  const firstRegion = () => management().enabledRegions[0] as string;

  it('syncs every account and region of the organisation, exactly as the estate holds them', async () => {
    const result = await syncAws(store, emulator);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    const members = activeMembers(estate);
    // One organisation scope, one global scope per account, one scope per account and region.
    expect(result.scopes.map((s) => s.id).sort()).toEqual(
      [
        `aws/organization/${estate.organization.id}`,
        ...members.flatMap((a) => [`aws/${a.id}/global`, ...a.enabledRegions.map((r) => `aws/${a.id}/${r}`)]),
      ].sort(),
    );
    await expectGraphMatchesEstate(store, estate);
    await expectOrganizationPoliciesMatchEstate(store, estate);

    const accounts = await store.read(
      'MATCH (a:AWSAccount) RETURN a.id AS id, a.name AS name, a.inscope AS inscope ORDER BY id',
    );
    expect(accounts).toEqual(
      estate.accounts
        .filter((a) => a.parentId !== undefined)
        .map((a) => ({ id: a.id, name: a.name, inscope: a.status === 'ACTIVE' }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    );
    // The OU tree: every OU under the organisation, each account under its parent.
    expect(
      await count(
        store,
        'MATCH (:AWSOrganization)-[:RESOURCE]->(o:AWSOrganizationalUnit) RETURN count(o) AS c',
      ),
    ).toBe(estate.organizationalUnits.length);
    for (const account of members) {
      const parent = await store.read(
        'MATCH (:AWSAccount {id: $id})-[:PARENT]->(p) RETURN coalesce(p.ou_id, p.root_id) AS id',
        { id: account.id },
      );
      expect(parent).toEqual([{ id: account.parentId }]);
    }
    expect(
      await count(
        store,
        "MATCH (:AWSOrganizationalUnit {name: 'Sandbox'})-[:PARENT]->(:AWSOrganizationalUnit {name: 'NonProd'})-[:PARENT]->(:AWSOrganizationalUnit {name: 'Workloads'})-[:PARENT]->(:AWSOrganizationRoot) RETURN count(*) AS c",
      ),
    ).toBe(1);
  });

  it('links resources with the relationships Cartography queries use', async () => {
    await syncAws(store, emulator);
    const region = management().regions[firstRegion()] as AwsEstate['accounts'][number]['regions'][string];
    const bastion = instanceNamed(region, 'bastion-ssh-open');
    const keyed = region.instances.find((i) => i.keyName && i.blockDeviceMappings.length > 0);

    const [links] = await store.read(
      `MATCH (i:EC2Instance {id: $id})-[:PART_OF_SUBNET]->(s:EC2Subnet)-[:MEMBER_OF_AWS_VPC]->(v:AWSVpc)
       MATCH (i)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(g:EC2SecurityGroup)
       MATCH (i)-[:MEMBER_OF_EC2_RESERVATION]->(r:EC2Reservation)
       MATCH (i)-[:NETWORK_INTERFACE]->(n:NetworkInterface)
       MATCH (vol:EBSVolume)-[:ATTACHED_TO]->(i)
       RETURN s.id AS subnet, v.id AS vpc, g.name AS group, r.id AS reservation, n.id AS eni, vol.id AS volume`,
      { id: bastion.instanceId },
    );
    expect(links).toEqual({
      subnet: bastion.subnetId,
      vpc: bastion.vpcId,
      group: 'open-ssh-world',
      reservation: bastion.reservationId,
      eni: bastion.networkInterfaceIds[0],
      volume: bastion.blockDeviceMappings[0]?.volumeId,
    });

    const [login] = await store.read(
      'MATCH (k:EC2KeyPair)-[:SSH_LOGIN_TO]->(i:EC2Instance {id: $id}) RETURN k.keyname AS key, k.region AS region',
      { id: keyed?.instanceId },
    );
    expect(login).toEqual({ key: keyed?.keyName, region: firstRegion() });

    // (:IpRange)-[:MEMBER_OF_IP_RULE]->(:IpPermissionInbound)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(:EC2SecurityGroup)
    const [rule] = await store.read(
      `MATCH (r:IpRange {id: '0.0.0.0/0'})-[:MEMBER_OF_IP_RULE]->(p:IpPermissionInbound)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(g:EC2SecurityGroup {name: 'open-ssh-world'})
       RETURN p.protocol AS protocol, p.fromport AS fromport, p.toport AS toport, r.range AS range`,
    );
    expect(rule).toEqual({ protocol: 'tcp', fromport: 22, toport: 22, range: '0.0.0.0/0' });

    // Load balancers expose the web servers behind them, and carry their listeners.
    const exposedByLb = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(lb:LoadBalancer)-[:EXPOSE]->(i:EC2Instance)
       WHERE lb.name IN ['public-web-elb', 'public-web-alb'] AND i.region = $region
       RETURN lb.name AS lb, count(i) AS instances ORDER BY lb`,
      { region: firstRegion(), account: management().id },
    );
    expect(exposedByLb.filter((r) => r.instances === 2)).toHaveLength(2);
    expect(
      await count(
        store,
        "MATCH (:AWSLoadBalancerV2:LoadBalancerV2 {name: 'public-web-alb'})-[:ELBV2_LISTENER]->(l:ELBV2Listener {port: 80}) RETURN count(l) AS c",
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        store,
        "MATCH (:AWSLoadBalancer {name: 'public-web-elb'})-[:ELB_LISTENER]->(l:ELBListener:Endpoint {port: 80, instance_port: 80}) RETURN count(l) AS c",
      ),
    ).toBeGreaterThan(0);

    // RDS: subnet group, security group, cluster membership.
    const [db] = await store.read(
      `MATCH (d:RDSInstance:Database {db_instance_identifier: 'public-unencrypted-db', region: $region})-[:MEMBER_OF_DB_SUBNET_GROUP]->(g:DBSubnetGroup)-[:RESOURCE]->(:EC2Subnet)
       MATCH (d)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:EC2SecurityGroup)
       RETURN DISTINCT g.name AS group, sg.name AS sg, d.publicly_accessible AS public, d.storage_encrypted AS encrypted`,
      { region: firstRegion() },
    );
    expect(db).toMatchObject({ sg: 'db-open-world', public: true, encrypted: false });
    const clusterMembers = region.dbClusters.reduce((n, c) => n + c.members.length, 0);
    expect(
      await count(
        store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(i:RDSInstance {region: $region})-[:IS_CLUSTER_MEMBER_OF]->(:RDSCluster) RETURN count(i) AS c',
        { account: management().id, region: firstRegion() },
      ),
    ).toBe(clusterMembers);

    // IAM: groups, access keys, trust, instance profiles.
    expect(
      await count(
        store,
        "MATCH (u:AWSUser:AWSPrincipal {name: 'many-groups-carol'})-[:MEMBER_AWS_GROUP]->(g:AWSGroup) WHERE u.arn STARTS WITH $prefix RETURN count(g) AS c",
        { prefix: `arn:aws:iam::${management().id}:` },
      ),
    ).toBe(6);
    expect(
      await count(
        store,
        "MATCH (u:AWSUser {name: 'ci-deployer'})-[:AWS_ACCESS_KEY]->(k:AccountAccessKey {status: 'Active'}) WHERE u.arn STARTS WITH $prefix RETURN count(k) AS c",
        { prefix: `arn:aws:iam::${management().id}:` },
      ),
    ).toBe(2);
    // The same links under Cartography's newer relationship types.
    expect(
      await count(
        store,
        "MATCH (u:AWSUser {name: 'many-groups-carol'})-[:MEMBER_OF]->(g:AWSGroup) WHERE u.arn STARTS WITH $prefix RETURN count(g) AS c",
        { prefix: `arn:aws:iam::${management().id}:` },
      ),
    ).toBe(6);
    expect(
      await count(
        store,
        "MATCH (k:AWSAccountAccessKey {status: 'Active'})-[:OWNED_BY]->(u:AWSUser {name: 'ci-deployer'}) WHERE u.arn STARTS WITH $prefix RETURN count(k) AS c",
        { prefix: `arn:aws:iam::${management().id}:` },
      ),
    ).toBe(2);
    expect(
      await count(
        store,
        "MATCH (:AWSRole {name: 'ec2-app-role'})-[:TRUSTS_AWS_PRINCIPAL]->(:AWSServicePrincipal {id: 'ec2.amazonaws.com'}) RETURN count(*) AS c",
      ),
    ).toBe(activeMembers(estate).length);
    expect(
      await count(
        store,
        "MATCH (:EC2Instance)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r:AWSRole {name: 'ec2-app-role'}) RETURN count(*) AS c",
      ),
    ).toBe(
      activeMembers(estate)
        .flatMap((a) => Object.values(a.regions).flatMap((r) => r.instances))
        .filter((i) => i.iamInstanceProfile).length,
    );
    // Every member's audit role trusts the management account: a cross-account edge, whatever the scope order.
    expect(
      await count(
        store,
        "MATCH (r:AWSRole {name: 'role-security-audit'})-[:TRUSTS_AWS_PRINCIPAL]->(:AWSRootPrincipal {id: $root}) RETURN count(r) AS c",
        { root: `arn:aws:iam::${management().id}:root` },
      ),
    ).toBe(activeMembers(estate).length);
    // Statements of inline and managed policies.
    expect(
      await count(
        store,
        "MATCH (:AWSUser {name: 'assume-anything-dave'})-[:POLICY]->(:AWSInlinePolicy:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement {effect: 'Allow'}) WHERE 'sts:AssumeRole' IN s.action RETURN count(s) AS c",
      ),
    ).toBe(activeMembers(estate).length);
  });

  it('links load balancers to their interfaces on the first sync; an unchanged re-sync records no change', async () => {
    // The interfaces load before the load balancers in a region: the edge must not wait for a second sync.
    const first = await sync({ store, providers: [emulatedProvider(emulator)], retry: FAST_RETRY });
    expect(first.status).toBe('success');
    const expected = estate.accounts
      .filter((a) => a.status === 'ACTIVE')
      .flatMap((a) => a.enabledRegions.flatMap((r) => a.regions[r]?.networkInterfaces ?? []))
      .filter((n) => n.description.startsWith('ELB ')).length;
    expect(expected).toBeGreaterThan(0);
    expect(
      await count(
        store,
        'MATCH (lb:AWSLoadBalancerV2)-[:NETWORK_INTERFACE]->(n:AWSNetworkInterface) WHERE n.description = "ELB " + split(lb.arn, ":loadbalancer/")[1] RETURN count(*) AS c',
      ),
    ).toBe(expected);

    const second = await sync({ store, providers: [emulatedProvider(emulator)], retry: FAST_RETRY });
    expect(second.status).toBe('success');
    const changes = await store.read(
      'MATCH (c:SkygraphChange {update_tag: $tag}) RETURN c.kind AS kind, c.label AS label, c.key AS key LIMIT 5',
      { tag: second.updateTag },
    );
    expect(changes).toEqual([]);
  });

  it("links a classic load balancer to its source security group in the load balancer's region only", async () => {
    // Two regions of one account each have a group of the name the second region's load balancers
    // name as their source: only the group in the load balancer's own region is its source.
    const local = generateAwsEstate({
      seed: 22,
      accounts: 2,
      regionsPerAccount: 2,
      now: '2025-06-01T00:00:00Z',
    });
    const [account] = activeMembers(local);
    if (!account) throw new Error('the estate has no member account');
    const [here, there] = account.enabledRegions.map((r) => account.regions[r]);
    const elb = there?.classicLoadBalancers[0];
    const namesake = here?.securityGroups[0];
    if (!elb || !namesake) throw new Error('the estate lacks a classic load balancer or a security group');
    namesake.groupName = elb.sourceSecurityGroup.groupName;
    const localEmulator = await startAwsEmulator({ estate: local });
    try {
      // One scope at a time: the first region's group is in the graph when the second region loads.
      const result = await sync({
        store,
        providers: [emulatedProvider(localEmulator)],
        retry: FAST_RETRY,
        concurrency: 1,
      });
      expect(result.status).toBe('success');
      const edges = await store.read(
        'MATCH (lb:AWSLoadBalancer)-[:SOURCE_SECURITY_GROUP]->(sg:EC2SecurityGroup) WHERE lb.id = $dns RETURN sg.region AS region',
        { dns: elb.dnsName },
      );
      expect(edges).toEqual([{ region: account.enabledRegions[1] }]);
      // Every classic load balancer of the estate has at most one source group, in its region.
      const wrong = await count(
        store,
        'MATCH (lb:AWSLoadBalancer)-[:SOURCE_SECURITY_GROUP]->(sg) WHERE sg.region <> lb.region RETURN count(*) AS c',
      );
      expect(wrong).toBe(0);
    } finally {
      await localEmulator.close();
    }
  });

  it('flags the seeded internet exposure with its type and ports', async () => {
    await syncAws(store, emulator);
    const region = management().regions[firstRegion()] as AwsEstate['accounts'][number]['regions'][string];
    const flags = async (id: string) =>
      (
        await store.read(
          'MATCH (i:EC2Instance {id: $id}) RETURN i.exposed_internet AS exposed, i.exposed_internet_type AS type, i.exposed_internet_ports AS ports',
          { id },
        )
      )[0];
    expect(await flags(instanceNamed(region, 'bastion-ssh-open').instanceId)).toEqual({
      exposed: true,
      type: ['direct'],
      ports: ['tcp/22'],
    });
    expect(await flags(instanceNamed(region, 'windows-rdp-open').instanceId)).toEqual({
      exposed: true,
      type: ['direct'],
      ports: ['tcp/3389'],
    });
    expect(await flags(instanceNamed(region, 'debug-all-open').instanceId)).toMatchObject({
      exposed: true,
      type: ['direct'],
    });
    expect((await flags(instanceNamed(region, 'debug-all-open').instanceId))?.ports).toContain('all');
    for (const name of ['web-public-1', 'web-public-2']) {
      const web = await flags(instanceNamed(region, name).instanceId);
      expect(web?.exposed).toBe(true);
      expect([...((web?.type as string[]) ?? [])].sort()).toEqual(['elb', 'elbv2']);
    }
    // Nothing without a public IP is flagged as directly exposed.
    expect(
      await count(
        store,
        "MATCH (i:EC2Instance) WHERE 'direct' IN i.exposed_internet_type AND i.publicipaddress IS NULL RETURN count(i) AS c",
      ),
    ).toBe(0);
    const lbs = await store.read(
      "MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(lb:LoadBalancer) WHERE lb.name IN ['public-web-elb', 'public-web-alb'] AND lb.region = $region RETURN lb.name AS name, lb.exposed_internet AS exposed, lb.exposed_internet_ports AS ports ORDER BY name",
      { region: firstRegion(), account: management().id },
    );
    expect(lbs).toEqual([
      { name: 'public-web-alb', exposed: true, ports: ['http/80'] },
      { name: 'public-web-elb', exposed: true, ports: ['http/80'] },
    ]);
    const [db] = await store.read(
      "MATCH (d:RDSInstance {db_instance_identifier: 'public-unencrypted-db', region: $region}) RETURN d.exposed_internet AS exposed, d.exposed_internet_ports AS ports",
      { region: firstRegion() },
    );
    expect(db).toEqual({ exposed: true, ports: ['tcp/3306'] });
  });

  it('derives which principals may assume which roles', async () => {
    await syncAws(store, emulator);
    const mgmt = management().id;
    // dave's inline policy allows sts:AssumeRole on *; the audit roles of every member trust the management account.
    const roles = await store.read(
      `MATCH (:AWSUser {arn: $dave})-[:STS_ASSUMEROLE_ALLOW]->(r:AWSRole {name: 'role-security-audit'}) RETURN r.arn AS arn ORDER BY arn`,
      { dave: `arn:aws:iam::${mgmt}:user/assume-anything-dave` },
    );
    expect(roles.map((r) => r.arn)).toEqual(
      activeMembers(estate)
        .map((a) => `arn:aws:iam::${a.id}:role/role-security-audit`)
        .sort(),
    );
    // Instances may assume the role of their instance profile.
    expect(
      await count(
        store,
        "MATCH (:EC2Instance)-[:STS_ASSUMEROLE_ALLOW]->(r:AWSRole {name: 'ec2-app-role'}) RETURN count(*) AS c",
      ),
    ).toBeGreaterThan(0);
    // A user without any sts permission assumes nothing.
    expect(
      await count(
        store,
        "MATCH (:AWSUser {name: 'dormant-erin'})-[:STS_ASSUMEROLE_ALLOW]->() RETURN count(*) AS c",
      ),
    ).toBe(0);
  });

  it('keeps the IAM summary, password policy, root user, MFA devices and credentials under Cartography names', async () => {
    await syncAws(store, emulator);
    for (const account of activeMembers(estate)) {
      const [node] = await store.read(
        `MATCH (a:AWSAccount {id: $id})
         RETURN a.account_mfa_enabled AS mfa, a.account_access_keys_present AS keys, a.users AS users, a.roles AS roles,
                a.password_policy_present AS policy, a.password_min_length AS minLength, a.root_mfa_active AS rootMfa,
                a.root_access_key_1_active AS rootKey, a.name AS name`,
        { id: account.id },
      );
      const { root, passwordPolicy } = account.iam;
      expect(node).toEqual({
        mfa: root.mfaDevices.length > 0 ? 1 : 0,
        keys: root.accessKeys.length > 0 ? 1 : 0,
        users: account.iam.users.length,
        roles: account.iam.roles.length,
        policy: passwordPolicy !== undefined,
        minLength: passwordPolicy?.minimumPasswordLength ?? null,
        rootMfa: root.mfaDevices.length > 0,
        rootKey: root.accessKeys.length > 0,
        // The organisation scope's properties are still there beside them.
        name: account.name,
      });
    }
    const mgmt = management().id;
    const devices = await store.read(
      `MATCH (a:AWSAccount {id: $account})-[:RESOURCE]->(u:AWSUser)-[:MFA_DEVICE]->(d:AWSMfaDevice:MfaDevice)<-[:RESOURCE]-(a)
       WHERE u.name IN ['admin-alice', 'many-groups-carol']
       RETURN u.name AS user, d.serialnumber AS serial, d.user_arn = u.arn AS linked ORDER BY user`,
      { account: mgmt },
    );
    expect(devices).toEqual([
      { user: 'admin-alice', serial: `arn:aws:iam::${mgmt}:mfa/admin-alice`, linked: true },
      { user: 'many-groups-carol', serial: expect.stringMatching(/^GAHT\d{8}$/), linked: true },
    ]);
    const users = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(u:AWSUser)
       WHERE u.name IN ['admin-alice', 'ops-bob', 'ci-deployer']
       RETURN u.name AS name, u.password_enabled AS password, u.mfa_active AS mfa ORDER BY name`,
      { account: mgmt },
    );
    expect(users).toEqual([
      { name: 'admin-alice', password: true, mfa: true },
      { name: 'ci-deployer', password: false, mfa: false },
      { name: 'ops-bob', password: true, mfa: false },
    ]);
    // Keys point at their owner under the ontology's relationship too.
    expect(
      await count(
        store,
        'MATCH (k:AWSAccountAccessKey:APIKey)-[:OWNED_BY]->(u:AWSUser)-[:AWS_ACCESS_KEY]->(k) RETURN count(k) AS c',
      ),
    ).toBe(
      activeMembers(estate).reduce((n, a) => n + a.iam.users.reduce((m, u) => m + u.accessKeys.length, 0), 0),
    );
  });

  it('reports bucket public access, encryption and versioning under Cartography names', async () => {
    await syncAws(store, emulator);
    const buckets = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(b:S3Bucket:ObjectStorage)
       RETURN b.name AS name, b.anonymous_access AS anonymous, b.anonymous_actions AS actions,
              b.default_encryption AS encrypted, b.versioning_status AS versioning, b.block_public_acls AS blockAcls
       ORDER BY name`,
      { account: management().id },
    );
    const byPurpose = (purpose: string) => buckets.find((b) => String(b.name).includes(`-${purpose}-`));
    expect(byPurpose('public-acl')).toMatchObject({ anonymous: true });
    expect(byPurpose('public-acl')?.actions).toContain('s3:ListBucket');
    expect(byPurpose('authenticated-read')).toMatchObject({ anonymous: true });
    expect(byPurpose('public-policy')).toMatchObject({ anonymous: true, actions: ['s3:GetObject'] });
    expect(byPurpose('unencrypted')).toMatchObject({ encrypted: false, versioning: null });
    expect(byPurpose('access-logs')).toMatchObject({ anonymous: false, encrypted: true, blockAcls: true });
    expect(
      await count(
        store,
        "MATCH (a:S3Acl {permission: 'READ', type: 'Group'})-[:APPLIES_TO]->(b:S3Bucket) WHERE a.uri ENDS WITH '/AllUsers' AND b.name CONTAINS '-public-acl-' RETURN count(a) AS c",
      ),
    ).toBe(activeMembers(estate).length);
  });

  it('reports KMS key policy exposure, rotation, aliases and grants under Cartography names', async () => {
    await syncAws(store, emulator);
    const region = management().regions[firstRegion()] as AwsEstate['accounts'][number]['regions'][string];
    const keys = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(k:AWSKMSKey:KMSKey:EncryptionKey {region: $region})
       RETURN k.description AS description, k.key_manager AS manager, k.key_state AS state,
              k.anonymous_access AS anonymous, k.anonymous_actions AS actions,
              k.cross_account_principals AS foreign, k.rotation_enabled AS rotation, k.deletion_date AS deletion`,
      { account: management().id, region: firstRegion() },
    );
    const byDescription = (d: string) => keys.find((k) => k.description === d);
    const external = estate.accounts.find((a) => a.parentId === undefined)?.id;
    expect(byDescription('public-everyone-key')).toMatchObject({
      anonymous: true,
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      foreign: [],
      rotation: true,
    });
    expect(byDescription('vendor-shared-key')).toMatchObject({
      anonymous: false,
      foreign: [`arn:aws:iam::${external}:root`],
    });
    expect(byDescription('legacy-no-rotation-key')).toMatchObject({ anonymous: false, rotation: false });
    const retired = region.kmsKeys.find((k) => k.description === 'retired-key');
    expect(byDescription('retired-key')).toMatchObject({
      state: 'PendingDeletion',
      deletion: Date.parse(retired?.deletionDate ?? '') / 1000,
    });
    // AWS managed keys: rotated yearly, and their `*` principal is narrowed to the account.
    const managed = keys.filter((k) => k.manager === 'AWS');
    expect(managed).toHaveLength(3);
    for (const k of managed) expect(k).toMatchObject({ anonymous: false, foreign: [], rotation: true });

    const aliases = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(a:AWSKMSAlias:KMSAlias {region: $region})-[:KNOWN_AS]->(k:AWSKMSKey)
       RETURN a.alias_name AS alias, k.id AS key ORDER BY alias`,
      { account: management().id, region: firstRegion() },
    );
    expect(aliases).toEqual(
      region.kmsAliases
        .filter((a) => a.targetKeyId)
        .map((a) => ({ alias: a.aliasName, key: a.targetKeyId }))
        .sort((x, y) => (x.alias < y.alias ? -1 : 1)),
    );
    expect(aliases.some((a) => a.alias === 'alias/aws/lambda')).toBe(false);
    const grants = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(g:AWSKMSGrant:KMSGrant {region: $region})-[:APPLIED_ON]->(k:AWSKMSKey)
       RETURN g.id AS id, k.arn AS key, g.grantee_principal AS grantee ORDER BY id`,
      { account: management().id, region: firstRegion() },
    );
    expect(grants).toEqual(
      region.kmsKeys
        .flatMap((k) => k.grants.map((g) => ({ id: g.grantId, key: k.arn, grantee: g.granteePrincipal })))
        .sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });

  it('leaves exactly the new estate after a second sync of a changed estate', async () => {
    const changed = generateAwsEstate({
      seed: 33,
      accounts: 3,
      regionsPerAccount: 2,
      now: '2025-06-01T00:00:00Z',
    });
    const local = await startAwsEmulator({ estate: changed });
    try {
      const first = await syncAws(store, local);
      expect(first.status).toBe('success');
      const mgmt = changed.accounts[0] as AwsEstate['accounts'][number];
      const regionName = mgmt.enabledRegions[0] as string;
      const region = mgmt.regions[regionName] as AwsEstate['accounts'][number]['regions'][string];

      // Remove an instance (and its volume), open a group to the world, drop a user and a bucket, make a bucket public.
      const bastion = instanceNamed(region, 'bastion-ssh-open');
      region.instances.splice(region.instances.indexOf(bastion), 1);
      region.volumes = region.volumes.filter(
        (v) => !v.attachments.some((a) => a.instanceId === bastion.instanceId),
      );
      region.networkInterfaces = region.networkInterfaces.filter(
        (n) => !bastion.networkInterfaceIds.includes(n.networkInterfaceId),
      );
      const privateInstance = region.instances.find(
        (i) => i.publicIpAddress === undefined && i.securityGroups.length > 0,
      );
      const target = region.securityGroups.find(
        (g) => g.groupId === privateInstance?.securityGroups[0]?.groupId,
      );
      if (target) openToWorld(target, 8443);
      const dropped = mgmt.iam.users.find((u) => u.userName === 'dormant-erin');
      mgmt.iam.users = mgmt.iam.users.filter((u) => u !== dropped);
      const removedBucket = mgmt.buckets.pop();
      const privateBucket = mgmt.buckets.find((b) => b.name.includes('-access-logs-'));
      if (privateBucket) makeBucketPublic(privateBucket);
      const added = addGeneratedAccount(changed, { name: 'acme-new-team', regions: [regionName] });
      const dave = mgmt.iam.users.find((u) => u.userName === 'assume-anything-dave');
      if (dave) dave.inlinePolicies = [];
      // A key is deleted (its alias and grants with it); another stops rotating.
      const goneKey = region.kmsKeys.find((k) => k.keyManager === 'CUSTOMER' && k.grants.length > 0);
      region.kmsKeys = region.kmsKeys.filter((k) => k !== goneKey);
      region.kmsAliases = region.kmsAliases.filter((a) => a.targetKeyId !== goneKey?.keyId);
      const stopped = region.kmsKeys.find((k) => k.description === 'public-everyone-key');
      if (stopped) stopped.rotationEnabled = false;
      // A function is deleted (its aliases with it); the public webhook moves behind IAM auth.
      const goneFunction = region.lambdaFunctions.find((f) => f.aliases.length > 0);
      region.lambdaFunctions = region.lambdaFunctions.filter((f) => f !== goneFunction);
      const closed = region.lambdaFunctions.find((f) => f.url?.authType === 'NONE');
      if (closed?.url) {
        closed.url.authType = 'AWS_IAM';
        delete closed.policy;
      }

      const second = await syncAws(store, local);
      expect(second.errors).toEqual([]);
      expect(second.status).toBe('success');
      expect(second.counts.deleted).toBeGreaterThan(0);
      await expectGraphMatchesEstate(store, changed);

      expect(
        await count(store, 'MATCH (i:EC2Instance {id: $id}) RETURN count(i) AS c', {
          id: bastion.instanceId,
        }),
      ).toBe(0);
      expect(
        await count(store, 'MATCH (u:AWSUser {arn: $arn}) RETURN count(u) AS c', { arn: dropped?.arn }),
      ).toBe(0);
      expect(
        await count(store, 'MATCH (b:S3Bucket {id: $id}) RETURN count(b) AS c', { id: removedBucket?.name }),
      ).toBe(0);
      expect(
        await count(store, 'MATCH (k:AWSKMSKey {id: $id}) RETURN count(k) AS c', { id: goneKey?.keyId }),
      ).toBe(0);
      expect(
        await count(store, 'MATCH (f:AWSLambda {id: $id}) RETURN count(f) AS c', {
          id: goneFunction?.functionArn,
        }),
      ).toBe(0);
      expect(
        await store.read(
          'MATCH (f:AWSLambda {id: $id}) RETURN f.anonymous_access AS a, f.exposed_internet AS e',
          {
            id: closed?.functionArn,
          },
        ),
      ).toEqual([{ a: false, e: null }]);
      expect(
        (
          await store.read('MATCH (k:AWSKMSKey {id: $id}) RETURN k.rotation_enabled AS r', {
            id: stopped?.keyId,
          })
        )[0],
      ).toEqual({ r: false });
      expect(
        (
          await store.read('MATCH (b:S3Bucket {id: $id}) RETURN b.anonymous_access AS a', {
            id: privateBucket?.name,
          })
        )[0],
      ).toEqual({ a: true });
      expect(
        (
          await store.read('MATCH (a:AWSAccount {id: $id}) RETURN a.name AS name, a.inscope AS inscope', {
            id: added.id,
          })
        )[0],
      ).toEqual({ name: 'acme-new-team', inscope: true });
      expect(
        second.scopes.some((s) => s.id === `aws/${added.id}/${regionName}` && s.status === 'success'),
      ).toBe(true);
      if (target) {
        // The newly opened group shows up as a rule from the internet on port 8443.
        expect(
          await count(
            store,
            "MATCH (:IpRange {id: '0.0.0.0/0'})-[:MEMBER_OF_IP_RULE]->(r:IpPermissionInbound {fromport: 8443})-[:MEMBER_OF_EC2_SECURITY_GROUP]->(:EC2SecurityGroup {id: $id}) RETURN count(r) AS c",
            { id: target.groupId },
          ),
        ).toBe(1);
      }
    } finally {
      await local.close();
    }
  });
});
