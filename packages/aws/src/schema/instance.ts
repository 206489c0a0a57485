import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { AWSInstanceProfile } from './instance-profile.ts';
import { EC2KeyPair } from './key-pair.ts';
import { NetworkInterface } from './network-interface.ts';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/** An EC2 reservation (the instances launched by one request), keyed by its id (`r-...`). */
export const EC2Reservation = defineNode({
  label: 'AWSEC2Reservation',
  legacyLabels: ['EC2Reservation'],
  key: 'id',
  properties: {
    id: 'string',
    reservationid: 'string',
    ownerid: 'string?',
    requesterid: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An EC2 reservation (DescribeInstances).',
});

/**
 * An EC2 instance, keyed by its id (`i-...`). The `exposed_internet`,
 * `exposed_internet_type` (`direct`, `elb`, `elbv2`) and
 * `exposed_internet_ports` properties are set by the `aws_ec2_asset_exposure`
 * analysis job, not by the collector.
 */
export const EC2Instance = defineNode({
  label: 'AWSEC2Instance',
  extraLabels: ['ComputeInstance'],
  legacyLabels: ['EC2Instance'],
  key: 'id',
  properties: {
    id: 'string',
    instanceid: 'string',
    publicdnsname: 'string?',
    publicipaddress: 'string?',
    privateipaddress: 'string?',
    privatednsname: 'string?',
    imageid: 'string?',
    instancetype: 'string?',
    subnetid: 'string?',
    vpcid: 'string?',
    /** The ARN of the instance profile, if any. */
    iaminstanceprofile: 'string?',
    keyname: 'string?',
    launchtime: 'string?',
    launchtimeunix: 'number?',
    monitoringstate: 'string?',
    state: 'string?',
    availabilityzone: 'string?',
    tenancy: 'string?',
    hostresourcegrouparn: 'string?',
    platform: 'string?',
    architecture: 'string?',
    ebsoptimized: 'boolean?',
    bootmode: 'string?',
    instancelifecycle: 'string?',
    hibernationoptions: 'boolean?',
    /** `arn:<partition>:ec2:<region>:<account>:instance/<id>`. */
    arn: 'string?',
    /** The EKS cluster of a node (its `eks:cluster-name` or `alpha.eksctl.io/cluster-name` tag). */
    eks_cluster_name: 'string?',
    /** The primary IPv6 address of the primary interface. */
    ipv6address: 'string?',
    /** IMDS token setting (MetadataOptions.HttpTokens): `optional` still allows IMDSv1. */
    metadatahttptokens: 'string?',
    metadatahttpputresponsehoplimit: 'number?',
    /** `enabled` or `disabled`: whether the instance metadata service answers at all. */
    metadatahttpendpoint: 'string?',
    metadatahttpprotocolipv6: 'string?',
    metadatainstancetags: 'string?',
    /** `v2_only` (tokens required) or `v1_or_v2`. */
    imdsaccessmode: 'string?',
    imdsv1enabled: 'boolean?',
    imdsv2required: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  relationships: {
    reservation: defineRel('MEMBER_OF_EC2_RESERVATION', refOf(EC2Reservation), {
      description: 'the reservation the instance was launched in',
    }),
    subnet: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), { description: 'the subnet of the instance' }),
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a security group of the instance',
    }),
    networkInterfaces: defineRel('NETWORK_INTERFACE', refOf(NetworkInterface), {
      description: 'a network interface attached to the instance',
    }),
    keyPair: defineRel('SSH_LOGIN_TO', refOf(EC2KeyPair), {
      direction: 'in',
      description: 'the key pair that can log in to the instance',
    }),
    instanceProfile: defineRel('INSTANCE_PROFILE', refOf(AWSInstanceProfile), {
      description: 'the IAM instance profile of the instance (linked once the account IAM is synced)',
    }),
  },
  description: 'An EC2 instance (EC2 DescribeInstances).',
});
