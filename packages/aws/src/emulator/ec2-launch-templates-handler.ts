import { AwsApiError } from './api-error.ts';
import { resources, select, tagSet } from './ec2-handler.ts';
import type { AwsLaunchTemplate, AwsLaunchTemplateVersion } from './estate-autoscaling-types.ts';
import { listParam, type RequestContext } from './request-context.ts';
import { el, list, wrap } from './xml.ts';

/** EC2's launch template operations: DescribeLaunchTemplates and DescribeLaunchTemplateVersions (paged 1..200). */

const PAGE = { min: 1, max: 200 };

function describeLaunchTemplates(ctx: RequestContext): string {
  const names = listParam(ctx.params, 'LaunchTemplateName');
  const all = resources(ctx).launchTemplates;
  const missing = names.find((n) => !all.some((t) => t.launchTemplateName === n));
  if (missing !== undefined) {
    throw new AwsApiError(
      'InvalidLaunchTemplateName.NotFoundException',
      'At least one of the launch templates specified in the request does not exist.',
    );
  }
  const { items, nextToken } = select<AwsLaunchTemplate>(ctx, {
    items: names.length > 0 ? all.filter((t) => names.includes(t.launchTemplateName)) : all,
    idParam: 'LaunchTemplateId',
    idOf: (t) => t.launchTemplateId,
    notFoundCode: 'InvalidLaunchTemplateId.NotFound',
    notFoundMessage: (id) => `The specified launch template, with template ID ${id}, does not exist.`,
    tagsOf: (t) => t.tags,
    maxResults: PAGE,
    filters: {
      'launch-template-name': (t) => t.launchTemplateName,
      'create-time': (t) => t.createTime,
    },
  });
  return (
    list(
      'launchTemplates',
      'item',
      items,
      (t) =>
        el('launchTemplateId', t.launchTemplateId) +
        el('launchTemplateName', t.launchTemplateName) +
        el('createTime', t.createTime) +
        el('createdBy', t.createdBy) +
        el('defaultVersionNumber', t.defaultVersionNumber) +
        el('latestVersionNumber', t.versions.at(-1)?.versionNumber ?? 1) +
        tagSet(t.tags),
    ) + el('nextToken', nextToken)
  );
}

function templateData(v: AwsLaunchTemplateVersion): string {
  const m = v.metadataOptions;
  return wrap(
    'launchTemplateData',
    (v.iamInstanceProfileArn ? wrap('iamInstanceProfile', el('arn', v.iamInstanceProfileArn)) : '') +
      (v.associatePublicIpAddress === undefined
        ? ''
        : list(
            'networkInterfaceSet',
            'item',
            [v],
            (n) =>
              el('associatePublicIpAddress', n.associatePublicIpAddress) +
              el('deleteOnTermination', true) +
              el('deviceIndex', 0) +
              list('groupSet', 'groupId', n.securityGroupIds, (g) => g),
          )) +
      el('imageId', v.imageId) +
      el('instanceType', v.instanceType) +
      el('keyName', v.keyName) +
      // Security groups go on the interface when the template has one, as AWS requires.
      (v.associatePublicIpAddress === undefined
        ? list('securityGroupIdSet', 'item', v.securityGroupIds, (g) => g)
        : '') +
      (m
        ? wrap(
            'metadataOptions',
            el('state', 'applied') +
              el('httpTokens', m.httpTokens) +
              el('httpPutResponseHopLimit', m.httpPutResponseHopLimit) +
              el('httpEndpoint', m.httpEndpoint),
          )
        : ''),
  );
}

/** `LaunchTemplateVersion.N`: numbers, `$Latest` and `$Default`. */
function versionsWanted(ctx: RequestContext, t: AwsLaunchTemplate): AwsLaunchTemplateVersion[] {
  const wanted = listParam(ctx.params, 'LaunchTemplateVersion');
  const min = Number(ctx.params.get('MinVersion') ?? Number.NEGATIVE_INFINITY);
  const max = Number(ctx.params.get('MaxVersion') ?? Number.POSITIVE_INFINITY);
  const latest = t.versions.at(-1)?.versionNumber;
  const numbers = wanted.map((w) =>
    w === '$Latest' ? latest : w === '$Default' ? t.defaultVersionNumber : Number(w),
  );
  return t.versions.filter(
    (v) =>
      (wanted.length === 0 || numbers.includes(v.versionNumber)) &&
      v.versionNumber >= min &&
      v.versionNumber <= max,
  );
}

function describeLaunchTemplateVersions(ctx: RequestContext): string {
  const id = ctx.params.get('LaunchTemplateId');
  const name = ctx.params.get('LaunchTemplateName');
  const all = resources(ctx).launchTemplates;
  if (id && name) {
    throw new AwsApiError(
      'InvalidParameterCombination',
      'The parameters LaunchTemplateId and LaunchTemplateName cannot be used together.',
    );
  }
  const templates =
    id || name ? all.filter((t) => t.launchTemplateId === id || t.launchTemplateName === name) : all;
  if ((id || name) && templates.length === 0) {
    throw id
      ? new AwsApiError(
          'InvalidLaunchTemplateId.NotFound',
          `The specified launch template, with template ID ${id}, does not exist.`,
        )
      : new AwsApiError(
          'InvalidLaunchTemplateName.NotFoundException',
          `The specified launch template, with template name ${name}, does not exist.`,
        );
  }
  const rows = templates.flatMap((t) => versionsWanted(ctx, t).map((v) => ({ t, v })));
  const { items, nextToken } = select(ctx, {
    items: rows,
    idOf: (r) => `${r.t.launchTemplateId}:${r.v.versionNumber}`,
    notFoundCode: 'InvalidLaunchTemplateId.VersionNotFound',
    notFoundMessage: (v) => `Could not find launch template version ${v}`,
    maxResults: PAGE,
    filters: {
      'image-id': (r) => r.v.imageId,
      'instance-type': (r) => r.v.instanceType,
      'is-default-version': (r) => String(r.v.versionNumber === r.t.defaultVersionNumber),
      'metadata-options.http-tokens': (r) => r.v.metadataOptions?.httpTokens,
      'metadata-options.http-endpoint': (r) => r.v.metadataOptions?.httpEndpoint,
    },
  });
  return (
    list(
      'launchTemplateVersionSet',
      'item',
      items,
      ({ t, v }) =>
        el('launchTemplateId', t.launchTemplateId) +
        el('launchTemplateName', t.launchTemplateName) +
        el('versionNumber', v.versionNumber) +
        el('versionDescription', v.versionDescription) +
        el('createTime', v.createTime) +
        el('createdBy', t.createdBy) +
        el('defaultVersion', v.versionNumber === t.defaultVersionNumber) +
        templateData(v),
    ) + el('nextToken', nextToken)
  );
}

/** The operations this module adds to the EC2 handler's dispatch. */
export const EC2_LAUNCH_TEMPLATE_OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
};
