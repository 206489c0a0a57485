import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS Lambda', () => {
  const aws = useEmulatedAws({ estate: { seed: 59 }, warnFields: ['collector', 'function', 'operation'] });

  /** The first member account with the seeded misconfigurations, and its first region. */
  const seeded = () => {
    for (const account of activeMembers(aws.estate)) {
      const region = account.enabledRegions[0] as string;
      const functions = account.regions[region]?.lambdaFunctions ?? [];
      if (functions.some((f) => f.functionName.endsWith('-public-webhook')))
        return { account, region, functions };
    }
    throw new Error('no seeded Lambda functions');
  };

  it('writes functions with their exposure, execution role, VPC, layers and aliases', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const { account, functions } = seeded();
    const partner = functions.find((f) => f.functionName.endsWith('-partner-callback'));
    const partnerPrincipal = (partner?.policy?.Statement[0]?.Principal as { AWS: string } | undefined)?.AWS;
    expect(partnerPrincipal).toMatch(/^arn:aws:iam::\d{12}:root$/);
    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(f:AWSLambda)
       WHERE f.name ENDS WITH '-public-webhook' OR f.name ENDS WITH '-public-invoke'
         OR f.name ENDS WITH '-partner-callback' OR f.name ENDS WITH '-internal-admin'
       RETURN split(f.name, '-')[-2] + '-' + split(f.name, '-')[-1] AS name, f.anonymous_access AS anonymous,
         f.exposed_internet AS exposed, f.exposed_internet_type AS how, f.function_url_auth_type AS auth,
         f.cross_account_principals AS foreign
       ORDER BY name`,
      { account: account.id },
    );
    expect(rows).toEqual([
      { name: 'internal-admin', anonymous: false, exposed: null, how: null, auth: 'AWS_IAM', foreign: [] },
      {
        name: 'partner-callback',
        anonymous: false,
        exposed: null,
        how: null,
        auth: null,
        foreign: [partnerPrincipal],
      },
      { name: 'public-invoke', anonymous: true, exposed: true, how: ['policy'], auth: null, foreign: [] },
      {
        name: 'public-webhook',
        anonymous: true,
        exposed: true,
        how: ['function_url'],
        auth: 'NONE',
        foreign: [],
      },
    ]);
    // The execution role, as Cartography links it (both edges), and the VPC config's subnets and groups.
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(f:AWSLambda)-[:ASSUMES]->(r:AWSRole {name: 'lambda-exec-role'})
         WHERE (f)-[:STS_ASSUMEROLE_ALLOW]->(r) RETURN count(f) AS c`,
        { account: account.id },
      ),
    ).toBe(account.enabledRegions.reduce((n, r) => n + (account.regions[r]?.lambdaFunctions.length ?? 0), 0));
    const inVpc = functions.filter((f) => f.vpcConfig);
    expect(inVpc.length).toBeGreaterThan(0);
    expect(
      await count(
        aws.store,
        `MATCH (f:AWSLambda)-[:PART_OF_SUBNET]->(:EC2Subnet) WHERE f.id IN $ids
         MATCH (f)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(:EC2SecurityGroup) RETURN count(DISTINCT f) AS c`,
        { ids: inVpc.map((f) => f.functionArn) },
      ),
    ).toBe(inVpc.length);
    expect(
      await count(aws.store, 'MATCH (:AWSLambda)-[:HAS]->(l:AWSLambdaLayer) RETURN count(l) AS c'),
    ).toBeGreaterThan(0);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSLambda)-[:KNOWN_AS]->(a:AWSLambdaFunctionAlias) RETURN count(a) AS c',
      ),
    ).toBeGreaterThan(0);
  });

  it('keeps functions whose policy the audit role may not read, with their access unknown, and says which', async () => {
    const { account, region, functions } = seeded();
    aws.emulator.setFaults([
      { service: 'lambda', account: account.id, region, operation: 'GetPolicy', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    expect(
      warnings
        .filter((w) => w.function !== undefined)
        .map((w) => w.function)
        .sort(),
    ).toEqual(functions.map((f) => f.functionArn).sort());
    expect(warnings.find((w) => w.function !== undefined)).toMatchObject({
      msg: 'a Lambda request refused; left unknown',
      collector: 'lambda:functions',
      operation: 'GetPolicy',
    });
    const rows = await aws.store.read(
      `MATCH (f:AWSLambda) WHERE f.id IN $ids
       RETURN split(f.name, '-')[-1] AS name, f.anonymous_access AS anonymous, f.exposed_internet_type AS how ORDER BY name`,
      {
        ids: functions
          .filter((f) => /-public-(invoke|webhook)$/.test(f.functionName))
          .map((f) => f.functionArn),
      },
    );
    // The policy is unknown; a URL with auth type NONE still says the function is open.
    expect(rows).toEqual([
      { name: 'invoke', anonymous: null, how: null },
      { name: 'webhook', anonymous: true, how: ['function_url'] },
    ]);
  });

  it('reports a region where Lambda is denied and syncs the rest of the region', async () => {
    const { account, region } = seeded();
    aws.emulator.setFaults([
      { service: 'lambda', account: account.id, region, operation: 'ListFunctions', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${account.id}/${region}`,
      collector: 'lambda:functions',
      code: 'ACCESS_DENIED',
    });
    expect(
      warnings.filter((w) => w.collector === 'lambda:functions' || w.msg.includes('collector failed')),
    ).toHaveLength(1);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $a})-[:RESOURCE]->(i:AWSEC2Instance {region: $r}) RETURN count(i) AS c',
        {
          a: account.id,
          r: region,
        },
      ),
    ).toBe(account.regions[region]?.instances.length);
  });

  it('syncs Lambda alone with --aws-services lambda, in 1 + 3 requests a function per account-region', async () => {
    const { result } = await aws.sync({ awsServices: ['lambda'] });
    expect(result.status).toBe('success');
    const members = activeMembers(aws.estate);
    const functions = members.flatMap((a) => Object.values(a.regions).flatMap((r) => r.lambdaFunctions));
    expect(await count(aws.store, 'MATCH (f:AWSLambda) RETURN count(f) AS c')).toBe(functions.length);
    const ops = aws.emulator.stats().byOperation ?? {};
    const regions = members.reduce((n, a) => n + a.enabledRegions.length, 0);
    // One page of ListFunctions per region (up to 50 functions), then a policy, URL and alias listing per function.
    expect(ops['lambda:ListFunctions']).toBe(regions);
    expect(ops['lambda:GetPolicy']).toBe(functions.length);
    expect(ops['lambda:ListFunctionUrlConfigs']).toBe(functions.length);
    expect(ops['lambda:ListAliases']).toBe(functions.length);
  });
});
