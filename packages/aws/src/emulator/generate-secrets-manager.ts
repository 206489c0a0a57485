import type {
  AwsKmsKey,
  AwsSecret,
  AwsSecretVersion,
  PolicyDocument,
  PolicyStatement,
} from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface SecretsGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** Generic secrets; the seeded misconfigured ones (and their safe twins) come on top. */
  secrets: number;
  /** The region's KMS keys: secrets not on aws/secretsmanager use one of its customer managed keys. */
  kmsKeys: readonly AwsKmsKey[];
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation a seeded resource policy trusts. */
  externalAccountId: string | undefined;
}

const DAY = 86_400_000;
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function resourcePolicy(statement: PolicyStatement): PolicyDocument {
  return { Version: '2012-10-17', Statement: [statement] };
}

/**
 * The Secrets Manager secrets of one region: generic application secrets
 * (mostly rotated by a Lambda every 30 days, encrypted with a customer key or
 * aws/secretsmanager), and where misconfigurations are seeded a secret never
 * rotated, one whose rotation stopped, one readable by an outside account, a
 * public one, and safe twins (`*` narrowed to the account, a customer key,
 * aws/secretsmanager).
 */
export function generateSecrets(input: SecretsGenerationInput): { secrets: AwsSecret[] } {
  const { rng, accountId, region } = input;
  const at = (daysAgo: number) => input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000;
  const midnight = (ms: number) => iso(Math.floor(ms / DAY) * DAY);
  const customerKeys = input.kmsKeys.filter(
    (k) =>
      k.keyManager === 'CUSTOMER' &&
      k.keySpec === 'SYMMETRIC_DEFAULT' &&
      k.keyUsage === 'ENCRYPT_DECRYPT' &&
      k.keyState === 'Enabled',
  );
  const rotator = `arn:aws:lambda:${region}:${accountId}:function:${input.accountName}-secret-rotator`;
  const secrets: AwsSecret[] = [];

  const secret = (
    name: string,
    fields: {
      description?: string;
      customerKey?: boolean;
      /** Rotated every this many days; undefined: rotation off. */
      rotationDays?: number;
      /** Days since the last rotation (a rotated secret); undefined: never rotated. */
      rotatedDaysAgo?: number;
      createdDaysAgo: number;
      policy?: PolicyDocument;
      owningService?: string;
    },
  ): AwsSecret => {
    const created = at(fields.createdDaysAgo);
    const rotated = fields.rotatedDaysAgo === undefined ? undefined : at(fields.rotatedDaysAgo);
    const key = fields.customerKey && customerKeys.length > 0 ? rng.pick(customerKeys) : undefined;
    const kmsKeyIds = [key ? key.arn : 'DEFAULT'];
    const current = rotated ?? created;
    const versions: AwsSecretVersion[] = [
      { versionId: uuid(rng), stages: ['AWSCURRENT'], createdDate: iso(current), kmsKeyIds },
    ];
    if (rotated !== undefined) {
      versions.push({
        versionId: uuid(rng),
        stages: ['AWSPREVIOUS'],
        createdDate: iso(Math.max(created, current - (fields.rotationDays ?? 30) * DAY)),
        kmsKeyIds,
      });
    }
    const accessed = input.now - rng.int(0, 20) * DAY;
    const s: AwsSecret = {
      name,
      arn: `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${rng.fromAlphabet(SUFFIX, 6)}`,
      ...(fields.description ? { description: fields.description } : {}),
      ...(key ? { kmsKeyId: key.arn } : {}),
      rotationEnabled: fields.rotationDays !== undefined,
      ...(fields.rotationDays !== undefined
        ? { rotationLambdaArn: rotator, rotationDays: fields.rotationDays }
        : {}),
      createdDate: iso(created),
      ...(rotated !== undefined ? { lastRotatedDate: iso(rotated) } : {}),
      lastChangedDate: iso(current),
      lastAccessedDate: midnight(Math.max(accessed, current)),
      ...(fields.owningService ? { owningService: fields.owningService } : {}),
      ...(fields.policy ? { policy: fields.policy } : {}),
      versions,
      tags: [{ key: 'team', value: rng.pick(['payments', 'web', 'data']) }],
    };
    secrets.push(s);
    return s;
  };

  for (let n = 0; n < input.secrets; n++) {
    const purpose = rng.pick(['db-credentials', 'api-token', 'oauth-client', 'smtp-password']);
    const rotating = purpose === 'db-credentials' || rng.chance(0.75);
    secret(`${input.accountName}/${purpose}-${n}`, {
      description: `${purpose} of service ${n}`,
      customerKey: rng.chance(0.5),
      ...(rotating ? { rotationDays: 30, rotatedDaysAgo: rng.int(0, 29) } : {}),
      createdDaysAgo: rng.int(60, 900),
      ...(purpose === 'db-credentials' && n % 3 === 0 ? { owningService: 'rds' } : {}),
    });
  }

  if (input.misconfigurations) {
    secret('legacy/no-rotation-secret', {
      description: 'legacy-no-rotation-secret',
      createdDaysAgo: 400,
    });
    secret('legacy/stale-rotation-secret', {
      description: 'stale-rotation-secret',
      customerKey: true,
      rotationDays: 30,
      rotatedDaysAgo: 200,
      createdDaysAgo: 700,
    });
    if (input.externalAccountId) {
      secret('shared/vendor-shared-secret', {
        description: 'vendor-shared-secret',
        customerKey: true,
        rotationDays: 30,
        rotatedDaysAgo: 3,
        createdDaysAgo: 200,
        policy: resourcePolicy({
          Sid: 'VendorRead',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${input.externalAccountId}:root` },
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: '*',
        }),
      });
    }
    secret('shared/public-secret', {
      description: 'public-secret',
      rotationDays: 30,
      rotatedDaysAgo: 5,
      createdDaysAgo: 150,
      policy: resourcePolicy({
        Sid: 'AnyoneRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      }),
    });
    secret('shared/account-only-secret', {
      description: 'account-only-secret',
      customerKey: true,
      rotationDays: 30,
      rotatedDaysAgo: 7,
      createdDaysAgo: 120,
      policy: resourcePolicy({
        Sid: 'AccountRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalAccount': accountId } },
      }),
    });
    secret('app/customer-key-secret', {
      description: 'customer-key-secret',
      customerKey: true,
      rotationDays: 30,
      rotatedDaysAgo: 1,
      createdDaysAgo: 90,
    });
    secret('app/default-key-secret', {
      description: 'default-key-secret',
      rotationDays: 30,
      rotatedDaysAgo: 2,
      createdDaysAgo: 90,
    });
  }
  return { secrets };
}
