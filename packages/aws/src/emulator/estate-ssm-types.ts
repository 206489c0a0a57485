/** Systems Manager in the estate model (estate-types.ts): field names follow the API members. */
import type { AwsTag } from './estate-types.ts';

/** An EC2 instance whose SSM agent registered with Systems Manager. */
export interface AwsSsmManagedInstance {
  instanceId: string;
  pingStatus: 'Online' | 'ConnectionLost' | 'Inactive';
  lastPingDateTime: string;
  agentVersion: string;
  isLatestVersion: boolean;
  platformType: 'Linux' | 'Windows';
  platformName: string;
  platformVersion: string;
  /** The role of the instance profile the agent uses. */
  iamRole?: string;
  registrationDate: string;
  computerName: string;
  ipAddress: string;
}

/** A Parameter Store parameter's metadata (the emulator holds no values). */
export interface AwsSsmParameter {
  name: string;
  type: 'String' | 'StringList' | 'SecureString';
  /** The KMS key ARN of a SecureString parameter. */
  keyId?: string;
  lastModifiedDate: string;
  lastModifiedUser: string;
  description?: string;
  version: number;
  tier: 'Standard' | 'Advanced';
  dataType: 'text';
  tags: AwsTag[];
}

/** The Systems Manager resources of a region. */
export interface AwsSsmResources {
  ssmManagedInstances: AwsSsmManagedInstance[];
  ssmParameters: AwsSsmParameter[];
}
