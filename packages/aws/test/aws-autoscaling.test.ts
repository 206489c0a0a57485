import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS Auto Scaling groups and launch templates', () => {
  const aws = useEmulatedAws({ estate: { seed: 59 } });

  /** The member whose first region holds the seeded launch settings. */
  const seeded = () => {
    const member = activeMembers(aws.estate).find((a) =>
      Object.values(a.regions).some((r) => r.launchConfigurations.length > 0),
    );
    const region = member?.enabledRegions[0];
    const resources = region ? member?.regions[region] : undefined;
    if (!member || !region || !resources) throw new Error('no member with seeded launch settings');
    return { member, region, resources };
  };

  it('writes groups linked to their launch template or configuration, instances and subnets', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const { member, region, resources } = seeded();

    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(g:AWSAutoScalingGroup:AutoScalingGroup {region: $region})
       OPTIONAL MATCH (g)-[:HAS_LAUNCH_TEMPLATE]->(t:AWSLaunchTemplate:LaunchTemplate)
       OPTIONAL MATCH (g)-[:HAS_LAUNCH_CONFIG]->(c:AWSLaunchConfiguration:LaunchConfiguration)
       OPTIONAL MATCH (i:AWSEC2Instance)-[:MEMBER_AUTO_SCALE_GROUP]->(g)
       WITH g, t, c, i ORDER BY i.instanceid
       WITH g, t, c, collect(i.instanceid) AS instances
       OPTIONAL MATCH (g)-[:VPC_IDENTIFIER]->(s:AWSEC2Subnet)
       WITH g, t, c, instances, s ORDER BY s.subnetid
       RETURN g.name AS name, t.id AS template, c.name AS configuration, instances, collect(s.subnetid) AS subnets
       ORDER BY name`,
      { account: member.id, region },
    );
    expect(rows).toEqual(
      [...resources.autoScalingGroups]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((g) => ({
          name: g.name,
          template: g.launchTemplate?.id ?? null,
          configuration: g.launchConfigurationName ?? null,
          instances: [...g.instanceIds].sort(),
          subnets: [...g.subnetIds].sort(),
        })),
    );

    const legacy = resources.launchTemplates.find((t) => t.launchTemplateName.endsWith('-legacy-imdsv1'));
    const versions = await aws.store.read(
      `MATCH (t:AWSLaunchTemplate {id: $id})-[:VERSION]->(v:AWSLaunchTemplateVersion:LaunchTemplateVersion)
       RETURN v.id AS id, v.metadatahttptokens AS tokens, v.associate_public_ip_address AS public_ip, t.latest_version_number AS latest
       ORDER BY id`,
      { id: legacy?.launchTemplateId },
    );
    expect(versions).toEqual([
      { id: `${legacy?.launchTemplateId}-1`, tokens: 'required', public_ip: false, latest: 2 },
      { id: `${legacy?.launchTemplateId}-2`, tokens: 'optional', public_ip: false, latest: 2 },
    ]);
    const [config] = await aws.store.read(
      'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(c:AWSLaunchConfiguration {region: $region}) RETURN c.metadatahttptokens AS tokens, c.associate_public_ip_address AS public_ip',
      { account: member.id, region },
    );
    expect(config).toEqual({ tokens: 'optional', public_ip: true });
  });

  it('reports a region where Auto Scaling is denied and syncs the rest', async () => {
    const { member, region } = seeded();
    aws.emulator.setFaults([
      {
        service: 'autoscaling',
        account: member.id,
        region,
        operation: 'DescribeLaunchConfigurations',
        kind: 'AccessDenied',
      },
    ]);
    const { result } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'autoscaling:groups',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSLaunchTemplate {region: $region}) RETURN count(t) AS c',
        {
          account: member.id,
          region,
        },
      ),
    ).toBe(member.regions[region]?.launchTemplates.length);
    aws.emulator.setFaults([]);
    expect((await aws.sync()).result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });
});
