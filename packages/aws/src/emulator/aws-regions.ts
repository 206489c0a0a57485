/** Commercial regions DescribeRegions knows, with whether an account must opt in. */
export const AWS_REGIONS: readonly { name: string; optIn: boolean }[] = [
  { name: 'us-east-1', optIn: false },
  { name: 'us-east-2', optIn: false },
  { name: 'us-west-1', optIn: false },
  { name: 'us-west-2', optIn: false },
  { name: 'eu-west-1', optIn: false },
  { name: 'eu-west-2', optIn: false },
  { name: 'eu-west-3', optIn: false },
  { name: 'eu-central-1', optIn: false },
  { name: 'eu-north-1', optIn: false },
  { name: 'ap-northeast-1', optIn: false },
  { name: 'ap-northeast-2', optIn: false },
  { name: 'ap-northeast-3', optIn: false },
  { name: 'ap-southeast-1', optIn: false },
  { name: 'ap-southeast-2', optIn: false },
  { name: 'ap-south-1', optIn: false },
  { name: 'ca-central-1', optIn: false },
  { name: 'sa-east-1', optIn: false },
  { name: 'af-south-1', optIn: true },
  { name: 'ap-east-1', optIn: true },
  { name: 'eu-south-1', optIn: true },
  { name: 'me-south-1', optIn: true },
];

/** The order in which the generator hands regions to accounts. */
export const DEFAULT_REGION_ORDER: readonly string[] = [
  'us-east-1',
  'eu-west-1',
  'us-west-2',
  'eu-central-1',
  'ap-southeast-2',
  'us-east-2',
  'ap-northeast-1',
  'eu-west-2',
  'ca-central-1',
  'sa-east-1',
];

export function isOptInRegion(region: string): boolean {
  return AWS_REGIONS.find((r) => r.name === region)?.optIn ?? true;
}

export function isKnownRegion(region: string): boolean {
  return AWS_REGIONS.some((r) => r.name === region);
}

/** Availability zone names of a region (a, b, c) with zone ids in the AWS style (use1-az1). */
export function availabilityZones(region: string): { name: string; id: string }[] {
  const parts = region.split('-');
  const short = `${parts[0] ?? ''}${(parts[1] ?? '').slice(0, 1)}${parts[2] ?? ''}`;
  return ['a', 'b', 'c'].map((letter, i) => ({ name: `${region}${letter}`, id: `${short}-az${i + 1}` }));
}
