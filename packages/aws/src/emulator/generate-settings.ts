import type { AwsRegionSettings } from './estate-settings-types.ts';
import type { Rng } from './random.ts';

export interface SettingsGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  /** The region's place among the account's enabled regions (0 for the first). */
  regionIndex: number;
  /** Seed the deliberate misconfigurations in this account. */
  misconfigurations: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/**
 * An account's settings in one region: EBS encryption by default on, and an
 * AWS Config recorder recording every supported resource type, delivering
 * to the account's config bucket. Where misconfigurations are seeded, the
 * first region has EBS encryption by default off and its recorder stopped,
 * and the second region has no recorder at all.
 */
export function generateSettings(input: SettingsGenerationInput): AwsRegionSettings {
  const { rng, accountId, regionIndex, misconfigurations } = input;
  const started = input.now - rng.int(100, 900) * DAY;
  const stopped = misconfigurations && regionIndex === 0;
  const missing = misconfigurations && regionIndex === 1;
  return {
    ebsEncryptionByDefault: !(misconfigurations && regionIndex === 0),
    configRecorders: missing
      ? []
      : [
          {
            name: 'default',
            roleArn: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
            allSupported: true,
            includeGlobalResourceTypes: regionIndex === 0,
            resourceTypes: [],
            recording: !stopped,
            lastStartTime: iso(started),
            ...(stopped ? { lastStopTime: iso(input.now - rng.int(5, 60) * DAY) } : {}),
          },
        ],
    configDeliveryChannels: missing
      ? []
      : [
          {
            name: 'default',
            s3BucketName: `config-bucket-${accountId}`,
            deliveryFrequency: 'TwentyFour_Hours',
          },
        ],
  };
}
