import type {
  AwsLambdaFunction,
  AwsLambdaFunctionUrl,
  AwsSecurityGroup,
  AwsSubnet,
  PolicyStatement,
} from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface LambdaGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** Generic functions; the seeded misconfigured ones (and their safe twins) come on top. */
  functions: number;
  /** The execution role the functions run as (the account's `lambda-exec-role`). */
  roleArn: string;
  /** The region's subnets and security groups, for the functions attached to a VPC. */
  subnets: readonly AwsSubnet[];
  securityGroups: readonly AwsSecurityGroup[];
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation a seeded invoke policy trusts. */
  externalAccountId: string | undefined;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '+0000');

/** Runtimes Lambda supports today; the generic functions use these. */
const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'python3.12', 'python3.13', 'java21', 'provided.al2023'];

const WORKLOADS = [
  'orders-api',
  'thumbnailer',
  'billing-sync',
  'audit-export',
  'slack-notifier',
  'etl-loader',
];

/** The statement AddPermission writes for a service that invokes the function from one of the account's resources. */
function serviceTrigger(
  functionArn: string,
  accountId: string,
  service: string,
  sourceArn: string,
): PolicyStatement {
  return {
    Sid: `${service.split('.')[0]}-trigger`,
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'lambda:InvokeFunction',
    Resource: functionArn,
    Condition: { StringEquals: { 'AWS:SourceAccount': accountId }, ArnLike: { 'AWS:SourceArn': sourceArn } },
  };
}

/**
 * The Lambda functions of one region: generic functions on current runtimes
 * (some with layers, an alias, an S3 trigger or a VPC attachment), and where
 * misconfigurations are seeded a function with a public URL (auth type NONE),
 * one anyone may invoke, one an outside account may invoke, one on a
 * deprecated runtime, and a safe twin with an IAM-authenticated URL.
 */
export function generateLambda(input: LambdaGenerationInput): { lambdaFunctions: AwsLambdaFunction[] } {
  const { rng, accountId, region, accountName } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const functions: AwsLambdaFunction[] = [];
  const arnOf = (name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;
  const url = (authType: AwsLambdaFunctionUrl['authType']): AwsLambdaFunctionUrl => {
    const created = at(rng.int(10, 300));
    return {
      authType,
      url: `https://${rng.lowerAlnum(32)}.lambda-url.${region}.on.aws/`,
      creationTime: created,
      lastModifiedTime: created,
      invokeMode: 'BUFFERED',
      ...(authType === 'NONE' ? { cors: { allowOrigins: ['*'], allowMethods: ['GET', 'POST'] } } : {}),
    };
  };
  const fn = (name: string, fields: Partial<AwsLambdaFunction> = {}): AwsLambdaFunction => {
    const runtime = rng.pick(RUNTIMES);
    const f: AwsLambdaFunction = {
      functionName: name,
      functionArn: arnOf(name),
      runtime,
      handler: runtime.startsWith('java') ? 'com.acme.Handler::handleRequest' : 'index.handler',
      role: input.roleArn,
      description: '',
      timeout: rng.pick([3, 15, 30, 60, 300]),
      memorySize: rng.pick([128, 256, 512, 1024]),
      codeSize: rng.int(2_000, 40_000_000),
      codeSha256: Buffer.from(rng.hex(64), 'hex').toString('base64'),
      lastModified: at(rng.int(1, 400)),
      revisionId: uuid(rng),
      packageType: 'Zip',
      architectures: [rng.chance(0.3) ? 'arm64' : 'x86_64'],
      tracingMode: rng.chance(0.4) ? 'Active' : 'PassThrough',
      layers: [],
      aliases: [],
      tags: [{ key: 'team', value: rng.pick(['payments', 'platform', 'data']) }],
      ...fields,
    };
    functions.push(f);
    return f;
  };

  // Functions in a VPC use its private subnets where it has some.
  const privateSubnets = input.subnets.filter((s) => !s.mapPublicIpOnLaunch);
  const vpcSubnets = privateSubnets.length > 0 ? privateSubnets : input.subnets;
  for (let i = 0; i < input.functions; i++) {
    const name = `${accountName}-${WORKLOADS[i % WORKLOADS.length]}${i >= WORKLOADS.length ? `-${i}` : ''}`;
    const f = fn(name, { description: `${WORKLOADS[i % WORKLOADS.length]} worker` });
    // Every other function uses the shared layer, two in three have an alias, every fourth an S3 trigger.
    if (i % 2 === 0) {
      f.layers.push({
        arn: `arn:aws:lambda:${region}:${accountId}:layer:${accountName}-shared-libs:${rng.int(1, 12)}`,
        codeSize: rng.int(50_000, 9_000_000),
      });
    }
    if (i % 3 !== 2) {
      f.aliases.push({
        name: 'live',
        functionVersion: String(rng.int(1, 30)),
        description: '',
        revisionId: uuid(rng),
      });
    }
    if (i % 4 === 1) {
      f.policy = {
        Version: '2012-10-17',
        Id: 'default',
        Statement: [
          serviceTrigger(f.functionArn, accountId, 's3.amazonaws.com', `arn:aws:s3:::${name}-uploads`),
        ],
      };
    }
    const subnet = vpcSubnets.length > 0 && i % 3 === 0 ? rng.pick(vpcSubnets) : undefined;
    const groups = subnet ? input.securityGroups.filter((g) => g.vpcId === subnet.vpcId) : [];
    if (subnet && groups.length > 0) {
      f.vpcConfig = {
        subnetIds: [subnet.subnetId],
        securityGroupIds: [rng.pick(groups).groupId],
        vpcId: subnet.vpcId,
      };
    }
  }

  if (input.misconfigurations) {
    const webhook = fn(`${accountName}-public-webhook`, {
      description: 'webhook receiver',
      url: url('NONE'),
    });
    // The console adds this statement with an auth type NONE URL: without it the URL answers 403.
    webhook.policy = {
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        {
          Sid: 'FunctionURLAllowPublicAccess',
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:InvokeFunctionUrl',
          Resource: webhook.functionArn,
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        },
      ],
    };
    fn(`${accountName}-internal-admin`, { description: 'admin API behind IAM auth', url: url('AWS_IAM') });
    const open = fn(`${accountName}-public-invoke`, { description: 'invocable by anyone' });
    open.policy = {
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        {
          Sid: 'open',
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:InvokeFunction',
          Resource: open.functionArn,
        },
      ],
    };
    if (input.externalAccountId) {
      const partner = fn(`${accountName}-partner-callback`, { description: 'called by a partner account' });
      partner.policy = {
        Version: '2012-10-17',
        Id: 'default',
        Statement: [
          {
            Sid: 'partner',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${input.externalAccountId}:root` },
            Action: 'lambda:InvokeFunction',
            Resource: partner.functionArn,
          },
        ],
      };
    }
    fn(`${accountName}-legacy-report`, {
      description: 'nightly report',
      runtime: 'python3.7',
      handler: 'app.handler',
    });
  }
  return { lambdaFunctions: functions };
}
