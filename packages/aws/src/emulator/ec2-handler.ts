import { AwsApiError } from './api-error.ts';
import { AWS_REGIONS, isKnownRegion, isOptInRegion } from './aws-regions.ts';
import { applyFilters, type FilterTable, parseFilters } from './ec2-filters.ts';
import { EC2_IMAGE_OPERATIONS } from './ec2-images-handler.ts';
import { EC2_LAUNCH_TEMPLATE_OPERATIONS } from './ec2-launch-templates-handler.ts';
import { EC2_SETTINGS_OPERATIONS } from './ec2-settings-handler.ts';
import type {
  AwsGroupIdentifier,
  AwsInstance,
  AwsInternetGateway,
  AwsIpPermission,
  AwsKeyPair,
  AwsNetworkInterface,
  AwsPeeringVpcInfo,
  AwsRegionResources,
  AwsSecurityGroup,
  AwsSubnet,
  AwsTag,
  AwsVolume,
  AwsVpc,
  AwsVpcPeeringConnection,
} from './estate-types.ts';
import { emptyRegion } from './generate-region.ts';
import { decodeToken, encodeToken, intParam, pageOf } from './paging.ts';
import { listParam, type RequestContext } from './request-context.ts';
import { el, list, wrap } from './xml.ts';

const STATE_CODES: Record<string, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** A stable pseudo-random hex string derived from a value (for association ids and the like). */
function stableHex(value: string, length: number): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  let out = '';
  while (out.length < length) {
    for (let i = 0; i < value.length; i++) {
      h1 = Math.imul(h1 ^ value.charCodeAt(i), 16777619);
      h2 = Math.imul(h2 ^ value.charCodeAt(i), 2246822519);
    }
    out += (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
    value += out;
  }
  return out.slice(0, length);
}

export const tagSet = (tags: readonly AwsTag[]) =>
  list('tagSet', 'item', tags, (t) => el('key', t.key) + el('value', t.value));
const groupSet = (groups: readonly AwsGroupIdentifier[]) =>
  list('groupSet', 'item', groups, (g) => el('groupId', g.groupId) + el('groupName', g.groupName));

interface DescribeSpec<T> {
  items: readonly T[];
  /** Query parameter naming ids (`InstanceId` for `InstanceId.1` ...). */
  idParam?: string;
  idOf: (item: T) => string;
  notFoundCode: string;
  notFoundMessage: (id: string) => string;
  filters: FilterTable<T>;
  tagsOf?: (item: T) => readonly AwsTag[];
  /** Page size bounds; undefined for operations that do not page. */
  maxResults?: { min: number; max: number };
}

/** Ids, filters and paging shared by the Describe* operations. */
export function select<T>(
  ctx: RequestContext,
  spec: DescribeSpec<T>,
): { items: readonly T[]; nextToken: string | undefined } {
  const ids = spec.idParam ? listParam(ctx.params, spec.idParam) : [];
  const filters = parseFilters(ctx, spec.filters, spec.tagsOf !== undefined);
  if (ids.length > 0 && ctx.params.has('MaxResults') && ctx.operation === 'DescribeInstances') {
    throw new AwsApiError(
      'InvalidParameterCombination',
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  }
  let items = spec.items;
  if (ids.length > 0) {
    const byId = new Map(items.map((i) => [spec.idOf(i), i]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new AwsApiError(spec.notFoundCode, spec.notFoundMessage(missing.join(', ')));
    items = ids.map((id) => byId.get(id) as T);
  }
  items = applyFilters(items, filters, spec.filters, spec.tagsOf);
  if (!spec.maxResults) return { items, nextToken: undefined };
  const invalid = (m: string) => new AwsApiError('InvalidParameterValue', m);
  const maxResults = intParam(ctx.params.get('MaxResults') ?? undefined, 'MaxResults', invalid);
  const token = ctx.params.get('NextToken') ?? undefined;
  if (maxResults === undefined && token === undefined) return { items, nextToken: undefined };
  if (maxResults !== undefined && (maxResults < spec.maxResults.min || maxResults > spec.maxResults.max)) {
    throw invalid(
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${spec.maxResults.min} and ${spec.maxResults.max}.`,
    );
  }
  const start = decodeToken(
    ctx.operation,
    token,
    () => new AwsApiError('InvalidPaginationToken', `Invalid pagination token: ${token}`),
  );
  const page = pageOf(items, start, maxResults ?? spec.maxResults.max);
  return {
    items: page.items,
    nextToken: page.next === undefined ? undefined : encodeToken(ctx.operation, page.next),
  };
}

export const PAGE = { min: 5, max: 1000 };

export function resources(ctx: RequestContext): AwsRegionResources {
  const enabled = ctx.account.enabledRegions.includes(ctx.region);
  if (!enabled && (!isKnownRegion(ctx.region) || isOptInRegion(ctx.region))) {
    throw new AwsApiError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  }
  return ctx.account.regions[ctx.region] ?? EMPTY;
}
const EMPTY = emptyRegion();

function ipPermission(p: AwsIpPermission): string {
  return (
    el('ipProtocol', p.ipProtocol) +
    el('fromPort', p.fromPort) +
    el('toPort', p.toPort) +
    list(
      'groups',
      'item',
      p.userIdGroupPairs,
      (g) =>
        el('userId', g.userId) +
        el('groupId', g.groupId) +
        el('groupName', g.groupName) +
        el('vpcId', g.vpcId) +
        el('vpcPeeringConnectionId', g.vpcPeeringConnectionId) +
        el('peeringStatus', g.peeringStatus) +
        el('description', g.description),
    ) +
    list('ipRanges', 'item', p.ipRanges, (r) => el('cidrIp', r.cidrIp) + el('description', r.description)) +
    list(
      'ipv6Ranges',
      'item',
      p.ipv6Ranges,
      (r) => el('cidrIpv6', r.cidrIpv6) + el('description', r.description),
    ) +
    list(
      'prefixListIds',
      'item',
      p.prefixListIds,
      (r) => el('prefixListId', r.prefixListId) + el('description', r.description),
    )
  );
}

function eniAssociation(eni: AwsNetworkInterface): string {
  if (!eni.publicIp) return '';
  return wrap(
    'association',
    el('publicIp', eni.publicIp) + el('publicDnsName', eni.publicDnsName) + el('ipOwnerId', 'amazon'),
  );
}

function instanceEni(eni: AwsNetworkInterface, ownerId: string): string {
  const a = eni.attachment;
  return (
    el('networkInterfaceId', eni.networkInterfaceId) +
    el('subnetId', eni.subnetId) +
    el('vpcId', eni.vpcId) +
    el('description', eni.description) +
    el('ownerId', ownerId) +
    el('status', eni.status) +
    el('macAddress', eni.macAddress) +
    el('privateIpAddress', eni.privateIpAddress) +
    el('privateDnsName', eni.privateDnsName) +
    el('sourceDestCheck', eni.sourceDestCheck) +
    groupSet(eni.groups) +
    (a
      ? wrap(
          'attachment',
          el('attachmentId', a.attachmentId) +
            el('deviceIndex', a.deviceIndex) +
            el('status', a.status) +
            el('attachTime', a.attachTime) +
            el('deleteOnTermination', a.deleteOnTermination) +
            el('networkCardIndex', 0),
        )
      : '') +
    eniAssociation(eni) +
    list(
      'privateIpAddressesSet',
      'item',
      [eni],
      (e) =>
        el('privateIpAddress', e.privateIpAddress) +
        el('privateDnsName', e.privateDnsName) +
        el('primary', true) +
        eniAssociation(e),
    ) +
    '<ipv6AddressesSet/>' +
    el('interfaceType', eni.interfaceType)
  );
}

function renderInstance(i: AwsInstance, ownerId: string, enis: Map<string, AwsNetworkInterface>): string {
  const nics = i.networkInterfaceIds
    .map((id) => enis.get(id))
    .filter((e): e is AwsNetworkInterface => e !== undefined);
  return (
    el('instanceId', i.instanceId) +
    el('imageId', i.imageId) +
    wrap('instanceState', el('code', STATE_CODES[i.state] ?? 0) + el('name', i.state)) +
    el('privateDnsName', i.privateDnsName) +
    el('dnsName', i.publicDnsName ?? '') +
    el('reason', i.state === 'stopped' ? 'User initiated' : '') +
    el('keyName', i.keyName) +
    el('amiLaunchIndex', 0) +
    '<productCodes/>' +
    el('instanceType', i.instanceType) +
    el('launchTime', i.launchTime) +
    wrap(
      'placement',
      `${el('availabilityZone', i.availabilityZone)}<groupName/>${el('tenancy', 'default')}`,
    ) +
    el('platform', i.platform) +
    el('platformDetails', i.platformDetails) +
    el('usageOperation', i.platform === 'windows' ? 'RunInstances:0002' : 'RunInstances') +
    wrap('monitoring', el('state', i.monitoringState)) +
    el('subnetId', i.subnetId) +
    el('vpcId', i.vpcId) +
    el('privateIpAddress', i.privateIpAddress) +
    el('ipAddress', i.publicIpAddress) +
    el('sourceDestCheck', true) +
    groupSet(i.securityGroups) +
    (i.state === 'stopped'
      ? wrap(
          'stateReason',
          el('code', 'Client.UserInitiatedShutdown') +
            el('message', 'Client.UserInitiatedShutdown: User initiated shutdown'),
        )
      : '') +
    el('architecture', i.architecture) +
    el('rootDeviceType', i.rootDeviceType) +
    el('rootDeviceName', i.rootDeviceName) +
    list(
      'blockDeviceMapping',
      'item',
      i.blockDeviceMappings,
      (b) =>
        el('deviceName', b.deviceName) +
        wrap(
          'ebs',
          el('volumeId', b.volumeId) +
            el('status', b.status) +
            el('attachTime', b.attachTime) +
            el('deleteOnTermination', b.deleteOnTermination),
        ),
    ) +
    el('virtualizationType', i.virtualizationType) +
    el('clientToken', '') +
    tagSet(i.tags) +
    el('hypervisor', i.hypervisor) +
    list('networkInterfaceSet', 'item', nics, (n) => instanceEni(n, ownerId)) +
    (i.iamInstanceProfile
      ? wrap('iamInstanceProfile', el('arn', i.iamInstanceProfile.arn) + el('id', i.iamInstanceProfile.id))
      : '') +
    el('ebsOptimized', i.ebsOptimized) +
    el('enaSupport', i.enaSupport) +
    wrap('cpuOptions', el('coreCount', 1) + el('threadsPerCore', 2)) +
    wrap(
      'metadataOptions',
      el('state', 'applied') +
        el('httpTokens', i.httpTokens) +
        el('httpPutResponseHopLimit', 2) +
        el('httpEndpoint', 'enabled'),
    )
  );
}

function describeInstances(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const { items, nextToken } = select(ctx, {
    items: res.instances,
    idParam: 'InstanceId',
    idOf: (i) => i.instanceId,
    notFoundCode: 'InvalidInstanceID.NotFound',
    notFoundMessage: (id) => `The instance IDs '${id}' do not exist`,
    tagsOf: (i) => i.tags,
    maxResults: PAGE,
    filters: {
      'instance-id': (i) => i.instanceId,
      'instance-state-name': (i) => i.state,
      'instance-state-code': (i) => String(STATE_CODES[i.state]),
      'instance-type': (i) => i.instanceType,
      'image-id': (i) => i.imageId,
      'vpc-id': (i) => i.vpcId,
      'subnet-id': (i) => i.subnetId,
      'key-name': (i) => i.keyName,
      'availability-zone': (i) => i.availabilityZone,
      'private-ip-address': (i) => i.privateIpAddress,
      'ip-address': (i) => i.publicIpAddress,
      'instance.group-id': (i) => i.securityGroups.map((g) => g.groupId),
      'instance.group-name': (i) => i.securityGroups.map((g) => g.groupName),
      'iam-instance-profile.arn': (i) => i.iamInstanceProfile?.arn,
      'network-interface.network-interface-id': (i) => i.networkInterfaceIds,
      'reservation-id': (i) => i.reservationId,
      architecture: (i) => i.architecture,
      platform: (i) => i.platform,
    },
  });
  const enis = new Map<string, AwsNetworkInterface>();
  for (const i of items) for (const id of i.networkInterfaceIds) enis.set(id, EMPTY_ENI);
  for (const e of res.networkInterfaces)
    if (enis.has(e.networkInterfaceId)) enis.set(e.networkInterfaceId, e);
  const reservations = new Map<string, AwsInstance[]>();
  for (const i of items) {
    const group = reservations.get(i.reservationId);
    if (group) group.push(i);
    else reservations.set(i.reservationId, [i]);
  }
  return (
    list(
      'reservationSet',
      'item',
      [...reservations],
      ([rid, instances]) =>
        el('reservationId', rid) +
        el('ownerId', owner) +
        '<groupSet/>' +
        list('instancesSet', 'item', instances, (i) => renderInstance(i, owner, enis)),
    ) + el('nextToken', nextToken)
  );
}
const EMPTY_ENI: AwsNetworkInterface = {
  networkInterfaceId: '',
  subnetId: '',
  vpcId: '',
  availabilityZone: '',
  description: '',
  interfaceType: 'interface',
  macAddress: '',
  privateIpAddress: '',
  privateDnsName: '',
  groups: [],
  status: 'available',
  sourceDestCheck: true,
  requesterManaged: false,
  tags: [],
};

function describeSecurityGroups(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const names = listParam(ctx.params, 'GroupName');
  const named =
    names.length > 0 ? res.securityGroups.filter((g) => names.includes(g.groupName)) : res.securityGroups;
  if (names.length > 0 && new Set(named.map((g) => g.groupName)).size < new Set(names).size) {
    const missing = names.find((n) => !named.some((g) => g.groupName === n));
    throw new AwsApiError(
      'InvalidGroup.NotFound',
      `The security group '${missing}' does not exist in default VPC`,
    );
  }
  const { items, nextToken } = select<AwsSecurityGroup>(ctx, {
    items: named,
    idParam: 'GroupId',
    idOf: (g) => g.groupId,
    notFoundCode: 'InvalidGroup.NotFound',
    notFoundMessage: (id) => `The security group '${id}' does not exist`,
    tagsOf: (g) => g.tags,
    maxResults: PAGE,
    filters: {
      'group-id': (g) => g.groupId,
      'group-name': (g) => g.groupName,
      'vpc-id': (g) => g.vpcId,
      description: (g) => g.description,
      'owner-id': () => owner,
      'ip-permission.cidr': (g) => g.ipPermissions.flatMap((p) => p.ipRanges.map((r) => r.cidrIp)),
      'ip-permission.ipv6-cidr': (g) => g.ipPermissions.flatMap((p) => p.ipv6Ranges.map((r) => r.cidrIpv6)),
      'ip-permission.from-port': (g) =>
        g.ipPermissions.map((p) => (p.fromPort === undefined ? undefined : String(p.fromPort))),
      'ip-permission.to-port': (g) =>
        g.ipPermissions.map((p) => (p.toPort === undefined ? undefined : String(p.toPort))),
      'ip-permission.protocol': (g) => g.ipPermissions.map((p) => p.ipProtocol),
      'ip-permission.group-id': (g) =>
        g.ipPermissions.flatMap((p) => p.userIdGroupPairs.map((u) => u.groupId)),
    },
  });
  return (
    list(
      'securityGroupInfo',
      'item',
      items,
      (g) =>
        el('ownerId', owner) +
        el('groupId', g.groupId) +
        el('groupName', g.groupName) +
        el('groupDescription', g.description) +
        el('vpcId', g.vpcId) +
        el('securityGroupArn', `arn:aws:ec2:${ctx.region}:${owner}:security-group/${g.groupId}`) +
        list('ipPermissions', 'item', g.ipPermissions, ipPermission) +
        list('ipPermissionsEgress', 'item', g.ipPermissionsEgress, ipPermission) +
        tagSet(g.tags),
    ) + el('nextToken', nextToken)
  );
}

function describeVpcs(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const { items, nextToken } = select<AwsVpc>(ctx, {
    items: res.vpcs,
    idParam: 'VpcId',
    idOf: (v) => v.vpcId,
    notFoundCode: 'InvalidVpcID.NotFound',
    notFoundMessage: (id) => `The vpc ID '${id}' does not exist`,
    tagsOf: (v) => v.tags,
    maxResults: PAGE,
    filters: {
      'vpc-id': (v) => v.vpcId,
      'cidr-block-association.cidr-block': (v) => [v.cidrBlock, ...v.secondaryCidrBlocks],
      cidr: (v) => v.cidrBlock,
      'is-default': (v) => String(v.isDefault),
      state: (v) => v.state,
      'owner-id': () => owner,
      'dhcp-options-id': (v) => v.dhcpOptionsId,
    },
  });
  return (
    list('vpcSet', 'item', items, (v) => {
      const cidrs = [v.cidrBlock, ...v.secondaryCidrBlocks];
      return (
        el('vpcId', v.vpcId) +
        el('ownerId', owner) +
        el('state', v.state) +
        el('cidrBlock', v.cidrBlock) +
        list(
          'cidrBlockAssociationSet',
          'item',
          cidrs,
          (c) =>
            el('cidrBlock', c) +
            el('associationId', `vpc-cidr-assoc-0${stableHex(v.vpcId + c, 16)}`) +
            wrap('cidrBlockState', el('state', 'associated')),
        ) +
        list(
          'ipv6CidrBlockAssociationSet',
          'item',
          v.ipv6CidrBlock ? [v.ipv6CidrBlock] : [],
          (c) =>
            el('ipv6CidrBlock', c) +
            el('associationId', `vpc-cidr-assoc-0${stableHex(v.vpcId + c, 16)}`) +
            wrap('ipv6CidrBlockState', el('state', 'associated')) +
            el('networkBorderGroup', ctx.region),
        ) +
        el('dhcpOptionsId', v.dhcpOptionsId) +
        tagSet(v.tags) +
        el('instanceTenancy', v.instanceTenancy) +
        el('isDefault', v.isDefault) +
        wrap('blockPublicAccessStates', el('internetGatewayBlockMode', 'off'))
      );
    }) + el('nextToken', nextToken)
  );
}

function describeSubnets(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const { items, nextToken } = select<AwsSubnet>(ctx, {
    items: res.subnets,
    idParam: 'SubnetId',
    idOf: (s) => s.subnetId,
    notFoundCode: 'InvalidSubnetID.NotFound',
    notFoundMessage: (id) => `The subnet ID '${id}' does not exist`,
    tagsOf: (s) => s.tags,
    maxResults: PAGE,
    filters: {
      'subnet-id': (s) => s.subnetId,
      'vpc-id': (s) => s.vpcId,
      'availability-zone': (s) => s.availabilityZone,
      'availability-zone-id': (s) => s.availabilityZoneId,
      'cidr-block': (s) => s.cidrBlock,
      'default-for-az': (s) => String(s.defaultForAz),
      'map-public-ip-on-launch': (s) => String(s.mapPublicIpOnLaunch),
      state: (s) => s.state,
      'owner-id': () => owner,
    },
  });
  return (
    list(
      'subnetSet',
      'item',
      items,
      (s) =>
        el('subnetId', s.subnetId) +
        el('subnetArn', `arn:aws:ec2:${ctx.region}:${owner}:subnet/${s.subnetId}`) +
        el('state', s.state) +
        el('ownerId', owner) +
        el('vpcId', s.vpcId) +
        el('cidrBlock', s.cidrBlock) +
        '<ipv6CidrBlockAssociationSet/>' +
        el('availableIpAddressCount', s.availableIpAddressCount) +
        el('availabilityZone', s.availabilityZone) +
        el('availabilityZoneId', s.availabilityZoneId) +
        el('defaultForAz', s.defaultForAz) +
        el('mapPublicIpOnLaunch', s.mapPublicIpOnLaunch) +
        el('assignIpv6AddressOnCreation', false) +
        el('ipv6Native', false) +
        el('enableDns64', false) +
        tagSet(s.tags) +
        wrap(
          'privateDnsNameOptionsOnLaunch',
          el('hostnameType', 'ip-name') +
            el('enableResourceNameDnsARecord', false) +
            el('enableResourceNameDnsAAAARecord', false),
        ),
    ) + el('nextToken', nextToken)
  );
}

function describeNetworkInterfaces(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const { items, nextToken } = select<AwsNetworkInterface>(ctx, {
    items: res.networkInterfaces,
    idParam: 'NetworkInterfaceId',
    idOf: (n) => n.networkInterfaceId,
    notFoundCode: 'InvalidNetworkInterfaceID.NotFound',
    notFoundMessage: (id) => `The networkInterface ID '${id}' does not exist`,
    tagsOf: (n) => n.tags,
    maxResults: PAGE,
    filters: {
      'network-interface-id': (n) => n.networkInterfaceId,
      'vpc-id': (n) => n.vpcId,
      'subnet-id': (n) => n.subnetId,
      'availability-zone': (n) => n.availabilityZone,
      'attachment.instance-id': (n) => n.attachment?.instanceId,
      'attachment.instance-owner-id': (n) => n.attachment?.instanceOwnerId,
      'group-id': (n) => n.groups.map((g) => g.groupId),
      'group-name': (n) => n.groups.map((g) => g.groupName),
      status: (n) => n.status,
      'interface-type': (n) => n.interfaceType,
      'private-ip-address': (n) => n.privateIpAddress,
      'association.public-ip': (n) => n.publicIp,
      'requester-managed': (n) => String(n.requesterManaged),
      description: (n) => n.description,
      'owner-id': () => owner,
    },
  });
  return (
    list('networkInterfaceSet', 'item', items, (n) => {
      const a = n.attachment;
      return (
        el('networkInterfaceId', n.networkInterfaceId) +
        el('subnetId', n.subnetId) +
        el('vpcId', n.vpcId) +
        el('availabilityZone', n.availabilityZone) +
        el('description', n.description) +
        el('ownerId', owner) +
        el('requesterId', n.requesterId) +
        el('requesterManaged', n.requesterManaged) +
        el('status', n.status) +
        el('macAddress', n.macAddress) +
        el('privateIpAddress', n.privateIpAddress) +
        el('privateDnsName', n.privateDnsName) +
        el('sourceDestCheck', n.sourceDestCheck) +
        groupSet(n.groups) +
        (a
          ? wrap(
              'attachment',
              el('attachmentId', a.attachmentId) +
                el('instanceId', a.instanceId) +
                el('instanceOwnerId', a.instanceOwnerId) +
                el('deviceIndex', a.deviceIndex) +
                el('status', a.status) +
                el('attachTime', a.attachTime) +
                el('deleteOnTermination', a.deleteOnTermination) +
                el('networkCardIndex', 0),
            )
          : '') +
        (n.publicIp
          ? wrap(
              'association',
              el('publicIp', n.publicIp) + el('publicDnsName', n.publicDnsName) + el('ipOwnerId', 'amazon'),
            )
          : '') +
        tagSet(n.tags) +
        list(
          'privateIpAddressesSet',
          'item',
          [n],
          (e) =>
            el('privateIpAddress', e.privateIpAddress) +
            el('privateDnsName', e.privateDnsName) +
            el('primary', true) +
            (e.publicIp
              ? wrap(
                  'association',
                  el('publicIp', e.publicIp) +
                    el('publicDnsName', e.publicDnsName) +
                    el('ipOwnerId', 'amazon'),
                )
              : ''),
        ) +
        '<ipv6AddressesSet/>' +
        el('interfaceType', n.interfaceType)
      );
    }) + el('nextToken', nextToken)
  );
}

function describeKeyPairs(ctx: RequestContext): string {
  const res = resources(ctx);
  const names = listParam(ctx.params, 'KeyName');
  const base = select<AwsKeyPair>(ctx, {
    items: res.keyPairs,
    idParam: 'KeyPairId',
    idOf: (k) => k.keyPairId,
    notFoundCode: 'InvalidKeyPair.NotFound',
    notFoundMessage: (id) => `The key pair '${id}' does not exist`,
    tagsOf: (k) => k.tags,
    filters: {
      'key-name': (k) => k.keyName,
      'key-pair-id': (k) => k.keyPairId,
      fingerprint: (k) => k.keyFingerprint,
      'key-type': (k) => k.keyType,
    },
  });
  let items = base.items;
  if (names.length > 0) {
    const missing = names.filter((n) => !items.some((k) => k.keyName === n));
    if (missing.length > 0)
      throw new AwsApiError('InvalidKeyPair.NotFound', `The key pair '${missing[0]}' does not exist`);
    items = items.filter((k) => names.includes(k.keyName));
  }
  return list(
    'keySet',
    'item',
    items,
    (k) =>
      el('keyPairId', k.keyPairId) +
      el('keyName', k.keyName) +
      el('keyFingerprint', k.keyFingerprint) +
      el('keyType', k.keyType) +
      tagSet(k.tags) +
      el('createTime', k.createTime),
  );
}

function describeVolumes(ctx: RequestContext): string {
  const res = resources(ctx);
  const { items, nextToken } = select<AwsVolume>(ctx, {
    items: res.volumes,
    idParam: 'VolumeId',
    idOf: (v) => v.volumeId,
    notFoundCode: 'InvalidVolume.NotFound',
    notFoundMessage: (id) => `The volume '${id}' does not exist.`,
    tagsOf: (v) => v.tags,
    maxResults: PAGE,
    filters: {
      'volume-id': (v) => v.volumeId,
      'attachment.instance-id': (v) => v.attachments.map((a) => a.instanceId),
      'attachment.status': (v) => v.attachments.map((a) => a.state),
      'availability-zone': (v) => v.availabilityZone,
      status: (v) => v.state,
      encrypted: (v) => String(v.encrypted),
      'volume-type': (v) => v.volumeType,
      size: (v) => String(v.size),
      'snapshot-id': (v) => v.snapshotId,
    },
  });
  return (
    list(
      'volumeSet',
      'item',
      items,
      (v) =>
        el('volumeId', v.volumeId) +
        el('size', v.size) +
        el('snapshotId', v.snapshotId) +
        el('availabilityZone', v.availabilityZone) +
        el('status', v.state) +
        el('createTime', v.createTime) +
        list(
          'attachmentSet',
          'item',
          v.attachments,
          (a) =>
            el('volumeId', v.volumeId) +
            el('instanceId', a.instanceId) +
            el('device', a.device) +
            el('status', a.state) +
            el('attachTime', a.attachTime) +
            el('deleteOnTermination', a.deleteOnTermination),
        ) +
        tagSet(v.tags) +
        el('volumeType', v.volumeType) +
        el('iops', v.iops) +
        el('encrypted', v.encrypted) +
        el('kmsKeyId', v.kmsKeyId) +
        el('multiAttachEnabled', false),
    ) + el('nextToken', nextToken)
  );
}

function describeInternetGateways(ctx: RequestContext): string {
  const res = resources(ctx);
  const owner = ctx.account.id;
  const { items, nextToken } = select<AwsInternetGateway>(ctx, {
    items: res.internetGateways,
    idParam: 'InternetGatewayId',
    idOf: (g) => g.internetGatewayId,
    notFoundCode: 'InvalidInternetGatewayID.NotFound',
    notFoundMessage: (id) => `The internetGateway ID '${id}' does not exist`,
    tagsOf: (g) => g.tags,
    maxResults: PAGE,
    filters: {
      'internet-gateway-id': (g) => g.internetGatewayId,
      'attachment.vpc-id': (g) => g.attachments.map((a) => a.vpcId),
      'attachment.state': (g) => g.attachments.map((a) => a.state),
      'owner-id': () => owner,
    },
  });
  return (
    list(
      'internetGatewaySet',
      'item',
      items,
      (g) =>
        el('internetGatewayId', g.internetGatewayId) +
        el('ownerId', owner) +
        list('attachmentSet', 'item', g.attachments, (a) => el('vpcId', a.vpcId) + el('state', a.state)) +
        tagSet(g.tags),
    ) + el('nextToken', nextToken)
  );
}

function peeringInfo(name: string, info: AwsPeeringVpcInfo): string {
  return wrap(
    name,
    el('ownerId', info.ownerId) +
      el('vpcId', info.vpcId) +
      el('cidrBlock', info.cidrBlock) +
      list('cidrBlockSet', 'item', [info.cidrBlock], (c) => el('cidrBlock', c)) +
      wrap(
        'peeringOptions',
        el('allowEgressFromLocalClassicLinkToRemoteVpc', false) +
          el('allowEgressFromLocalVpcToRemoteClassicLink', false) +
          el('allowDnsResolutionFromRemoteVpc', false),
      ) +
      el('region', info.region),
  );
}

function describeVpcPeeringConnections(ctx: RequestContext): string {
  const res = resources(ctx);
  // A connection shows in both the requester's and the accepter's account and region.
  const all: AwsVpcPeeringConnection[] = [...res.vpcPeeringConnections];
  for (const account of ctx.estate.accounts) {
    for (const [region, r] of Object.entries(account.regions)) {
      for (const p of r.vpcPeeringConnections) {
        const accepterHere =
          p.accepterVpcInfo.ownerId === ctx.account.id && p.accepterVpcInfo.region === ctx.region;
        const alreadyHere = account.id === ctx.account.id && region === ctx.region;
        if (accepterHere && !alreadyHere) all.push(p);
      }
    }
  }
  const { items, nextToken } = select<AwsVpcPeeringConnection>(ctx, {
    items: all,
    idParam: 'VpcPeeringConnectionId',
    idOf: (p) => p.vpcPeeringConnectionId,
    notFoundCode: 'InvalidVpcPeeringConnectionID.NotFound',
    notFoundMessage: (id) => `The vpcPeeringConnection ID '${id}' does not exist`,
    tagsOf: (p) => p.tags,
    maxResults: PAGE,
    filters: {
      'vpc-peering-connection-id': (p) => p.vpcPeeringConnectionId,
      'status-code': (p) => p.statusCode,
      'requester-vpc-info.vpc-id': (p) => p.requesterVpcInfo.vpcId,
      'requester-vpc-info.owner-id': (p) => p.requesterVpcInfo.ownerId,
      'accepter-vpc-info.vpc-id': (p) => p.accepterVpcInfo.vpcId,
      'accepter-vpc-info.owner-id': (p) => p.accepterVpcInfo.ownerId,
    },
  });
  return (
    list(
      'vpcPeeringConnectionSet',
      'item',
      items,
      (p) =>
        el('vpcPeeringConnectionId', p.vpcPeeringConnectionId) +
        peeringInfo('requesterVpcInfo', p.requesterVpcInfo) +
        peeringInfo('accepterVpcInfo', p.accepterVpcInfo) +
        wrap('status', el('code', p.statusCode) + el('message', p.statusMessage)) +
        tagSet(p.tags),
    ) + el('nextToken', nextToken)
  );
}

function describeRegions(ctx: RequestContext): string {
  const all = ctx.params.get('AllRegions') === 'true';
  const enabled = ctx.account.enabledRegions;
  const rows = AWS_REGIONS.filter((r) => all || enabled.includes(r.name)).map((r) => ({
    name: r.name,
    status: enabled.includes(r.name) ? (r.optIn ? 'opted-in' : 'opt-in-not-required') : 'not-opted-in',
  }));
  for (const name of enabled)
    if (!rows.some((r) => r.name === name)) rows.push({ name, status: 'opt-in-not-required' });
  const { items } = select(ctx, {
    items: rows,
    idParam: 'RegionName',
    idOf: (r) => r.name,
    notFoundCode: 'InvalidParameterValue',
    notFoundMessage: (id) => `Invalid region name: ${id}`,
    filters: {
      'region-name': (r) => r.name,
      endpoint: (r) => `ec2.${r.name}.amazonaws.com`,
      'opt-in-status': (r) => r.status,
    },
  });
  return list(
    'regionInfo',
    'item',
    items,
    (r) =>
      el('regionName', r.name) +
      el('regionEndpoint', `ec2.${r.name}.amazonaws.com`) +
      el('optInStatus', r.status),
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeRegions: describeRegions,
  DescribeInstances: describeInstances,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeKeyPairs: describeKeyPairs,
  DescribeVolumes: describeVolumes,
  DescribeInternetGateways: describeInternetGateways,
  DescribeVpcPeeringConnections: describeVpcPeeringConnections,
};

export const EC2_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

/** Renders the body of an EC2 response (the elements after `requestId`). */
export function handleEc2(ctx: RequestContext): string {
  const op =
    OPERATIONS[ctx.operation] ??
    EC2_IMAGE_OPERATIONS[ctx.operation] ??
    EC2_LAUNCH_TEMPLATE_OPERATIONS[ctx.operation] ??
    EC2_SETTINGS_OPERATIONS[ctx.operation];
  if (!op)
    throw new AwsApiError('InvalidAction', `The action ${ctx.operation} is not valid for this web service.`);
  return op(ctx);
}
