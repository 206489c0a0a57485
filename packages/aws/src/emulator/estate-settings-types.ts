// ---------------------------------------------------------------- Regional account settings and AWS Config

export interface AwsConfigRecorder {
  name: string;
  roleArn: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  resourceTypes: string[];
  /** DescribeConfigurationRecorderStatus: whether it records now. */
  recording: boolean;
  lastStartTime: string;
  lastStopTime?: string;
}

export interface AwsConfigDeliveryChannel {
  name: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  s3KmsKeyArn?: string;
  snsTopicArn?: string;
  deliveryFrequency: 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';
}

/** The settings of an account in one region (EC2 account attributes, AWS Config). */
export interface AwsRegionSettings {
  /** EC2 GetEbsEncryptionByDefault. */
  ebsEncryptionByDefault: boolean;
  /** At most one recorder per region, as AWS allows (customer managed). */
  configRecorders: AwsConfigRecorder[];
  configDeliveryChannels: AwsConfigDeliveryChannel[];
}
