import { describe, expect, it } from 'vitest';
import { labelNames } from './changes.ts';

describe('labelNames', () => {
  it('finds a type by its current or its legacy label, changes logged before the rename included', () => {
    expect(labelNames('AWSEC2SecurityGroup').sort()).toEqual(['AWSEC2SecurityGroup', 'EC2SecurityGroup']);
    expect(labelNames('EC2SecurityGroup').sort()).toEqual(['AWSEC2SecurityGroup', 'EC2SecurityGroup']);
  });

  it('leaves a label that was never renamed, or that no schema declares, as it is', () => {
    expect(labelNames('AWSAccount')).toEqual(['AWSAccount']);
    expect(labelNames('CmdbTeam')).toEqual(['CmdbTeam']);
  });
});
