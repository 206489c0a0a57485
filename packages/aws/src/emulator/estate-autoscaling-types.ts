import type { AwsTag } from './estate-types.ts';

// ---------------------------------------------------------------- Launch templates (EC2)

/** The instance metadata options of a launch template version or launch configuration. */
export interface AwsMetadataOptions {
  /** `optional` lets instances use IMDSv1; `required` allows IMDSv2 only. */
  httpTokens: 'optional' | 'required';
  httpEndpoint: 'enabled' | 'disabled';
  httpPutResponseHopLimit: number;
}

export interface AwsLaunchTemplateVersion {
  versionNumber: number;
  versionDescription?: string;
  createTime: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  iamInstanceProfileArn?: string;
  securityGroupIds: string[];
  /** The primary network interface's AssociatePublicIpAddress; undefined when the template has no interface. */
  associatePublicIpAddress?: boolean;
  /** Undefined when the template leaves the metadata options to the AMI and account defaults. */
  metadataOptions?: AwsMetadataOptions;
}

export interface AwsLaunchTemplate {
  launchTemplateId: string;
  launchTemplateName: string;
  createTime: string;
  /** The ARN of the principal that created it. */
  createdBy: string;
  defaultVersionNumber: number;
  /** Versions in ascending order; the last is the latest. */
  versions: AwsLaunchTemplateVersion[];
  tags: AwsTag[];
}

// ---------------------------------------------------------------- Auto Scaling

export interface AwsLaunchConfiguration {
  name: string;
  arn: string;
  createdTime: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  securityGroups: string[];
  iamInstanceProfile?: string;
  /** Undefined: the subnet's default decides. */
  associatePublicIpAddress?: boolean;
  metadataOptions?: AwsMetadataOptions;
}

export interface AwsAutoScalingGroup {
  name: string;
  arn: string;
  /** A launch template (by id and version: a number, `$Latest` or `$Default`) or a launch configuration. */
  launchTemplate?: { id: string; name: string; version: string };
  launchConfigurationName?: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  availabilityZones: string[];
  subnetIds: string[];
  healthCheckType: 'EC2' | 'ELB';
  healthCheckGracePeriod: number;
  createdTime: string;
  instanceIds: string[];
  newInstancesProtectedFromScaleIn: boolean;
  capacityRebalance: boolean;
  tags: AwsTag[];
}
