import { describe, expect, it } from 'vitest';
import { transformEbsDefaultEncryption } from './ebs-default-encryption.ts';
import { transformLaunchTemplates } from './launch-templates.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };

describe('launch templates', () => {
  it('keys versions `<template id>-<version>` and reads IMDS and public IP settings', () => {
    const [templates, versions] = transformLaunchTemplates(
      {
        templates: [
          {
            LaunchTemplateId: 'lt-01238c059e3466abc',
            LaunchTemplateName: 'my-template',
            CreateTime: new Date('2017-11-27T09:13:24.000Z'),
            CreatedBy: 'arn:aws:iam::111122223333:root',
            DefaultVersionNumber: 1,
            LatestVersionNumber: 2,
          },
        ],
        versions: [
          {
            LaunchTemplateId: 'lt-01238c059e3466abc',
            LaunchTemplateName: 'my-template',
            VersionNumber: 2,
            DefaultVersion: false,
            CreateTime: new Date('2017-11-28T09:13:24.000Z'),
            LaunchTemplateData: {
              ImageId: 'ami-6057e21a',
              InstanceType: 't2.medium',
              NetworkInterfaces: [
                { DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ['sg-7c227019'] },
              ],
              MetadataOptions: {
                HttpTokens: 'optional',
                HttpEndpoint: 'enabled',
                HttpPutResponseHopLimit: 1,
              },
            },
          },
          { LaunchTemplateId: 'lt-01238c059e3466abc', VersionNumber: 1, LaunchTemplateData: {} },
        ],
      },
      where,
    );
    expect(templates.rows[0]).toMatchObject({
      id: 'lt-01238c059e3466abc',
      create_time: '1511774004',
      latest_version_number: 2,
    });
    expect(versions.rows).toEqual([
      expect.objectContaining({
        id: 'lt-01238c059e3466abc-2',
        metadatahttptokens: 'optional',
        associate_public_ip_address: true,
        security_group_ids: ['sg-7c227019'],
        template: 'lt-01238c059e3466abc',
      }),
      expect.objectContaining({
        id: 'lt-01238c059e3466abc-1',
        metadatahttptokens: undefined,
        associate_public_ip_address: undefined,
      }),
    ]);
  });

  it('writes the region’s EBS encryption by default as one node', () => {
    const [rows] = transformEbsDefaultEncryption(
      { EbsEncryptionByDefault: false, SseType: 'sse-ebs' },
      where,
    );
    expect(rows.rows).toEqual([
      {
        id: '111122223333:us-east-1',
        account_id: '111122223333',
        enabled: false,
        sse_type: 'sse-ebs',
        region: 'us-east-1',
      },
    ]);
  });
});
