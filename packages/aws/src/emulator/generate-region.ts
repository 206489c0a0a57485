import { availabilityZones } from './aws-regions.ts';
import type {
  AwsClassicLoadBalancer,
  AwsDbInstance,
  AwsDbSubnetGroup,
  AwsGroupIdentifier,
  AwsInstance,
  AwsIpPermission,
  AwsKeyPair,
  AwsLoadBalancerV2,
  AwsNetworkInterface,
  AwsRegionResources,
  AwsSecurityGroup,
  AwsSubnet,
  AwsTag,
  AwsTargetGroup,
  AwsVolume,
  AwsVpc,
} from './estate-types.ts';
import { ec2Id, privateDnsName, publicDnsName, uuid } from './ids.ts';
import type { Rng } from './random.ts';

/** How many generic resources of each kind a region gets; the seeded misconfigured ones come on top. */
export interface AwsResourceCounts {
  vpcs: number;
  subnets: number;
  securityGroups: number;
  instances: number;
  keyPairs: number;
  /** Unattached volumes (every instance also has a root volume). */
  volumes: number;
  /** Unattached network interfaces (every instance also has its primary ENI). */
  networkInterfaces: number;
  classicLoadBalancers: number;
  /** Application and network load balancers (each with a target group and listeners). */
  loadBalancers: number;
  dbInstances: number;
  /** Aurora clusters, each with two member instances. */
  dbClusters: number;
  vpcPeeringConnections: number;
  /** Customer managed KMS keys (each region also has the AWS managed keys of EBS, RDS and S3). */
  kmsKeys: number;
  /** Secrets Manager secrets (the seeded misconfigured ones come on top). */
  secrets: number;
  /** ECS services (one cluster per 5, a task definition and an ECR repository each). */
  ecsServices: number;
  /** ECR repositories beyond those of the services' images. */
  ecrRepositories: number;
  /** DynamoDB tables (the seeded misconfigured one and its twin come on top). */
  dynamodbTables: number;
  /** SQS queues beyond their dead-letter queues (the seeded ones come on top). */
  sqsQueues: number;
  /** SNS topics (the seeded ones come on top). */
  snsTopics: number;
  /** SSM parameters (the seeded plain-text password and its twin come on top). */
  ssmParameters: number;
  /** Lambda functions (the seeded misconfigured ones come on top). */
  lambdaFunctions: number;
  /** EKS clusters (the seeded misconfigured ones come on top). */
  eksClusters: number;
  /** EBS snapshots of volumes (the seeded shared and unencrypted ones come on top). */
  snapshots: number;
  /** AMIs the account built (the seeded shared ones come on top). */
  images: number;
  /** Manual RDS snapshots (every DB instance also has an automated one). */
  dbSnapshots: number;
  /** Auto Scaling groups, each on a launch template of its own (the seeded ones come on top). */
  autoScalingGroups: number;
  /** Active GuardDuty findings of each enabled detector (the seeded high-severity ones come on top). */
  guardDutyFindings: number;
}

/** Counts derived from K (`resourcesPerRegion`), with per-kind overrides. */
export function resourceCounts(k: number, overrides: Partial<AwsResourceCounts> = {}): AwsResourceCounts {
  const vpcs = overrides.vpcs ?? Math.max(1, Math.ceil(k / 10));
  return {
    vpcs,
    subnets: Math.max(vpcs, k),
    securityGroups: k,
    instances: k,
    keyPairs: Math.max(1, Math.ceil(k / 5)),
    volumes: Math.ceil(k / 5),
    networkInterfaces: Math.ceil(k / 5),
    classicLoadBalancers: Math.ceil(k / 10),
    loadBalancers: Math.ceil(k / 10),
    dbInstances: Math.ceil(k / 5),
    dbClusters: Math.ceil(k / 20),
    vpcPeeringConnections: Math.floor(vpcs / 2),
    kmsKeys: Math.max(1, Math.ceil(k / 10)),
    secrets: Math.max(2, Math.ceil(k / 8)),
    ecsServices: Math.max(1, Math.ceil(k / 10)),
    ecrRepositories: Math.max(1, Math.ceil(k / 10)),
    dynamodbTables: Math.max(1, Math.ceil(k / 10)),
    ssmParameters: Math.max(1, Math.ceil(k / 5)),
    sqsQueues: Math.max(1, Math.ceil(k / 10)),
    snsTopics: Math.max(1, Math.ceil(k / 20)),
    lambdaFunctions: Math.max(1, Math.ceil(k / 10)),
    eksClusters: Math.ceil(k / 25),
    snapshots: Math.ceil(k / 5),
    images: Math.max(1, Math.ceil(k / 20)),
    dbSnapshots: Math.ceil(k / 10),
    autoScalingGroups: Math.ceil(k / 20),
    guardDutyFindings: Math.max(1, Math.ceil(k / 3)),
    ...overrides,
  };
}

export function emptyRegion(): AwsRegionResources {
  return {
    vpcs: [],
    subnets: [],
    securityGroups: [],
    instances: [],
    networkInterfaces: [],
    keyPairs: [],
    volumes: [],
    internetGateways: [],
    vpcPeeringConnections: [],
    classicLoadBalancers: [],
    loadBalancers: [],
    listeners: [],
    targetGroups: [],
    dbInstances: [],
    dbClusters: [],
    dbSubnetGroups: [],
    kmsKeys: [],
    kmsAliases: [],
    lambdaFunctions: [],
    eksClusters: [],
    secrets: [],
    ecsClusters: [],
    ecsTaskDefinitions: [],
    ecrRepositories: [],
    dynamodbTables: [],
    sqsQueues: [],
    snsTopics: [],
    ssmManagedInstances: [],
    ssmParameters: [],
    snapshots: [],
    images: [],
    dbSnapshots: [],
    launchTemplates: [],
    launchConfigurations: [],
    autoScalingGroups: [],
    guardDutyDetectors: [],
  };
}

export interface RegionGenerationInput {
  rng: Rng;
  accountId: string;
  accountName: string;
  region: string;
  counts: AwsResourceCounts;
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** Second octet offset for 10.x VPC CIDRs, so VPCs of different accounts rarely overlap. */
  vpcOctetBase: number;
  instanceProfile: { arn: string; id: string } | undefined;
  daysAgo: (days: number) => string;
}

const WORLD_V4 = '0.0.0.0/0';
const WORLD_V6 = '::/0';
const CORPORATE_CIDR = '203.0.113.0/24';

const HOSTED_ZONES: Record<string, { elb: string; nlb: string; rds: string }> = {
  'us-east-1': { elb: 'Z35SXDOTRQ7X7K', nlb: 'Z26RNL4JYFTOTI', rds: 'Z2R2ITUGPM61AM' },
  'us-west-2': { elb: 'Z1H1FL5HABSF5', nlb: 'Z18D5FSROUN65G', rds: 'Z1PVIF0B656C1W' },
  'eu-west-1': { elb: 'Z32O12XQLNTSW2', nlb: 'Z2IFOLAFXWLO4F', rds: 'Z29XKXDKYMONMX' },
  'eu-central-1': { elb: 'Z215JYRZR1TBD5', nlb: 'Z3F0SRJ5LGBH90', rds: 'Z1RLNUO7B9Q6NB' },
};
const hostedZones = (region: string) =>
  HOSTED_ZONES[region] ?? { elb: 'Z1LMS91P8CMLE5', nlb: 'ZVDDRBQ08TROA', rds: 'Z24O6O9L7SGTNB' };

const INSTANCE_TYPES = [
  't3.micro',
  't3.medium',
  'm5.large',
  'c5.xlarge',
  'r5.large',
  't4g.small',
  'm6g.large',
];
const SG_KINDS = ['web', 'app', 'db', 'internal', 'mgmt', 'cache'] as const;

const tag = (key: string, value: string): AwsTag => ({ key, value });
const nameTag = (value: string): AwsTag[] => [tag('Name', value)];

function permission(
  ipProtocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  sources: Partial<Pick<AwsIpPermission, 'ipRanges' | 'ipv6Ranges' | 'userIdGroupPairs' | 'prefixListIds'>>,
): AwsIpPermission {
  return {
    ipProtocol,
    ...(fromPort !== undefined ? { fromPort } : {}),
    ...(toPort !== undefined ? { toPort } : {}),
    ipRanges: sources.ipRanges ?? [],
    ipv6Ranges: sources.ipv6Ranges ?? [],
    userIdGroupPairs: sources.userIdGroupPairs ?? [],
    prefixListIds: sources.prefixListIds ?? [],
  };
}

const egressAll = (): AwsIpPermission[] => [
  permission('-1', undefined, undefined, { ipRanges: [{ cidrIp: WORLD_V4 }] }),
];

export function generateRegion(input: RegionGenerationInput): AwsRegionResources {
  const { rng, accountId, region, counts, daysAgo } = input;
  const res = emptyRegion();
  const azs = availabilityZones(region);
  const zones = hostedZones(region);
  const amis = [ec2Id(rng, 'ami'), ec2Id(rng, 'ami'), ec2Id(rng, 'ami')];
  const windowsAmi = ec2Id(rng, 'ami');
  const dhcp = ec2Id(rng, 'dopt');

  // ---- VPCs, internet gateways, default security groups
  const vpcSubnetCounter = new Map<string, number>();
  const vpcPrefix = new Map<string, string>();
  const defaultSg = new Map<string, AwsSecurityGroup>();
  for (let v = 0; v < counts.vpcs; v++) {
    const isDefault = v === 0;
    const prefix = isDefault ? '172.31' : `10.${(input.vpcOctetBase + v) % 256}`;
    const vpc: AwsVpc = {
      vpcId: ec2Id(rng, 'vpc'),
      cidrBlock: `${prefix}.0.0/16`,
      secondaryCidrBlocks: !isDefault && rng.chance(0.2) ? [`100.64.${v % 256}.0/24`] : [],
      state: 'available',
      isDefault,
      instanceTenancy: 'default',
      dhcpOptionsId: dhcp,
      tags: isDefault ? [] : nameTag(`${input.accountName}-vpc-${v}`),
    };
    res.vpcs.push(vpc);
    vpcPrefix.set(vpc.vpcId, prefix);
    vpcSubnetCounter.set(vpc.vpcId, 0);
    res.internetGateways.push({
      internetGatewayId: ec2Id(rng, 'igw'),
      attachments: [{ vpcId: vpc.vpcId, state: 'available' }],
      tags: isDefault ? [] : nameTag(`${input.accountName}-igw-${v}`),
    });
    const sg: AwsSecurityGroup = {
      groupId: ec2Id(rng, 'sg'),
      groupName: 'default',
      description: 'default VPC security group',
      vpcId: vpc.vpcId,
      ipPermissions: [],
      ipPermissionsEgress: egressAll(),
      tags: [],
    };
    sg.ipPermissions.push(
      permission('-1', undefined, undefined, {
        userIdGroupPairs: [{ groupId: sg.groupId, userId: accountId }],
      }),
    );
    res.securityGroups.push(sg);
    defaultSg.set(vpc.vpcId, sg);
  }
  const vpc0 = res.vpcs[0] as AwsVpc;

  // ---- Subnets (the first subnet of each VPC is public)
  const subnetsByVpc = new Map<string, AwsSubnet[]>();
  const addSubnet = (vpc: AwsVpc, isPublic: boolean): AwsSubnet => {
    const j = vpcSubnetCounter.get(vpc.vpcId) ?? 0;
    vpcSubnetCounter.set(vpc.vpcId, j + 1);
    const az = azs[j % azs.length] ?? { name: `${region}a`, id: 'az1' };
    const subnet: AwsSubnet = {
      subnetId: ec2Id(rng, 'subnet'),
      vpcId: vpc.vpcId,
      cidrBlock: `${vpcPrefix.get(vpc.vpcId)}.${j % 256}.0/24`,
      availabilityZone: az.name,
      availabilityZoneId: az.id,
      availableIpAddressCount: 251 - rng.int(0, 40),
      defaultForAz: vpc.isDefault && j < azs.length,
      mapPublicIpOnLaunch: isPublic,
      state: 'available',
      tags: vpc.isDefault ? [] : nameTag(`${isPublic ? 'public' : 'private'}-${az.name}-${j}`),
    };
    res.subnets.push(subnet);
    const list = subnetsByVpc.get(vpc.vpcId) ?? [];
    list.push(subnet);
    subnetsByVpc.set(vpc.vpcId, list);
    return subnet;
  };
  for (let s = 0; s < counts.subnets; s++) {
    const vpc = res.vpcs[s % res.vpcs.length] as AwsVpc;
    addSubnet(vpc, vpc.isDefault || (vpcSubnetCounter.get(vpc.vpcId) ?? 0) === 0);
  }
  // RDS subnet groups need two zones: make sure every VPC has at least two subnets.
  for (const vpc of res.vpcs) {
    while ((subnetsByVpc.get(vpc.vpcId)?.length ?? 0) < 2) addSubnet(vpc, vpc.isDefault);
  }
  const subnetsOf = (vpcId: string) => subnetsByVpc.get(vpcId) ?? [];
  const publicSubnetOf = (vpcId: string) =>
    subnetsOf(vpcId).find((s) => s.mapPublicIpOnLaunch) ?? (subnetsOf(vpcId)[0] as AwsSubnet);

  // ---- Security groups
  const sgsByVpc = new Map<string, AwsSecurityGroup[]>();
  const firstOfKind = new Map<string, AwsSecurityGroup>();
  const addSg = (
    vpcId: string,
    name: string,
    description: string,
    ingress: AwsIpPermission[],
    generic: boolean,
  ) => {
    const sg: AwsSecurityGroup = {
      groupId: ec2Id(rng, 'sg'),
      groupName: name,
      description,
      vpcId,
      ipPermissions: ingress,
      ipPermissionsEgress: egressAll(),
      tags: nameTag(name),
    };
    res.securityGroups.push(sg);
    if (generic) {
      const list = sgsByVpc.get(vpcId) ?? [];
      list.push(sg);
      sgsByVpc.set(vpcId, list);
    }
    return sg;
  };
  const groupRef = (sg: AwsSecurityGroup) => ({ groupId: sg.groupId, userId: accountId });
  const prefixList = `pl-${rng.hex(8)}`;
  for (let i = 0; i < counts.securityGroups; i++) {
    const vpc = res.vpcs[i % res.vpcs.length] as AwsVpc;
    const kind = SG_KINDS[Math.floor(i / res.vpcs.length) % SG_KINDS.length] ?? 'web';
    const upstream = (k: string) => firstOfKind.get(`${vpc.vpcId}/${k}`);
    let ingress: AwsIpPermission[];
    switch (kind) {
      case 'web':
        ingress = [
          permission('tcp', 443, 443, {
            ipRanges: [{ cidrIp: WORLD_V4, description: 'HTTPS' }],
            ipv6Ranges: [{ cidrIpv6: WORLD_V6 }],
          }),
          permission('tcp', 80, 80, { ipRanges: [{ cidrIp: WORLD_V4 }] }),
        ];
        break;
      case 'app': {
        const web = upstream('web');
        ingress = [
          permission(
            'tcp',
            8080,
            8080,
            web ? { userIdGroupPairs: [groupRef(web)] } : { ipRanges: [{ cidrIp: vpc.cidrBlock }] },
          ),
        ];
        break;
      }
      case 'db': {
        const app = upstream('app');
        ingress = [
          permission(
            'tcp',
            5432,
            5432,
            app ? { userIdGroupPairs: [groupRef(app)] } : { ipRanges: [{ cidrIp: vpc.cidrBlock }] },
          ),
        ];
        break;
      }
      case 'internal':
        ingress = [
          permission('-1', undefined, undefined, {
            ipRanges: [{ cidrIp: '10.0.0.0/8', description: 'internal' }],
          }),
        ];
        break;
      case 'mgmt':
        ingress = [
          permission('tcp', 22, 22, { ipRanges: [{ cidrIp: CORPORATE_CIDR, description: 'corporate VPN' }] }),
        ];
        break;
      default:
        ingress = [
          permission('tcp', 6379, 6379, {
            prefixListIds: [{ prefixListId: prefixList, description: 'office networks' }],
          }),
          permission('icmp', -1, -1, { ipRanges: [{ cidrIp: vpc.cidrBlock }] }),
        ];
    }
    const sg = addSg(vpc.vpcId, `${kind}-${i}`, `${kind} tier`, ingress, true);
    if (!firstOfKind.has(`${vpc.vpcId}/${kind}`)) firstOfKind.set(`${vpc.vpcId}/${kind}`, sg);
  }
  const identifier = (sg: AwsSecurityGroup): AwsGroupIdentifier => ({
    groupId: sg.groupId,
    groupName: sg.groupName,
  });

  // ---- Key pairs
  const keyPair = (name: string): AwsKeyPair => {
    const kp: AwsKeyPair = {
      keyPairId: ec2Id(rng, 'key'),
      keyName: name,
      keyFingerprint: Array.from({ length: 20 }, () => rng.hex(2)).join(':'),
      keyType: rng.chance(0.8) ? 'rsa' : 'ed25519',
      createTime: daysAgo(rng.int(30, 1500)),
      tags: [],
    };
    res.keyPairs.push(kp);
    return kp;
  };
  const usableKeys = Array.from({ length: counts.keyPairs }, (_, i) =>
    keyPair(`${input.accountName}-key-${i}`),
  );

  // ---- Instances with their primary ENI and root volume
  const instance = (opts: {
    name: string;
    subnet: AwsSubnet;
    groups: AwsSecurityGroup[];
    publicIp: boolean;
    windows?: boolean;
    running?: boolean;
    reservationId?: string;
  }): AwsInstance => {
    const { subnet } = opts;
    const running = opts.running ?? true;
    const instanceId = ec2Id(rng, 'i');
    const launchTime = daysAgo(rng.int(1, 900));
    const privateIp = `${subnet.cidrBlock.split('.').slice(0, 3).join('.')}.${rng.int(4, 250)}`;
    const publicIp =
      opts.publicIp && running
        ? `${rng.pick([3, 18, 34, 52, 54])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
        : undefined;
    const instanceType = rng.pick(INSTANCE_TYPES);
    const arm = instanceType.includes('g.');
    const rootDevice = opts.windows ? '/dev/sda1' : '/dev/xvda';
    const volume: AwsVolume = {
      volumeId: ec2Id(rng, 'vol'),
      size: opts.windows ? 50 : rng.pick([8, 16, 30, 100]),
      volumeType: rng.pick(['gp2', 'gp3', 'gp3']),
      availabilityZone: subnet.availabilityZone,
      state: 'in-use',
      createTime: launchTime,
      encrypted: rng.chance(0.7),
      snapshotId: ec2Id(rng, 'snap'),
      attachments: [
        {
          instanceId,
          device: rootDevice,
          state: 'attached',
          attachTime: launchTime,
          deleteOnTermination: true,
        },
      ],
      tags: [],
    };
    if (volume.encrypted) volume.kmsKeyId = `arn:aws:kms:${region}:${accountId}:key/${uuid(rng)}`;
    if (volume.volumeType === 'gp3') volume.iops = 3000;
    res.volumes.push(volume);
    const eni: AwsNetworkInterface = {
      networkInterfaceId: ec2Id(rng, 'eni'),
      subnetId: subnet.subnetId,
      vpcId: subnet.vpcId,
      availabilityZone: subnet.availabilityZone,
      description: '',
      interfaceType: 'interface',
      macAddress: `0a:${Array.from({ length: 5 }, () => rng.hex(2)).join(':')}`,
      privateIpAddress: privateIp,
      privateDnsName: privateDnsName(privateIp, region),
      ...(publicIp ? { publicIp, publicDnsName: publicDnsName(publicIp, region) } : {}),
      groups: opts.groups.map(identifier),
      attachment: {
        attachmentId: ec2Id(rng, 'eni-attach'),
        instanceId,
        instanceOwnerId: accountId,
        deviceIndex: 0,
        status: 'attached',
        attachTime: launchTime,
        deleteOnTermination: true,
      },
      status: 'in-use',
      sourceDestCheck: true,
      requesterManaged: false,
      tags: [],
    };
    res.networkInterfaces.push(eni);
    const inst: AwsInstance = {
      instanceId,
      reservationId: opts.reservationId ?? ec2Id(rng, 'r'),
      imageId: opts.windows ? windowsAmi : rng.pick(amis),
      instanceType,
      state: running ? 'running' : 'stopped',
      launchTime,
      availabilityZone: subnet.availabilityZone,
      subnetId: subnet.subnetId,
      vpcId: subnet.vpcId,
      privateIpAddress: privateIp,
      privateDnsName: eni.privateDnsName,
      ...(publicIp ? { publicIpAddress: publicIp, publicDnsName: publicDnsName(publicIp, region) } : {}),
      ...(usableKeys.length > 0 && rng.chance(0.85) ? { keyName: rng.pick(usableKeys).keyName } : {}),
      securityGroups: opts.groups.map(identifier),
      networkInterfaceIds: [eni.networkInterfaceId],
      ...(input.instanceProfile && rng.chance(0.5) ? { iamInstanceProfile: input.instanceProfile } : {}),
      blockDeviceMappings: [
        {
          deviceName: rootDevice,
          volumeId: volume.volumeId,
          attachTime: launchTime,
          deleteOnTermination: true,
          status: 'attached',
        },
      ],
      rootDeviceName: rootDevice,
      rootDeviceType: 'ebs',
      architecture: arm ? 'arm64' : 'x86_64',
      ...(opts.windows ? { platform: 'windows' as const } : {}),
      platformDetails: opts.windows ? 'Windows' : 'Linux/UNIX',
      hypervisor: 'xen',
      virtualizationType: 'hvm',
      ebsOptimized: rng.chance(0.5),
      enaSupport: true,
      monitoringState: rng.chance(0.2) ? 'enabled' : 'disabled',
      httpTokens: rng.chance(0.6) ? 'required' : 'optional',
      tags: [tag('Name', opts.name), tag('Environment', rng.pick(['prod', 'staging', 'dev']))],
    };
    res.instances.push(inst);
    return inst;
  };

  let reservation: string | undefined;
  for (let i = 0; i < counts.instances; i++) {
    const subnet = res.subnets[i % res.subnets.length] as AwsSubnet;
    const candidates = sgsByVpc.get(subnet.vpcId) ?? [];
    const groups =
      candidates.length > 0
        ? rng.sample(candidates, rng.int(1, 2))
        : [defaultSg.get(subnet.vpcId) as AwsSecurityGroup];
    reservation = reservation && rng.chance(0.25) ? reservation : ec2Id(rng, 'r');
    instance({
      name: `${input.accountName}-${rng.pick(['api', 'worker', 'batch', 'web', 'etl'])}-${i}`,
      subnet,
      groups,
      publicIp: subnet.mapPublicIpOnLaunch && rng.chance(0.5),
      running: rng.chance(0.9),
      reservationId: reservation,
    });
  }

  // ---- Seeded misconfigurations: world-open groups on public instances, public load balancers, a public DB
  const webBehindLb: AwsInstance[] = [];
  let elbWorldSg: AwsSecurityGroup | undefined;
  let dbWorldSg: AwsSecurityGroup | undefined;
  if (input.misconfigurations) {
    const openSsh = addSg(
      vpc0.vpcId,
      'open-ssh-world',
      'SSH from anywhere',
      [permission('tcp', 22, 22, { ipRanges: [{ cidrIp: WORLD_V4, description: 'temporary' }] })],
      false,
    );
    const openRdp = addSg(
      vpc0.vpcId,
      'open-rdp-world',
      'RDP from anywhere',
      [
        permission('tcp', 3389, 3389, {
          ipRanges: [{ cidrIp: WORLD_V4 }],
          ipv6Ranges: [{ cidrIpv6: WORLD_V6 }],
        }),
      ],
      false,
    );
    const openAll = addSg(
      vpc0.vpcId,
      'open-all-world',
      'Everything from anywhere',
      [
        permission('-1', undefined, undefined, {
          ipRanges: [{ cidrIp: WORLD_V4 }],
          ipv6Ranges: [{ cidrIpv6: WORLD_V6 }],
        }),
      ],
      false,
    );
    elbWorldSg = addSg(
      vpc0.vpcId,
      'elb-web-world',
      'Public load balancers',
      [
        permission('tcp', 80, 80, { ipRanges: [{ cidrIp: WORLD_V4 }] }),
        permission('tcp', 443, 443, { ipRanges: [{ cidrIp: WORLD_V4 }] }),
      ],
      false,
    );
    const webFromLb = addSg(
      vpc0.vpcId,
      'web-from-elb',
      'Web servers behind the public load balancers',
      [
        permission('tcp', 80, 80, {
          userIdGroupPairs: [{ ...groupRef(elbWorldSg), description: 'from the public load balancers' }],
        }),
      ],
      false,
    );
    dbWorldSg = addSg(
      vpc0.vpcId,
      'db-open-world',
      'MySQL from anywhere',
      [permission('tcp', 3306, 3306, { ipRanges: [{ cidrIp: WORLD_V4 }] })],
      false,
    );
    const pub = publicSubnetOf(vpc0.vpcId);
    instance({ name: 'bastion-ssh-open', subnet: pub, groups: [openSsh], publicIp: true });
    instance({ name: 'windows-rdp-open', subnet: pub, groups: [openRdp], publicIp: true, windows: true });
    instance({
      name: 'debug-all-open',
      subnet: pub,
      groups: [openAll, defaultSg.get(vpc0.vpcId) as AwsSecurityGroup],
      publicIp: true,
    });
    const privateSubnets = subnetsOf(vpc0.vpcId);
    for (let i = 1; i <= 2; i++) {
      const subnet = privateSubnets[i % privateSubnets.length] as AwsSubnet;
      webBehindLb.push(instance({ name: `web-public-${i}`, subnet, groups: [webFromLb], publicIp: false }));
    }
    keyPair('unused-legacy-key');
    keyPair('unused-contractor-key');
  }

  // ---- Unattached ENIs and volumes
  for (let i = 0; i < counts.networkInterfaces; i++) {
    const subnet = rng.pick(res.subnets);
    const ip = `${subnet.cidrBlock.split('.').slice(0, 3).join('.')}.${rng.int(4, 250)}`;
    res.networkInterfaces.push({
      networkInterfaceId: ec2Id(rng, 'eni'),
      subnetId: subnet.subnetId,
      vpcId: subnet.vpcId,
      availabilityZone: subnet.availabilityZone,
      description: 'detached interface',
      interfaceType: 'interface',
      macAddress: `0a:${Array.from({ length: 5 }, () => rng.hex(2)).join(':')}`,
      privateIpAddress: ip,
      privateDnsName: privateDnsName(ip, region),
      groups: [identifier(defaultSg.get(subnet.vpcId) as AwsSecurityGroup)],
      status: 'available',
      sourceDestCheck: true,
      requesterManaged: false,
      tags: [],
    });
  }
  for (let i = 0; i < counts.volumes; i++) {
    const az = rng.pick(azs);
    const encrypted = rng.chance(0.6);
    res.volumes.push({
      volumeId: ec2Id(rng, 'vol'),
      size: rng.pick([10, 50, 200, 500]),
      volumeType: rng.pick(['gp2', 'gp3', 'st1']),
      availabilityZone: az.name,
      state: 'available',
      createTime: daysAgo(rng.int(10, 1000)),
      encrypted,
      ...(encrypted ? { kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${uuid(rng)}` } : {}),
      snapshotId: '',
      attachments: [],
      tags: nameTag(`orphan-volume-${i}`),
    });
  }

  // ---- Classic load balancers
  const lbSuffix = () => String(rng.int(100000000, 2147483647));
  const classic = (
    name: string,
    scheme: 'internet-facing' | 'internal',
    vpc: AwsVpc,
    instances: AwsInstance[],
    groups: AwsSecurityGroup[],
    listeners: AwsClassicLoadBalancer['listeners'],
  ) => {
    const subnets = subnetsOf(vpc.vpcId).slice(0, 2);
    const dns = `${scheme === 'internal' ? 'internal-' : ''}${name}-${lbSuffix()}.${region}.elb.amazonaws.com`;
    res.classicLoadBalancers.push({
      loadBalancerName: name,
      dnsName: dns,
      canonicalHostedZoneName: dns,
      canonicalHostedZoneNameId: zones.elb,
      createdTime: daysAgo(rng.int(30, 1500)),
      scheme,
      vpcId: vpc.vpcId,
      subnets: subnets.map((s) => s.subnetId),
      availabilityZones: subnets.map((s) => s.availabilityZone),
      securityGroups: groups.map((g) => g.groupId),
      instanceIds: instances.map((i) => i.instanceId),
      listeners,
      healthCheck: {
        target: 'HTTP:80/health',
        interval: 30,
        timeout: 5,
        unhealthyThreshold: 2,
        healthyThreshold: 10,
      },
      sourceSecurityGroup: { ownerAlias: accountId, groupName: groups[0]?.groupName ?? 'default' },
    });
  };
  const instancesInVpc = (vpcId: string) =>
    res.instances.filter((i) => i.vpcId === vpcId && i.state === 'running');
  for (let i = 0; i < counts.classicLoadBalancers; i++) {
    const vpc = res.vpcs[i % res.vpcs.length] as AwsVpc;
    const sgs = sgsByVpc.get(vpc.vpcId) ?? [];
    classic(
      `legacy-elb-${i}`,
      rng.chance(0.3) ? 'internet-facing' : 'internal',
      vpc,
      rng.sample(instancesInVpc(vpc.vpcId), rng.int(1, 3)),
      sgs.length > 0 ? [rng.pick(sgs)] : [defaultSg.get(vpc.vpcId) as AwsSecurityGroup],
      [
        {
          protocol: 'TCP',
          loadBalancerPort: 8443,
          instanceProtocol: 'TCP',
          instancePort: 8443,
          policyNames: [],
        },
      ],
    );
  }

  // ---- Application / network load balancers with target groups and listeners
  const v2 = (
    name: string,
    type: 'application' | 'network',
    scheme: 'internet-facing' | 'internal',
    vpc: AwsVpc,
    groups: AwsSecurityGroup[],
    targets: AwsInstance[],
    port: number,
  ) => {
    const lbId = rng.hex(16);
    const kind = type === 'application' ? 'app' : 'net';
    const lbArn = `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${kind}/${name}/${lbId}`;
    const subnets = subnetsOf(vpc.vpcId).slice(0, 2);
    const lb: AwsLoadBalancerV2 = {
      loadBalancerArn: lbArn,
      loadBalancerName: name,
      dnsName:
        type === 'application'
          ? `${scheme === 'internal' ? 'internal-' : ''}${name}-${lbSuffix()}.${region}.elb.amazonaws.com`
          : `${name}-${rng.hex(16)}.elb.${region}.amazonaws.com`,
      canonicalHostedZoneId: type === 'application' ? zones.elb : zones.nlb,
      createdTime: daysAgo(rng.int(30, 1000)),
      scheme,
      vpcId: vpc.vpcId,
      state: 'active',
      type,
      availabilityZones: subnets.map((s) => ({ zoneName: s.availabilityZone, subnetId: s.subnetId })),
      securityGroups: type === 'application' ? groups.map((g) => g.groupId) : [],
      ipAddressType: 'ipv4',
    };
    res.loadBalancers.push(lb);
    const tgName = `${name}-tg`.slice(0, 32);
    const protocol = type === 'application' ? 'HTTP' : 'TCP';
    const tg: AwsTargetGroup = {
      targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${tgName}/${rng.hex(16)}`,
      targetGroupName: tgName,
      protocol,
      port,
      vpcId: vpc.vpcId,
      targetType: 'instance',
      healthCheckProtocol: protocol,
      healthCheckPort: 'traffic-port',
      ...(type === 'application' ? { healthCheckPath: '/health' } : {}),
      loadBalancerArns: [lbArn],
      targets: targets.map((t) => ({
        id: t.instanceId,
        port,
        health: rng.chance(0.85) ? 'healthy' : 'unhealthy',
      })),
    };
    for (const t of tg.targets) if (t.health === 'unhealthy') t.reason = 'Target.FailedHealthChecks';
    res.targetGroups.push(tg);
    const listenerArn = () =>
      `arn:aws:elasticloadbalancing:${region}:${accountId}:listener/${kind}/${name}/${lbId}/${rng.hex(16)}`;
    if (type === 'application') {
      res.listeners.push({
        listenerArn: listenerArn(),
        loadBalancerArn: lbArn,
        port: 80,
        protocol: 'HTTP',
        certificateArns: [],
        defaultActions: [{ type: 'forward', targetGroupArn: tg.targetGroupArn, order: 1 }],
      });
      if (rng.chance(0.6)) {
        res.listeners.push({
          listenerArn: listenerArn(),
          loadBalancerArn: lbArn,
          port: 443,
          protocol: 'HTTPS',
          certificateArns: [`arn:aws:acm:${region}:${accountId}:certificate/${uuid(rng)}`],
          sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          defaultActions: [{ type: 'forward', targetGroupArn: tg.targetGroupArn, order: 1 }],
        });
      }
    } else {
      res.listeners.push({
        listenerArn: listenerArn(),
        loadBalancerArn: lbArn,
        port,
        protocol: 'TCP',
        certificateArns: [],
        defaultActions: [{ type: 'forward', targetGroupArn: tg.targetGroupArn }],
      });
    }
    // The load balancer's own ENIs, as AWS creates them.
    for (const s of subnets) {
      const ip = `${s.cidrBlock.split('.').slice(0, 3).join('.')}.${rng.int(4, 250)}`;
      res.networkInterfaces.push({
        networkInterfaceId: ec2Id(rng, 'eni'),
        subnetId: s.subnetId,
        vpcId: s.vpcId,
        availabilityZone: s.availabilityZone,
        description: `ELB ${kind}/${name}/${lbId}`,
        interfaceType: type === 'network' ? 'network_load_balancer' : 'interface',
        macAddress: `0a:${Array.from({ length: 5 }, () => rng.hex(2)).join(':')}`,
        privateIpAddress: ip,
        privateDnsName: privateDnsName(ip, region),
        groups: lb.securityGroups.map((id) => {
          const sg = res.securityGroups.find((g) => g.groupId === id);
          return { groupId: id, groupName: sg?.groupName ?? '' };
        }),
        attachment: {
          attachmentId: ec2Id(rng, 'eni-attach'),
          instanceOwnerId: 'amazon-elb',
          deviceIndex: 1,
          status: 'attached',
          attachTime: lb.createdTime,
          deleteOnTermination: false,
        },
        status: 'in-use',
        sourceDestCheck: true,
        requesterId: 'amazon-elb',
        requesterManaged: true,
        tags: [],
      });
    }
  };
  for (let i = 0; i < counts.loadBalancers; i++) {
    const vpc = res.vpcs[i % res.vpcs.length] as AwsVpc;
    const sgs = sgsByVpc.get(vpc.vpcId) ?? [];
    const type = rng.chance(0.7) ? 'application' : 'network';
    v2(
      `${type === 'application' ? 'alb' : 'nlb'}-${i}`,
      type,
      rng.chance(0.4) ? 'internet-facing' : 'internal',
      vpc,
      sgs.length > 0 ? [rng.pick(sgs)] : [defaultSg.get(vpc.vpcId) as AwsSecurityGroup],
      rng.sample(instancesInVpc(vpc.vpcId), rng.int(1, 4)),
      type === 'application' ? 8080 : 9000,
    );
  }
  if (input.misconfigurations && elbWorldSg) {
    classic(
      'public-web-elb',
      'internet-facing',
      vpc0,
      webBehindLb,
      [elbWorldSg],
      [
        {
          protocol: 'HTTP',
          loadBalancerPort: 80,
          instanceProtocol: 'HTTP',
          instancePort: 80,
          policyNames: [],
        },
      ],
    );
    v2('public-web-alb', 'application', 'internet-facing', vpc0, [elbWorldSg], webBehindLb, 80);
  }

  // ---- RDS: subnet groups, Aurora clusters, instances
  const subnetGroupByVpc = new Map<string, AwsDbSubnetGroup>();
  for (const vpc of res.vpcs) {
    const name = vpc.isDefault ? 'default' : `db-subnets-${vpc.vpcId.slice(-8)}`;
    const group: AwsDbSubnetGroup = {
      dbSubnetGroupName: name,
      dbSubnetGroupArn: `arn:aws:rds:${region}:${accountId}:subgrp:${name}`,
      description: vpc.isDefault ? 'default' : `Database subnets of ${vpc.vpcId}`,
      vpcId: vpc.vpcId,
      status: 'Complete',
      subnets: subnetsOf(vpc.vpcId)
        .slice(0, 3)
        .map((s) => ({
          subnetIdentifier: s.subnetId,
          availabilityZone: s.availabilityZone,
          status: 'Active',
        })),
    };
    res.dbSubnetGroups.push(group);
    subnetGroupByVpc.set(vpc.vpcId, group);
  }
  const endpointSuffix = rng.lowerAlnum(12);
  const dbInstance = (
    id: string,
    fields: Partial<AwsDbInstance> & { vpc: AwsVpc; engine: string },
  ): AwsDbInstance => {
    const { vpc, ...rest } = fields;
    const port = fields.engine.includes('postgres') ? 5432 : 3306;
    const encrypted = fields.storageEncrypted ?? rng.chance(0.8);
    const dbi: AwsDbInstance = {
      dbInstanceIdentifier: id,
      dbInstanceArn: `arn:aws:rds:${region}:${accountId}:db:${id}`,
      dbiResourceId: `db-${rng.upperAlnum(26)}`,
      dbInstanceClass: rng.pick(['db.t3.micro', 'db.t3.medium', 'db.r5.large', 'db.m5.large']),
      engineVersion: fields.engine.includes('postgres') ? '15.4' : '8.0.35',
      dbInstanceStatus: 'available',
      masterUsername: 'dbadmin',
      dbName: 'app',
      endpoint: {
        address: `${id}.${endpointSuffix}.${region}.rds.amazonaws.com`,
        port,
        hostedZoneId: zones.rds,
      },
      allocatedStorage: rng.pick([20, 100, 500]),
      storageType: 'gp3',
      instanceCreateTime: daysAgo(rng.int(30, 1200)),
      availabilityZone: rng.pick(azs).name,
      multiAz: rng.chance(0.3),
      publiclyAccessible: false,
      storageEncrypted: encrypted,
      ...(encrypted ? { kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${uuid(rng)}` } : {}),
      iamDatabaseAuthenticationEnabled: rng.chance(0.3),
      dbSubnetGroupName: subnetGroupByVpc.get(vpc.vpcId)?.dbSubnetGroupName ?? 'default',
      vpcSecurityGroupIds: [
        (firstOfKind.get(`${vpc.vpcId}/db`) ?? (defaultSg.get(vpc.vpcId) as AwsSecurityGroup)).groupId,
      ],
      backupRetentionPeriod: rng.pick([0, 7, 14]),
      deletionProtection: rng.chance(0.5),
      autoMinorVersionUpgrade: true,
      caCertificateIdentifier: 'rds-ca-rsa2048-g1',
      tags: [tag('team', rng.pick(['payments', 'web', 'data']))],
      ...rest,
    };
    if (!dbi.storageEncrypted) delete dbi.kmsKeyId;
    res.dbInstances.push(dbi);
    return dbi;
  };
  for (let c = 0; c < counts.dbClusters; c++) {
    const vpc = res.vpcs[c % res.vpcs.length] as AwsVpc;
    const id = `aurora-cluster-${c}`;
    const encrypted = rng.chance(0.8);
    const sgId = (firstOfKind.get(`${vpc.vpcId}/db`) ?? (defaultSg.get(vpc.vpcId) as AwsSecurityGroup))
      .groupId;
    const iamAuth = rng.chance(0.5);
    const members = [0, 1].map((m) =>
      dbInstance(`${id}-instance-${m}`, {
        vpc,
        engine: 'aurora-postgresql',
        dbClusterIdentifier: id,
        storageEncrypted: encrypted,
        iamDatabaseAuthenticationEnabled: iamAuth,
        vpcSecurityGroupIds: [sgId],
        storageType: 'aurora',
        allocatedStorage: 1,
        dbInstanceClass: 'db.r6g.large',
      }),
    );
    res.dbClusters.push({
      dbClusterIdentifier: id,
      dbClusterArn: `arn:aws:rds:${region}:${accountId}:cluster:${id}`,
      dbClusterResourceId: `cluster-${rng.upperAlnum(26)}`,
      engine: 'aurora-postgresql',
      engineVersion: '15.4',
      engineMode: 'provisioned',
      status: 'available',
      endpoint: `${id}.cluster-${endpointSuffix}.${region}.rds.amazonaws.com`,
      readerEndpoint: `${id}.cluster-ro-${endpointSuffix}.${region}.rds.amazonaws.com`,
      port: 5432,
      hostedZoneId: zones.rds,
      masterUsername: 'dbadmin',
      databaseName: 'app',
      dbSubnetGroupName: subnetGroupByVpc.get(vpc.vpcId)?.dbSubnetGroupName ?? 'default',
      vpcSecurityGroupIds: [sgId],
      members: members.map((m, i) => ({
        dbInstanceIdentifier: m.dbInstanceIdentifier,
        isClusterWriter: i === 0,
      })),
      availabilityZones: azs.map((a) => a.name),
      multiAz: true,
      storageEncrypted: encrypted,
      ...(encrypted
        ? { kmsKeyId: members[0]?.kmsKeyId ?? `arn:aws:kms:${region}:${accountId}:key/${uuid(rng)}` }
        : {}),
      iamDatabaseAuthenticationEnabled: iamAuth,
      clusterCreateTime: members[0]?.instanceCreateTime ?? daysAgo(100),
      backupRetentionPeriod: 7,
      deletionProtection: true,
      tags: [],
    });
  }
  for (let d = 0; d < counts.dbInstances; d++) {
    const vpc = res.vpcs[d % res.vpcs.length] as AwsVpc;
    dbInstance(`${rng.pick(['orders', 'users', 'billing', 'catalog', 'events'])}-db-${d}`, {
      vpc,
      engine: rng.pick(['postgres', 'mysql', 'mariadb']),
    });
  }
  if (input.misconfigurations && dbWorldSg) {
    dbInstance('public-unencrypted-db', {
      vpc: vpc0,
      engine: 'mysql',
      publiclyAccessible: true,
      storageEncrypted: false,
      iamDatabaseAuthenticationEnabled: false,
      vpcSecurityGroupIds: [dbWorldSg.groupId],
      deletionProtection: false,
      backupRetentionPeriod: 0,
    });
  }

  // ---- VPC peering between this region's VPCs
  for (let p = 0; p < counts.vpcPeeringConnections && 2 * p + 1 < res.vpcs.length; p++) {
    const a = res.vpcs[2 * p] as AwsVpc;
    const b = res.vpcs[2 * p + 1] as AwsVpc;
    res.vpcPeeringConnections.push({
      vpcPeeringConnectionId: ec2Id(rng, 'pcx'),
      requesterVpcInfo: { ownerId: accountId, vpcId: a.vpcId, cidrBlock: a.cidrBlock, region },
      accepterVpcInfo: { ownerId: accountId, vpcId: b.vpcId, cidrBlock: b.cidrBlock, region },
      statusCode: 'active',
      statusMessage: 'Active',
      tags: nameTag(`peer-${p}`),
    });
  }
  return res;
}
