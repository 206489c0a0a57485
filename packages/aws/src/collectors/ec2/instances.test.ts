import { describe, expect, it } from 'vitest';
import { describeInstancesPage } from './fixtures/describe-instances.ts';
import { transformInstances } from './instances.ts';

const where = { accountId: '123456789012', region: 'us-east-2' };

describe('transformInstances', () => {
  it('maps a DescribeInstances page to reservations and instances with Cartography property names', () => {
    const [reservations, instances] = transformInstances(describeInstancesPage, where);
    expect(reservations?.rows).toEqual([
      {
        id: 'r-1234567890abcdef0',
        reservationid: 'r-1234567890abcdef0',
        ownerid: '123456789012',
        requesterid: undefined,
        region: 'us-east-2',
      },
    ]);
    const [running, stopped] = instances?.rows ?? [];
    expect(running).toMatchObject({
      id: 'i-1234567890abcdef0',
      instanceid: 'i-1234567890abcdef0',
      publicipaddress: '34.253.223.13',
      publicdnsname: 'ec2-34-253-223-13.us-east-2.compute.amazonaws.com',
      instancetype: 't3.nano',
      state: 'running',
      launchtime: '2022-11-15T10:48:59.000Z',
      launchtimeunix: 1668509339,
      availabilityzone: 'us-east-2a',
      iaminstanceprofile: 'arn:aws:iam::123456789012:instance-profile/AmazonSSMRoleForInstancesQuickSetup',
      arn: 'arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890abcdef0',
      // Cartography's IMDS properties, with its derived access mode.
      metadatahttptokens: 'optional',
      metadatahttpendpoint: 'enabled',
      imdsaccessmode: 'v1_or_v2',
      imdsv1enabled: true,
      imdsv2required: false,
      hibernationoptions: false,
      region: 'us-east-2',
    });
    // Relationship targets: reservation, subnet, groups, interfaces, the key pair (by ARN) and the instance profile.
    expect(running).toMatchObject({
      reservation: 'r-1234567890abcdef0',
      subnet: 'subnet-04a636d18e83cfacb',
      securityGroups: ['sg-0ce5dbd12f4a3e5bb'],
      networkInterfaces: ['eni-0bd4e3f4ee5f1f4bb'],
      keyPair: 'arn:aws:ec2:us-east-2:123456789012:key-pair/my-key-pair',
      instanceProfile: 'arn:aws:iam::123456789012:instance-profile/AmazonSSMRoleForInstancesQuickSetup',
    });
    // An empty DNS name (stopped instances) is no DNS name; no key pair, no link.
    expect(stopped).toMatchObject({
      state: 'stopped',
      platform: 'Windows',
      securityGroups: [],
      networkInterfaces: [],
    });
    expect(stopped?.publicdnsname).toBeUndefined();
    expect(stopped?.keyPair).toBeUndefined();
  });
});
