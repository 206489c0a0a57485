import { createHash } from 'node:crypto';
import { AwsApiError } from './api-error.ts';
import type { AwsEksCluster, AwsEksLogType } from './estate-types.ts';
import { restJsonResponse, type WireResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import { pathSegments, type RestPaging, restPage } from './rest-paging.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

const LOG_TYPES: readonly AwsEksLogType[] = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
];

const PAGING: RestPaging = {
  token: 'nextToken',
  size: 'maxResults',
  max: 100,
  fallback: 100,
  invalid: (message) => new AwsApiError('InvalidParameterException', message),
};

/**
 * The operation an EKS request names: `GET /clusters`, `GET /clusters/{name}`,
 * `GET /clusters/{name}/node-groups[/{nodegroup}]` and
 * `GET /clusters/{name}/access-entries[/{principalArn}]`.
 */
export function eksOperation(method: string, url: URL): string {
  if (method !== 'GET') return '';
  const [collection, name, sub, item, ...rest] = pathSegments(url);
  if (collection !== 'clusters' || rest.length > 0) return '';
  if (name === undefined) return 'ListClusters';
  if (sub === undefined) return 'DescribeCluster';
  if (sub === 'node-groups') return item === undefined ? 'ListNodegroups' : 'DescribeNodegroup';
  if (sub === 'access-entries') return item === undefined ? 'ListAccessEntries' : 'DescribeAccessEntry';
  return '';
}

const regionOfArn = (arn: string) => arn.split(':')[3] ?? '';
const epochSeconds = (isoDate: string) => new Date(isoDate).getTime() / 1000;
const tagMap = (tags: readonly { key: string; value: string }[]) =>
  Object.fromEntries(tags.map((t) => [t.key, t.value]));

function notFound(message: string): AwsApiError {
  return new AwsApiError('ResourceNotFoundException', message, 404);
}

function segments(ctx: RequestContext): string[] {
  return ctx.http ? pathSegments(ctx.http.url) : [];
}

function clusterOf(ctx: RequestContext): AwsEksCluster {
  const name = segments(ctx)[1] ?? '';
  const c = regionOf(ctx)?.eksClusters.find((x) => x.name === name);
  if (!c) throw notFound(`No cluster found for name: ${name}.`);
  return c;
}

function describeCluster(c: AwsEksCluster): Json {
  const disabled = LOG_TYPES.filter((t) => !c.enabledLogTypes.includes(t));
  return {
    name: c.name,
    arn: c.arn,
    createdAt: epochSeconds(c.createdAt),
    version: c.version,
    endpoint: c.endpoint,
    roleArn: c.roleArn,
    resourcesVpcConfig: {
      subnetIds: c.subnetIds,
      securityGroupIds: c.securityGroupIds,
      clusterSecurityGroupId: c.clusterSecurityGroupId,
      vpcId: c.vpcId,
      endpointPublicAccess: c.endpointPublicAccess,
      endpointPrivateAccess: c.endpointPrivateAccess,
      // EKS reports 0.0.0.0/0 for a public endpoint without a CIDR list, and nothing for a private one.
      publicAccessCidrs: c.endpointPublicAccess ? c.publicAccessCidrs : [],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
    logging: {
      clusterLogging: [
        ...(c.enabledLogTypes.length > 0 ? [{ types: c.enabledLogTypes, enabled: true }] : []),
        ...(disabled.length > 0 ? [{ types: disabled, enabled: false }] : []),
      ],
    },
    identity: {
      oidc: {
        issuer: `https://oidc.eks.${regionOfArn(c.arn)}.amazonaws.com/id/${new URL(c.endpoint).hostname.split('.')[0]}`,
      },
    },
    status: c.status,
    certificateAuthority: { data: c.certificateAuthorityData },
    platformVersion: c.platformVersion,
    tags: tagMap(c.tags),
    ...(c.secretsKeyArn
      ? { encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: c.secretsKeyArn } }] }
      : {}),
    accessConfig: { authenticationMode: c.authenticationMode },
  };
}

function answer(ctx: RequestContext): Json {
  switch (ctx.operation) {
    case 'ListClusters': {
      const { page, next } = restPage(ctx, regionOf(ctx)?.eksClusters ?? [], PAGING);
      return { clusters: page.map((c) => c.name), ...(next ? { nextToken: next } : {}) };
    }
    case 'DescribeCluster':
      return { cluster: describeCluster(clusterOf(ctx)) };
    case 'ListNodegroups': {
      const { page, next } = restPage(ctx, clusterOf(ctx).nodegroups, PAGING);
      return { nodegroups: page.map((n) => n.nodegroupName), ...(next ? { nextToken: next } : {}) };
    }
    case 'DescribeNodegroup': {
      const c = clusterOf(ctx);
      const name = segments(ctx)[3];
      const n = c.nodegroups.find((x) => x.nodegroupName === name);
      if (!n) throw notFound(`No node group found for name: ${name}.`);
      return {
        nodegroup: {
          nodegroupName: n.nodegroupName,
          nodegroupArn: n.nodegroupArn,
          clusterName: c.name,
          version: n.version,
          releaseVersion: n.releaseVersion,
          createdAt: epochSeconds(n.createdAt),
          modifiedAt: epochSeconds(n.modifiedAt),
          status: n.status,
          capacityType: n.capacityType,
          scalingConfig: n.scaling,
          instanceTypes: n.instanceTypes,
          subnets: n.subnetIds,
          amiType: n.amiType,
          nodeRole: n.nodeRole,
          labels: {},
          resources: {
            autoScalingGroups: [{ name: `eks-${n.nodegroupName}-${n.nodegroupArn.split('/').pop()}` }],
          },
          diskSize: n.diskSize,
          health: { issues: [] },
          updateConfig: { maxUnavailable: 1 },
          tags: tagMap(n.tags),
        },
      };
    }
  }
  const c = clusterOf(ctx);
  if (c.authenticationMode === 'CONFIG_MAP') {
    throw new AwsApiError(
      'InvalidRequestException',
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
    );
  }
  if (ctx.operation === 'ListAccessEntries') {
    const { page, next } = restPage(ctx, c.accessEntries, PAGING);
    return { accessEntries: page.map((e) => e.principalArn), ...(next ? { nextToken: next } : {}) };
  }
  if (ctx.operation === 'DescribeAccessEntry') {
    const principal = segments(ctx)[3];
    const e = c.accessEntries.find((x) => x.principalArn === principal);
    if (!e)
      throw notFound(
        `The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'.`,
      );
    const [, , , region, account] = c.arn.split(':');
    // `role/<account>/<name>` or `user/<account>/<name>`, then an id EKS assigns.
    const [kind, ...path] = (e.principalArn.split(':')[5] ?? '').split('/');
    const id = createHash('sha256').update(`${c.arn}/${e.principalArn}`).digest('hex');
    return {
      accessEntry: {
        clusterName: c.name,
        principalArn: e.principalArn,
        kubernetesGroups: e.kubernetesGroups,
        accessEntryArn: `arn:aws:eks:${region}:${account}:access-entry/${c.name}/${kind}/${account}/${path.pop()}/${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
        createdAt: epochSeconds(e.createdAt),
        modifiedAt: epochSeconds(e.modifiedAt),
        tags: {},
        username: e.username,
        type: e.type,
      },
    };
  }
  throw new AwsApiError('UnknownOperationException', 'Unknown operation', 404);
}

function handleEks(ctx: RequestContext): WireResponse {
  return restJsonResponse(answer(ctx), ctx.requestId);
}

/** Amazon EKS (REST-JSON): clusters, their node groups and access entries. */
export const eksService: EmulatedService = {
  name: 'eks',
  signingName: 'eks',
  protocol: 'rest-json',
  operation: eksOperation,
  errors: { internal: ['ServerException', 500] },
  handle: handleEks,
};
