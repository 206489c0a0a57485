import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EC2Instance } from './instance.ts';
import { AWSAccount } from './organization.ts';
import { EC2Subnet } from './subnet.ts';

/**
 * What instances launched from a template version or launch configuration
 * get, beyond Cartography's properties: the instance metadata options and
 * whether the primary interface gets a public IP.
 */
const LAUNCH_SETTINGS = {
  /** MetadataOptions.HttpTokens: `optional` allows IMDSv1, `required` IMDSv2 only; unset when not specified. */
  metadatahttptokens: 'string?',
  /** MetadataOptions.HttpEndpoint (`enabled` / `disabled`). */
  metadatahttpendpoint: 'string?',
  metadatahttpputresponsehoplimit: 'number?',
} as const;

/** An EC2 launch template, keyed by its id (`lt-...`). */
export const LaunchTemplate = defineNode({
  label: 'AWSLaunchTemplate',
  legacyLabels: ['LaunchTemplate'],
  key: 'id',
  properties: {
    id: 'string',
    launch_template_id: 'string',
    name: 'string?',
    /** Seconds since the epoch, as a string (as Cartography writes it). */
    create_time: 'string?',
    created_by: 'string?',
    default_version_number: 'number?',
    latest_version_number: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An EC2 launch template (EC2 DescribeLaunchTemplates).',
});

/** A version of a launch template, keyed `<template id>-<version number>` as Cartography keys it. */
export const LaunchTemplateVersion = defineNode({
  label: 'AWSLaunchTemplateVersion',
  legacyLabels: ['LaunchTemplateVersion'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string?',
    /** Seconds since the epoch, as a string (as Cartography writes it). */
    create_time: 'string?',
    created_by: 'string?',
    default_version: 'boolean?',
    version_number: 'number?',
    version_description: 'string?',
    kernel_id: 'string?',
    ebs_optimized: 'boolean?',
    iam_instance_profile_arn: 'string?',
    iam_instance_profile_name: 'string?',
    image_id: 'string?',
    instance_type: 'string?',
    key_name: 'string?',
    monitoring_enabled: 'boolean?',
    ramdisk_id: 'string?',
    disable_api_termination: 'boolean?',
    instance_initiated_shutdown_behavior: 'string?',
    security_group_ids: 'string[]?',
    security_groups: 'string[]?',
    ...LAUNCH_SETTINGS,
    /** A network interface of the template sets AssociatePublicIpAddress true. */
    associate_public_ip_address: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    template: defineRel('VERSION', refOf(LaunchTemplate), {
      direction: 'in',
      description: 'the template the version belongs to points at it',
    }),
  },
  description:
    'A launch template version with its IMDS and public IP settings (EC2 DescribeLaunchTemplateVersions).',
});

/** An Auto Scaling launch configuration, keyed by its ARN. */
export const LaunchConfiguration = defineNode({
  label: 'AWSLaunchConfiguration',
  legacyLabels: ['LaunchConfiguration'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    created_time: 'string?',
    image_id: 'string?',
    key_name: 'string?',
    security_groups: 'string[]?',
    instance_type: 'string?',
    kernel_id: 'string?',
    ramdisk_id: 'string?',
    instance_monitoring_enabled: 'boolean?',
    spot_price: 'string?',
    iam_instance_profile: 'string?',
    ebs_optimized: 'boolean?',
    associate_public_ip_address: 'boolean?',
    placement_tenancy: 'string?',
    ...LAUNCH_SETTINGS,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An Auto Scaling launch configuration (Auto Scaling DescribeLaunchConfigurations).',
});

/** An Auto Scaling group, keyed by its ARN. */
export const AutoScalingGroup = defineNode({
  label: 'AWSAutoScalingGroup',
  legacyLabels: ['AutoScalingGroup'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    capacityrebalance: 'boolean?',
    createdtime: 'string?',
    defaultcooldown: 'number?',
    desiredcapacity: 'number?',
    healthcheckgraceperiod: 'number?',
    healthchecktype: 'string?',
    launchconfigurationname: 'string?',
    launchtemplatename: 'string?',
    launchtemplateid: 'string?',
    launchtemplateversion: 'string?',
    maxinstancelifetime: 'number?',
    maxsize: 'number?',
    minsize: 'number?',
    newinstancesprotectedfromscalein: 'boolean?',
    status: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    launchTemplate: defineRel('HAS_LAUNCH_TEMPLATE', refOf(LaunchTemplate), {
      description: 'the launch template the group launches from',
    }),
    launchConfiguration: defineRel('HAS_LAUNCH_CONFIG', refOf(LaunchConfiguration), {
      description:
        'the launch configuration the group launches from (by ARN, in the same account and region)',
    }),
    instances: defineRel('MEMBER_AUTO_SCALE_GROUP', refOf(EC2Instance), {
      direction: 'in',
      description: 'an instance of the group points at it',
    }),
    subnets: defineRel('VPC_IDENTIFIER', refOf(EC2Subnet), {
      description: 'a subnet the group launches into (VPCZoneIdentifier)',
    }),
  },
  description:
    'An Auto Scaling group with its instances, subnets and launch template or configuration (Auto Scaling DescribeAutoScalingGroups).',
});
