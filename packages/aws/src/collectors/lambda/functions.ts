import {
  type AliasConfiguration,
  type FunctionConfiguration,
  type FunctionUrlConfig,
  GetPolicyCommand,
  type LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
} from '@aws-sdk/client-lambda';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AWSLambda, AWSLambdaFunctionAlias, AWSLambdaLayer } from '../../schema/lambda.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { keyPolicyAccess, type PolicyConditionKeys } from '../kms/key-policy.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, type Where } from '../where.ts';

/** One function with what was read about it; a part is undefined when it could not be read. */
export interface FunctionDetails {
  configuration: FunctionConfiguration;
  /** GetPolicy's Policy (JSON): null when the function has none, undefined when it could not be read. */
  policy: string | null | undefined;
  /** ListFunctionUrlConfigs; undefined when it could not be read. */
  urls: FunctionUrlConfig[] | undefined;
  /** ListAliases; undefined when it could not be read. */
  aliases: AliasConfiguration[] | undefined;
}

/** A page of the collector: the functions of one ListFunctions page with their details. */
export interface LambdaPage {
  functions: FunctionDetails[];
}

/**
 * Lambda's condition keys: `aws:SourceAccount` names the account of the
 * resource that triggers the function; `lambda:FunctionUrlAuthType` only says
 * which URL kind the statement covers, so `*` with it is still everyone.
 */
const LAMBDA_CONDITION_KEYS: PolicyConditionKeys = {
  callerAccount: new Set(['aws:sourceaccount', 'aws:principalaccount']),
  neutral: new Set(['lambda:functionurlauthtype']),
};

const ARCHITECTURES: Record<string, string> = { x86_64: 'amd64', arm64: 'arm64' };

function functionRow(d: FunctionDetails, where: Where): NodeRow<typeof AWSLambda> | undefined {
  const c = d.configuration;
  if (!c.FunctionArn || !c.FunctionName) return undefined;
  const document = typeof d.policy === 'string' ? parsePolicyDocument(d.policy) : undefined;
  // A function without a resource policy can be invoked by no one beyond its account's IAM.
  const access =
    d.policy === null
      ? keyPolicyAccess(undefined, where.accountId, LAMBDA_CONDITION_KEYS)
      : document && keyPolicyAccess(document, where.accountId, LAMBDA_CONDITION_KEYS);
  const url = d.urls?.[0];
  // An auth type NONE URL is open to the internet (Cartography's anonymous_access covers it).
  const publicUrl = url?.AuthType === 'NONE';
  const known = access !== undefined && d.urls !== undefined;
  return {
    id: c.FunctionArn,
    arn: c.FunctionArn,
    name: c.FunctionName,
    modifieddate: c.LastModified,
    runtime: c.Runtime,
    description: c.Description,
    timeout: c.Timeout,
    memory: c.MemorySize,
    codesize: c.CodeSize,
    handler: c.Handler,
    version: c.Version,
    tracingconfigmode: c.TracingConfig?.Mode,
    revisionid: c.RevisionId,
    packagetype: c.PackageType,
    signingprofileversionarn: c.SigningProfileVersionArn,
    signingjobarn: c.SigningJobArn,
    codesha256: c.CodeSha256,
    architectures: c.Architectures,
    architecture_normalized: c.Architectures?.[0] ? ARCHITECTURES[c.Architectures[0]] : undefined,
    masterarn: c.MasterArn,
    kmskeyarn: c.KMSKeyArn,
    role: c.Role,
    anonymous_access: publicUrl || access?.anonymous_access ? true : known ? false : undefined,
    anonymous_actions: access
      ? [...access.anonymous_actions, ...(publicUrl ? ['lambda:InvokeFunctionUrl'] : [])]
          .filter((a, i, all) => all.indexOf(a) === i)
          .sort()
      : undefined,
    cross_account_principals: access?.cross_account_principals,
    policy: document ? JSON.stringify(document) : undefined,
    function_url: url?.FunctionUrl,
    function_url_auth_type: url?.AuthType,
    vpc_id: c.VpcConfig?.VpcId || undefined,
    region: where.region,
    principal: c.Role,
    executionRole: c.Role,
    subnets: present(c.VpcConfig?.SubnetIds),
    securityGroups: present(c.VpcConfig?.SecurityGroupIds),
  };
}

/** Function rows, then the layers and aliases that point at them. */
export function transformFunctions(page: LambdaPage, where: Where) {
  const functions: NodeRow<typeof AWSLambda>[] = [];
  const layers: NodeRow<typeof AWSLambdaLayer>[] = [];
  const aliases: NodeRow<typeof AWSLambdaFunctionAlias>[] = [];
  for (const d of page.functions) {
    const row = functionRow(d, where);
    if (!row) continue;
    functions.push(row);
    for (const l of d.configuration.Layers ?? []) {
      if (!l.Arn) continue;
      layers.push({
        id: l.Arn,
        arn: l.Arn,
        codesize: l.CodeSize,
        signingprofileversionarn: l.SigningProfileVersionArn,
        signingjobarn: l.SigningJobArn,
        functionarn: row.arn,
        region: where.region,
        functions: row.id,
      });
    }
    for (const a of d.aliases ?? []) {
      if (!a.AliasArn || !a.Name) continue;
      aliases.push({
        id: a.AliasArn,
        arn: a.AliasArn,
        aliasname: a.Name,
        functionversion: a.FunctionVersion,
        description: a.Description || undefined,
        revisionid: a.RevisionId,
        functionarn: row.arn,
        region: where.region,
        function: row.id,
      });
    }
  }
  return [
    load(AWSLambda, functions),
    load(AWSLambdaLayer, layers),
    load(AWSLambdaFunctionAlias, aliases),
  ] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A function deleted since ListFunctions is gone, and a permission boundary can deny a detail call. */
const FUNCTION_REFUSED = 'a Lambda request refused; left unknown';

/** GetPolicy answers ResourceNotFoundException for a function without a policy: that is "none", not unknown. */
async function policyOf(
  ctx: Ctx,
  lambda: LambdaClient,
  FunctionName: string,
): Promise<string | null | undefined> {
  try {
    const out = await ctx.call('lambda:GetPolicy', () =>
      lambda.send(new GetPolicyCommand({ FunctionName }), { abortSignal: requestSignal(ctx.signal) }),
    );
    return out.Policy ?? null;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return null;
    return unlessRefused(
      ctx,
      { message: FUNCTION_REFUSED, function: FunctionName, operation: 'GetPolicy' },
      () => Promise.reject(error),
    );
  }
}

/** Every page of a per-function Marker listing, or undefined when it was refused. */
function listAll<P, T>(
  ctx: Ctx,
  operation: string,
  FunctionName: string,
  send: (Marker: string | undefined) => Promise<P & { NextMarker?: string | undefined }>,
  items: (page: P) => T[] | undefined,
): Promise<T[] | undefined> {
  return unlessRefused(ctx, { message: FUNCTION_REFUSED, function: FunctionName, operation }, async () => {
    const out: T[] = [];
    for await (const page of paginate(ctx, `lambda:${operation}`, send, (p) => p.NextMarker)) {
      out.push(...(items(page) ?? []));
    }
    return out;
  });
}

async function detailsOf(
  ctx: Ctx,
  lambda: LambdaClient,
  configuration: FunctionConfiguration,
): Promise<FunctionDetails> {
  const FunctionName = configuration.FunctionArn as string;
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const policy = await policyOf(ctx, lambda, FunctionName);
  const urls = await listAll(
    ctx,
    'ListFunctionUrlConfigs',
    FunctionName,
    (Marker) =>
      lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName, Marker, MaxItems: 50 }), signal()),
    (p) => p.FunctionUrlConfigs,
  );
  const aliases = await listAll(
    ctx,
    'ListAliases',
    FunctionName,
    (Marker) => lambda.send(new ListAliasesCommand({ FunctionName, Marker, MaxItems: 50 }), signal()),
    (p) => p.Aliases,
  );
  return { configuration, policy, urls, aliases };
}

async function* lambdaPages(ctx: Ctx, lambda: LambdaClient): AsyncIterable<LambdaPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'lambda:ListFunctions',
    (Marker) =>
      lambda.send(new ListFunctionsCommand({ Marker, MaxItems: 50 }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextMarker,
  )) {
    const configurations = (page.Functions ?? []).filter((f) => f.FunctionArn);
    yield { functions: await Promise.all(configurations.map((c) => limit(() => detailsOf(ctx, lambda, c)))) };
  }
}

/** Lambda functions of a region with their resource policies, URLs, layers and aliases. */
export const lambdaFunctionsCollector = defineCollector<AwsScopeContext, LambdaPage>({
  name: 'lambda:functions',
  schemas: [AWSLambda, AWSLambdaLayer, AWSLambdaFunctionAlias],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.lambda(ctx.context.region), (lambda) => lambdaPages(ctx, lambda)),
  transform: (page, ctx) => transformFunctions(page, ctx.context),
});
