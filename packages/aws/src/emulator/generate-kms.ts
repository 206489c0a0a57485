import type { AwsKmsAlias, AwsKmsGrant, AwsKmsKey, PolicyDocument, PolicyStatement } from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface KmsGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** Generic customer managed keys; the AWS managed and the seeded misconfigured ones come on top. */
  keys: number;
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation a seeded key policy trusts. */
  externalAccountId: string | undefined;
}

/** AWS managed keys every region has once the service has encrypted something with them. */
const AWS_MANAGED = ['ebs', 'rds', 's3'] as const;
/** AWS's predefined aliases that point at no key until the service first uses one. */
const PREDEFINED_ONLY = ['dynamodb', 'lambda', 'secretsmanager'] as const;

const DAY = 86_400_000;
const USE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
];
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The default key policy of a customer managed key: the account (through IAM) may do everything. */
function defaultPolicy(accountId: string, extra: PolicyStatement[] = []): PolicyDocument {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...extra,
    ],
  };
}

/** The policy AWS gives its managed keys: use through the service, by callers of the account only. */
function awsManagedPolicy(accountId: string, region: string, service: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [...USE_ACTIONS.slice(0, 4), 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:ViaService': `${service === 'ebs' ? 'ec2' : service}.${region}.amazonaws.com`,
            'kms:CallerAccount': accountId,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  };
}

/**
 * The KMS keys and aliases of one region: AWS managed keys for EBS, RDS and
 * S3, generic customer managed keys (mostly rotated, now and then an
 * asymmetric signing key or a multi-Region key), and where misconfigurations
 * are seeded a key open to everyone, one trusting an outside account, one
 * never rotated and one pending deletion.
 */
export function generateKms(input: KmsGenerationInput): { kmsKeys: AwsKmsKey[]; kmsAliases: AwsKmsAlias[] } {
  const { rng, accountId, region } = input;
  const daysAgo = (days: number) => iso(input.now - days * DAY - rng.int(0, 86_399) * 1000);
  const keys: AwsKmsKey[] = [];
  const aliases: AwsKmsAlias[] = [];
  const grant = (granteePrincipal: string, operations: string[], name?: string): AwsKmsGrant => ({
    grantId: rng.hex(64),
    ...(name ? { name } : {}),
    creationDate: daysAgo(rng.int(1, 300)),
    granteePrincipal,
    issuingAccountId: accountId,
    operations,
  });
  const key = (fields: Partial<AwsKmsKey> & { alias?: string }): AwsKmsKey => {
    const { alias, ...rest } = fields;
    const keyId = fields.multiRegion ? `mrk-${rng.hex(32)}` : uuid(rng);
    const k: AwsKmsKey = {
      keyId,
      arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
      creationDate: daysAgo(rng.int(30, 1500)),
      description: '',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: 'CUSTOMER',
      keySpec: 'SYMMETRIC_DEFAULT',
      multiRegion: false,
      rotationEnabled: true,
      policy: defaultPolicy(accountId),
      grants: [],
      tags: [],
      ...rest,
    };
    keys.push(k);
    if (alias) {
      aliases.push({
        aliasName: alias,
        targetKeyId: k.keyId,
        creationDate: k.creationDate,
        lastUpdatedDate: k.creationDate,
      });
    }
    return k;
  };

  for (const service of AWS_MANAGED) {
    key({
      alias: `alias/aws/${service}`,
      description: `Default key that protects my ${service.toUpperCase()} resources when no other key is defined`,
      keyManager: 'AWS',
      policy: awsManagedPolicy(accountId, region, service),
      grants:
        service === 'ebs'
          ? [
              grant(`ec2.${region}.amazonaws.com`, [
                'Decrypt',
                'GenerateDataKeyWithoutPlaintext',
                'CreateGrant',
              ]),
            ]
          : [],
    });
  }
  for (const service of PREDEFINED_ONLY) aliases.push({ aliasName: `alias/aws/${service}` });

  const appRole = `arn:aws:iam::${accountId}:role/ec2-app-role`;
  for (let n = 0; n < input.keys; n++) {
    const purpose = rng.pick(['app-data', 'backups', 'logs', 'secrets', 'payments']);
    if (n % 5 === 4) {
      key({
        alias: `alias/${input.accountName}-signing-${n}`,
        description: `Release signing key ${n}`,
        keyUsage: 'SIGN_VERIFY',
        keySpec: 'RSA_2048',
        rotationEnabled: false,
      });
      continue;
    }
    key({
      alias: `alias/${input.accountName}-${purpose}-${n}`,
      description: `${purpose} encryption key`,
      multiRegion: n % 7 === 2,
      rotationEnabled: rng.chance(0.85),
      policy: defaultPolicy(accountId, [
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: appRole },
          Action: USE_ACTIONS,
          Resource: '*',
        },
      ]),
      grants: rng.chance(0.5) ? [grant(appRole, ['Decrypt', 'GenerateDataKey'], `${purpose}-app`)] : [],
      tags: [{ key: 'team', value: rng.pick(['payments', 'web', 'data']) }],
    });
  }

  if (input.misconfigurations) {
    key({
      alias: 'alias/public-everyone-key',
      description: 'public-everyone-key',
      policy: defaultPolicy(accountId, [
        {
          Sid: 'Allow everyone',
          Effect: 'Allow',
          Principal: '*',
          Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          Resource: '*',
        },
      ]),
    });
    if (input.externalAccountId) {
      const vendor = `arn:aws:iam::${input.externalAccountId}:root`;
      key({
        alias: 'alias/vendor-shared-key',
        description: 'vendor-shared-key',
        policy: defaultPolicy(accountId, [
          {
            Sid: 'Allow the vendor account to use the key',
            Effect: 'Allow',
            Principal: { AWS: vendor },
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Resource: '*',
          },
        ]),
        grants: [grant(vendor, ['Decrypt'], 'vendor-decrypt')],
      });
    }
    key({
      alias: 'alias/legacy-no-rotation-key',
      description: 'legacy-no-rotation-key',
      rotationEnabled: false,
    });
    key({
      alias: 'alias/retired-key',
      description: 'retired-key',
      keyState: 'PendingDeletion',
      deletionDate: iso(input.now + 7 * DAY),
      pendingDeletionWindowInDays: 30,
      rotationEnabled: false,
    });
  }
  return { kmsKeys: keys, kmsAliases: aliases };
}
