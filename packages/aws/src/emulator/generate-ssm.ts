import type { AwsSsmParameter, AwsSsmResources } from './estate-ssm-types.ts';
import type { AwsInstance, AwsKmsKey } from './estate-types.ts';
import type { Rng } from './random.ts';

export interface SsmGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  /** The region's instances: most running ones run the SSM agent. */
  instances: readonly AwsInstance[];
  /** The region's KMS keys: SecureString parameters use a customer key or aws/ssm. */
  kmsKeys: readonly AwsKmsKey[];
  /** Generic parameters (the seeded ones come on top). */
  parameters: number;
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The Systems Manager state of one region: the running instances whose agent
 * registered (about four in five; where misconfigurations are seeded, the
 * first running instance is left unmanaged), and Parameter Store parameters,
 * with, where seeded, `/<app>/db/password` stored as a plain String and its
 * twin `/<app>/db/password-secure` as a SecureString.
 */
export function generateSsm(input: SsmGenerationInput): AwsSsmResources {
  const { rng } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const running = input.instances.filter((i) => i.state === 'running');
  const managed = running
    .filter((_, n) => !(input.misconfigurations && n === 0))
    .filter(() => rng.chance(0.8))
    .map((i) => ({
      instanceId: i.instanceId,
      pingStatus: rng.chance(0.9) ? ('Online' as const) : ('ConnectionLost' as const),
      lastPingDateTime: at(rng.int(0, 2)),
      agentVersion: '3.3.987.0',
      isLatestVersion: rng.chance(0.6),
      platformType: 'Linux' as const,
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      registrationDate: at(rng.int(30, 600)),
      computerName: i.privateDnsName,
      ipAddress: i.privateIpAddress,
    }));
  const key = input.kmsKeys.find((k) => k.keyManager === 'CUSTOMER' && k.keyState === 'Enabled')?.arn;
  const parameter = (name: string, type: AwsSsmParameter['type']): AwsSsmParameter => ({
    name,
    type,
    ...(type === 'SecureString' && key ? { keyId: key } : {}),
    lastModifiedDate: at(rng.int(1, 400)),
    lastModifiedUser: `arn:aws:iam::${input.accountId}:role/deployer`,
    version: rng.int(1, 12),
    tier: 'Standard',
    dataType: 'text',
    tags: [],
  });
  const parameters: AwsSsmParameter[] = [];
  for (let i = 0; i < input.parameters; i++) {
    const app = rng.lowerAlnum(5);
    parameters.push(
      rng.chance(0.5)
        ? parameter(`/${app}/config/log-level`, 'String')
        : parameter(`/${app}/db/password`, 'SecureString'),
    );
  }
  if (input.misconfigurations) {
    parameters.push(
      parameter('/legacy/db/password', 'String'),
      parameter('/legacy/db/password-secure', 'SecureString'),
    );
  }
  return { ssmManagedInstances: managed, ssmParameters: parameters };
}
