import { readFileSync } from 'node:fs';
import type { AnyNodeSchema } from '@skygraph/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CARTOGRAPHY_VERSION,
  loadCartographyModels,
} from '../../../../tools/cartography/cartography-models.ts';
import {
  compareWithCartography,
  type TypeDifferences,
} from '../../../../tools/cartography/compare-schemas.ts';
import { SKYGRAPH_ONLY_TYPES } from '../../../../tools/cartography/skygraph-only-types.ts';
import { awsSchemas, gcpSchemas, gsuiteSchemas } from './schema-graph.ts';

/**
 * Properties and relationships of every type skygraph writes, against
 * Cartography's models read from its pinned package (tools/cartography).
 * Every difference is listed below with its reason, and the list is exact:
 * a difference not listed fails, and so does a listed one that is gone.
 *
 * - `additive`: what skygraph writes beyond Cartography's model (it never
 *   changes what a Cartography query finds). Each is named in
 *   docs/migrating-from-cartography.md.
 * - `notCollected`: what Cartography writes for a type skygraph collects but
 *   skygraph does not (yet) write, with the issue that adds it or the reason.
 */
interface Listed {
  additive?: { properties?: Record<string, string>; edges?: Record<string, string> };
  notCollected?: { properties?: Record<string, string>; edges?: Record<string, string> };
}

const EXPOSURE = 'the exposure analysis also writes the ports and the kind of exposure';
const REGION = 'regional nodes carry their region, as most Cartography types do';
const PASSWORD_POLICY =
  'the account password policy (GetAccountPasswordPolicy), which Cartography does not collect';
const ROOT_CREDENTIALS = "the root user's row of the IAM credential report";
const USER_CREDENTIALS = "the user's row of the IAM credential report";
const DATETIME = 'a Neo4j datetime copy of the ISO string skygraph stores in the property without `_dt`';
const GCP_LABELS = 'labels of instances and clusters: GCP coverage issue (labels on every labelled resource)';
const ENCRYPTED_BY =
  'the KMS key that encrypts a bucket or database: follow-up of issue 17 (KMS), the keys are written';
// Types Cartography has no model of (SKYGRAPH_ONLY_TYPES) have nothing to compare; their edges
// to Cartography's types are listed below as additive.
const TRAIL_STATUS = 'CloudTrail GetTrailStatus, which Cartography does not call';
const TRAIL_KEY = 'the KMS key that encrypts a trail (Cartography keeps kms_key_id only)';
const EKS_NODEGROUPS = 'EKS managed node groups: a skygraph type (Cartography has no model of them)';
const EKS_SECRETS_KEY = 'the KMS key that envelope-encrypts a cluster’s Kubernetes secrets';
const EKS_MEMBERS = 'instances of EKS node groups (from their cluster tag): AWS coverage issue';
const EKS_CA_EXTENSIONS =
  'X.509 key identifier extensions: Node’s X509Certificate does not expose them (always unset)';
const LAMBDA_IMAGE =
  'container image functions (GetFunction per image function): follow-up with ECR (issue 17 item 10)';
const LAMBDA_VPC =
  'the subnets and security groups of a function’s VPC config (Cartography keeps no link to them)';
const IMDS = 'the instance metadata options (MetadataOptions) instances launch with';
const ASG_EXPOSURE =
  'the exposure analysis does not cover Auto Scaling groups yet (their instances carry it)';
const CONFIG_STATUS = 'Config DescribeConfigurationRecorderStatus, which Cartography does not call';
const EBS_DEFAULT_ENCRYPTION = 'EBS encryption by default per account and region: a skygraph type';
const SHARED_WITH =
  'the other accounts the snapshot or image is shared with (createVolumePermission, launchPermission, restore)';
const IAM_TAGS = 'IAM role and user tags (ListRoleTags/ListUserTags per principal): AWS coverage issue';
const ORG_POLICIES = 'Organizations SCPs and RCPs: a skygraph type (Cartography has no model of them)';
const ACCOUNT_ASSIGNMENTS = "the principal's account assignments, from which the analysis derives ALLOWED_BY";
const SAML_ASSUMPTIONS = 'SAML role assumptions seen in CloudTrail: AWS coverage issue';
const GUARDDUTY_COVERAGE =
  'GuardDuty coverage per account-region: a skygraph type (Cartography has no model of it)';

const ECR_POLICY = 'the repository policy analysis (GetRepositoryPolicy), as KMS key policies are analysed';
const ECR_SCAN = "the image's basic scan summary (DescribeImages imageScanFindingsSummary)";
const ECR_MANIFESTS =
  'manifest lists, attestations, provenance and layers (ecr_image_layers): skygraph writes single images only';
const ECS_NETWORK = "the service's awsvpc network configuration and target groups (DescribeServices)";
const ECS_EXPOSURE = 'the ECS exposure analysis (AWS_ECS_ASSET_EXPOSURE): follow-up of issue 17';

const DYNAMODB_SUMMARY =
  "DescribeTable's billing, encryption and stream summaries and DescribeContinuousBackups, as properties of the table (Cartography writes billing, SSE and stream summary nodes)";
const DYNAMODB_KEY =
  "the KMS key that encrypts a table, directly (Cartography goes through an AWSDynamoDBSSEDescription node's USES_KMS_KEY)";

const S3_NOTIFICATIONS =
  'bucket event notifications (GetBucketNotificationConfiguration): AWS coverage issue';
const MESSAGING_POLICY = 'the queue or topic policy analysis, as KMS key policies are analysed';

const LISTED: Record<string, Listed> = {
  AWSSQSQueue: {
    additive: {
      properties: {
        anonymous_access: MESSAGING_POLICY,
        anonymous_actions: MESSAGING_POLICY,
        cross_account_principals: MESSAGING_POLICY,
        sqs_managed_sse_enabled: 'GetQueueAttributes SqsManagedSseEnabled (SSE-SQS)',
      },
    },
  },
  AWSSNSTopic: {
    additive: {
      properties: {
        anonymous_access: MESSAGING_POLICY,
        anonymous_actions: MESSAGING_POLICY,
        cross_account_principals: MESSAGING_POLICY,
        policy: 'GetTopicAttributes Policy, the topic policy as JSON',
      },
    },
    notCollected: { edges: { 'AWSS3Bucket-[NOTIFIES]->AWSSNSTopic': S3_NOTIFICATIONS } },
  },
  AWSSNSTopicSubscription: { additive: { properties: { region: REGION } } },
  AWSSSMParameter: {
    additive: {
      properties: { secret_like_name: 'the name looks like a credential (password, secret, token, key)' },
    },
    notCollected: {
      properties: {
        value: 'skygraph never reads a parameter value (no GetParameter; DescribeParameters has none)',
      },
    },
  },
  AWSDynamoDBTable: {
    additive: {
      properties: Object.fromEntries(
        [
          'billing_mode',
          'deletion_protection_enabled',
          'latest_stream_arn',
          'point_in_time_recovery_enabled',
          'sse_kms_key_arn',
          'sse_status',
          'sse_type',
          'stream_enabled',
          'stream_view_type',
        ].map((p) => [p, DYNAMODB_SUMMARY]),
      ),
      edges: { 'AWSDynamoDBTable-[ENCRYPTED_BY]->AWSKMSKey': DYNAMODB_KEY },
    },
  },
  AWSECRRepository: {
    additive: {
      properties: {
        anonymous_access: ECR_POLICY,
        anonymous_actions: ECR_POLICY,
        cross_account_principals: ECR_POLICY,
        has_policy: ECR_POLICY,
        policy: ECR_POLICY,
        encryption_type: 'encryptionConfiguration.encryptionType',
        kms_key: 'encryptionConfiguration.kmsKey',
        image_tag_mutability: 'MUTABLE or IMMUTABLE',
        scan_on_push: 'imageScanningConfiguration.scanOnPush',
      },
    },
  },
  AWSECRRepositoryImage: {
    additive: {
      properties: Object.fromEntries(
        [
          'critical_findings',
          'high_findings',
          'medium_findings',
          'low_findings',
          'scan_completed_at',
          'scan_status',
        ].map((p) => [p, ECR_SCAN]),
      ),
    },
  },
  AWSECRImage: {
    notCollected: {
      properties: Object.fromEntries(
        [
          'architecture',
          'attestation_type',
          'attests_digest',
          'child_image_digests',
          'invocation_run_number',
          'invocation_uri',
          'invocation_workflow',
          'layer_diff_ids',
          'os',
          'source_file',
          'source_revision',
          'source_uri',
          'variant',
        ].map((p) => [p, ECR_MANIFESTS]),
      ),
      edges: {
        'AWSECRImage-[ATTESTS]->AWSECRImage': ECR_MANIFESTS,
        'AWSECRImage-[BUILT_FROM]->AWSECRImage': ECR_MANIFESTS,
        'AWSECRImage-[CONTAINS_IMAGE]->AWSECRImage': ECR_MANIFESTS,
        'AWSLambda-[HAS_IMAGE]->AWSECRImage':
          'container-image Lambda functions: the Lambda collector does not read the image digest',
      },
    },
  },
  AWSECSContainerDefinition: {
    additive: {
      properties: {
        environment_names: 'the names (never the values) of the plain environment variables',
        secret_like_environment_names: 'the plain environment variables whose name looks like a credential',
      },
    },
  },
  AWSECSService: {
    additive: {
      properties: Object.fromEntries(
        ['assign_public_ip', 'security_groups', 'subnets', 'target_group_arns'].map((p) => [p, ECS_NETWORK]),
      ),
    },
  },
  AWSECSContainer: {
    notCollected: {
      properties: {
        architecture: 'the CPU architecture inference of Cartography: follow-up of issue 17',
        architecture_normalized: 'the CPU architecture inference of Cartography: follow-up of issue 17',
        architecture_source: 'the CPU architecture inference of Cartography: follow-up of issue 17',
        exposed_internet: ECS_EXPOSURE,
        exposed_internet_type: ECS_EXPOSURE,
      },
    },
  },
  AWSOrganization: {
    additive: {
      edges: {
        'AWSOrganization-[RESOURCE]->AWSOrganizationalUnit': 'the organisation scope owns its OUs (cleanup)',
        'AWSOrganization-[RESOURCE]->AWSOrganizationPolicy': ORG_POLICIES,
        'AWSOrganization-[RESOURCE]->AWSOrganizationPolicyStatement': ORG_POLICIES,
      },
    },
  },
  AWSOrganizationRoot: {
    additive: { edges: { 'AWSOrganizationPolicy-[ATTACHED_TO]->AWSOrganizationRoot': ORG_POLICIES } },
  },
  AWSOrganizationalUnit: {
    additive: {
      edges: {
        'AWSOrganization-[RESOURCE]->AWSOrganizationalUnit': 'the organisation scope owns its OUs (cleanup)',
        'AWSOrganizationPolicy-[ATTACHED_TO]->AWSOrganizationalUnit': ORG_POLICIES,
      },
    },
  },
  AWSAccount: {
    additive: {
      properties: Object.fromEntries([
        ...[
          'password_allow_users_to_change',
          'password_expire_passwords',
          'password_hard_expiry',
          'password_max_age_days',
          'password_min_length',
          'password_policy_present',
          'password_require_lowercase',
          'password_require_numbers',
          'password_require_symbols',
          'password_require_uppercase',
          'password_reuse_prevention',
        ].map((p) => [p, PASSWORD_POLICY]),
        ...[
          'root_access_key_1_active',
          'root_access_key_1_last_rotated',
          'root_access_key_1_last_used_date',
          'root_access_key_2_active',
          'root_access_key_2_last_rotated',
          'root_access_key_2_last_used_date',
          'root_mfa_active',
          'root_password_last_used',
        ].map((p) => [p, ROOT_CREDENTIALS]),
      ]),
      edges: {
        'AWSAccount-[RESOURCE]->AWSManagedPolicy':
          'the account scope owns the managed policies its principals use (cleanup)',
        'AWSAccount-[RESOURCE]->AWSPolicyStatement':
          'the account scope owns policy statements (cleanup); STATEMENT is written too',
        'AWSOrganizationPolicy-[ATTACHED_TO]->AWSAccount': ORG_POLICIES,
        'AWSAccount-[RESOURCE]->AWSGuardDutyRegionStatus': GUARDDUTY_COVERAGE,
        'AWSAccount-[RESOURCE]->AWSEKSNodegroup': EKS_NODEGROUPS,
        'AWSAccount-[RESOURCE]->AWSEBSDefaultEncryption': EBS_DEFAULT_ENCRYPTION,
      },
    },
  },
  AWSPermissionSet: {
    additive: {
      properties: {
        grants_admin: 'AdministratorAccess attached or an inline policy allowing everything',
        inline_policy: 'GetInlinePolicyForPermissionSet',
        inline_policy_allows_all: 'the inline policy allows * on * without a condition',
        managed_policy_arns: 'ListManagedPoliciesInPermissionSet',
      },
    },
  },
  AWSSSOGroup: { additive: { properties: { account_assignments: ACCOUNT_ASSIGNMENTS } } },
  AWSSSOUser: {
    additive: { properties: { account_assignments: ACCOUNT_ASSIGNMENTS } },
    notCollected: { edges: { 'AWSSSOUser-[ASSUMED_ROLE_WITH_SAML]->AWSRole': SAML_ASSUMPTIONS } },
  },
  AWSGuardDutyDetector: {
    additive: { properties: { enabled_features: 'the protection plans GetDetector reports ENABLED' } },
  },
  AWSEC2SecurityGroup: {
    additive: {
      properties: { vpcid: 'the VPC id, beside the MEMBER_OF_EC2_SECURITY_GROUP edge' },
      edges: {
        'AWSRDSCluster-[MEMBER_OF_EC2_SECURITY_GROUP]->AWSEC2SecurityGroup':
          'the VPC security groups of an Aurora cluster',
        'AWSLambda-[MEMBER_OF_EC2_SECURITY_GROUP]->AWSEC2SecurityGroup': LAMBDA_VPC,
      },
    },
  },
  AWSEC2Subnet: {
    additive: {
      edges: {
        'AWSLambda-[PART_OF_SUBNET]->AWSEC2Subnet': LAMBDA_VPC,
        'AWSEKSNodegroup-[PART_OF_SUBNET]->AWSEC2Subnet': EKS_NODEGROUPS,
      },
    },
  },
  AWSIpPermissionInbound: {
    additive: { properties: { isegress: 'false on inbound rules', region: REGION } },
  },
  AWSIpRule: {
    additive: { properties: { isegress: 'true on outbound rules', region: REGION } },
  },
  AWSEC2KeyPair: {
    additive: {
      properties: {
        createtime: 'DescribeKeyPairs CreateTime',
        keypairid: 'DescribeKeyPairs KeyPairId',
        keytype: 'rsa or ed25519',
        user_uploaded: 'imported rather than created by AWS',
      },
    },
  },
  AWSNetworkInterface: {
    additive: { properties: { instance_id: 'the attached instance', vpc_id: 'the VPC of the interface' } },
  },
  AWSEC2Instance: {
    additive: {
      properties: {
        exposed_internet_ports: EXPOSURE,
        keyname: 'the key pair name',
        privatednsname: 'the private DNS name',
        subnetid: 'the subnet id, beside PART_OF_SUBNET',
        vpcid: 'the VPC id',
      },
    },
    notCollected: { edges: { 'AWSEC2Instance-[MEMBER_OF_EKS_CLUSTER]->AWSEKSCluster': EKS_MEMBERS } },
  },
  AWSEBSVolume: { additive: { properties: { throughput: 'gp3 throughput (MiB/s)' } } },
  AWSPeeringConnection: {
    additive: {
      properties: Object.fromEntries(
        [
          'accepter_cidr_block',
          'accepter_owner_id',
          'accepter_vpc_id',
          'requester_cidr_block',
          'requester_owner_id',
          'requester_vpc_id',
        ]
          .map((p) => [p, 'both sides of the peering, also when the other VPC is not synced'])
          .concat([['region', REGION]]),
      ),
    },
  },
  AWSLoadBalancer: {
    additive: {
      properties: { exposed_internet_ports: EXPOSURE, exposed_internet_type: EXPOSURE, vpcid: 'the VPC id' },
    },
  },
  AWSELBListener: {
    additive: {
      properties: { region: REGION, ssl_certificate_id: 'the certificate of an HTTPS/SSL listener' },
    },
  },
  AWSLoadBalancerV2: {
    additive: {
      properties: {
        exposed_internet_ports: EXPOSURE,
        exposed_internet_type: EXPOSURE,
        ipaddresstype: 'ipv4 or dualstack',
        state: 'the load balancer state',
        vpcid: 'the VPC id',
      },
    },
    notCollected: {
      edges: {
        'AWSLoadBalancerV2-[EXPOSE]->AWSLoadBalancerV2':
          'network load balancers targeting an application load balancer: AWS coverage issue',
        'AWSLoadBalancerV2-[EXPOSE]->AWSLambda':
          'load balancers targeting Lambda functions: AWS coverage issue',
      },
    },
  },
  AWSELBV2Listener: {
    additive: { properties: { arn: 'the listener ARN', region: REGION } },
    notCollected: {
      properties: Object.fromEntries(
        [
          'advertise_trust_store_ca_names',
          'ignore_client_certificate_expiry',
          'mutual_authentication_mode',
          'trust_store_arn',
          'trust_store_association_status',
        ].map((p) => [p, 'mutual TLS settings of a listener: AWS coverage issue']),
      ),
    },
  },
  AWSDBSubnetGroup: { additive: { properties: { arn: 'the subnet group ARN' } } },
  AWSRDSCluster: {
    additive: {
      properties: {
        db_subnet_group: 'the subnet group name',
        iam_database_authentication_enabled: 'IAM authentication on',
        publicly_accessible: 'whether the cluster endpoint is public',
      },
      edges: {
        'AWSRDSCluster-[MEMBER_OF_EC2_SECURITY_GROUP]->AWSEC2SecurityGroup':
          'the VPC security groups of an Aurora cluster',
      },
    },
    notCollected: {
      properties: Object.fromEntries(
        [
          'allocated_storage',
          'backtrack_consumed_change_records',
          'backtrack_window',
          'capacity',
          'character_set_name',
          'clone_group_id',
          'db_parameter_group',
          'earliest_backtrack_time',
          'earliest_restorable_time',
          'latest_restorable_time',
          'preferred_backup_window',
          'preferred_maintenance_window',
          'scaling_configuration_info_auto_pause',
          'scaling_configuration_info_max_capacity',
          'scaling_configuration_info_min_capacity',
        ].map((p) => [p, 'operational cluster settings with no security question behind them yet']),
      ),
    },
  },
  AWSRDSInstance: {
    additive: {
      properties: {
        allocated_storage: 'storage size (GiB)',
        db_instance_port: 'the listening port',
        db_instance_status: 'the instance status',
        exposed_internet: 'the exposure analysis (publicly accessible and reachable)',
        exposed_internet_ports: EXPOSURE,
        exposed_internet_type: EXPOSURE,
        read_replica_source_db_instance_identifier: 'the source of a read replica',
        storage_type: 'gp3, io2, ...',
      },
    },
    notCollected: {
      properties: {
        latest_restorable_time: 'operational setting',
        performance_insights_kms_key_id: 'operational setting',
      },
      edges: { 'AWSRDSInstance-[ENCRYPTED_BY]->AWSKMSKey': ENCRYPTED_BY },
    },
  },
  AWSKMSKey: {
    additive: {
      properties: {
        cross_account_principals: 'the principals of other accounts the key policy allows',
        key_spec: 'DescribeKey KeySpec (customer_master_key_spec is its deprecated twin)',
        multi_region: 'DescribeKey MultiRegion',
        policy: 'the key policy as JSON',
        rotation_enabled: 'GetKeyRotationStatus (the ontology field of the same name)',
      },
      edges: {
        'AWSCloudTrailTrail-[ENCRYPTED_BY]->AWSKMSKey': TRAIL_KEY,
        'AWSDynamoDBTable-[ENCRYPTED_BY]->AWSKMSKey': DYNAMODB_KEY,
        'AWSEKSCluster-[ENCRYPTED_BY]->AWSKMSKey': EKS_SECRETS_KEY,
      },
    },
    notCollected: {
      edges: {
        'AWSRDSInstance-[ENCRYPTED_BY]->AWSKMSKey': ENCRYPTED_BY,
        'AWSS3Bucket-[ENCRYPTED_BY]->AWSKMSKey': ENCRYPTED_BY,
      },
    },
  },
  // SENDS_LOGS_TO_CLOUDWATCH is not compared: skygraph writes no AWSCloudWatchLogGroup (the ARN is kept).
  AWSCloudTrailTrail: {
    additive: {
      properties: {
        is_logging: TRAIL_STATUS,
        latest_cloudwatch_logs_delivery_error: TRAIL_STATUS,
        latest_cloudwatch_logs_delivery_time: TRAIL_STATUS,
        latest_delivery_error: TRAIL_STATUS,
        latest_delivery_time: TRAIL_STATUS,
        latest_digest_delivery_time: TRAIL_STATUS,
        logs_all_management_events: 'whether a selector records every management event, read and write',
        start_logging_time: TRAIL_STATUS,
        stop_logging_time: TRAIL_STATUS,
      },
      edges: { 'AWSCloudTrailTrail-[ENCRYPTED_BY]->AWSKMSKey': TRAIL_KEY },
    },
  },
  AWSKMSGrant: {
    additive: { properties: { region: 'grants are collected per region; the region scopes their cleanup' } },
  },
  AWSLambda: {
    additive: {
      properties: {
        cross_account_principals: 'the principals of other accounts the resource policy allows',
        exposed_internet: 'the Lambda exposure analysis: anyone may invoke the function',
        exposed_internet_type:
          'the Lambda exposure analysis: through a public function URL and/or the resource policy',
        function_url: 'the function URL (ListFunctionUrlConfigs), which Cartography does not collect',
        function_url_auth_type: 'the function URL auth type (NONE is public)',
        policy: 'the resource policy as JSON (GetPolicy)',
        role: 'the execution role ARN, beside the ASSUMES and STS_ASSUMEROLE_ALLOW edges',
        vpc_id: 'the VPC of the function’s VPC config',
      },
      edges: {
        'AWSLambda-[MEMBER_OF_EC2_SECURITY_GROUP]->AWSEC2SecurityGroup': LAMBDA_VPC,
        'AWSLambda-[PART_OF_SUBNET]->AWSEC2Subnet': LAMBDA_VPC,
      },
    },
    notCollected: {
      properties: {
        ...Object.fromEntries(
          [
            'state',
            'statereason',
            'statereasoncode',
            'lastupdatestatus',
            'lastupdatestatusreason',
            'lastupdatestatusreasoncode',
          ].map((p) => [
            p,
            'ListFunctions does not return the state fields (GetFunction does): Cartography leaves them unset too',
          ]),
        ),
        image_uri: LAMBDA_IMAGE,
        image_digest: LAMBDA_IMAGE,
      },
      edges: {
        'AWSLoadBalancerV2-[EXPOSE]->AWSLambda':
          'load balancers targeting Lambda functions: AWS coverage issue',
        'AWSLambda-[HAS_IMAGE]->AWSECRImage': LAMBDA_IMAGE,
      },
    },
  },
  AWSLambdaLayer: { additive: { properties: { region: REGION } } },
  AWSEKSCluster: {
    additive: {
      properties: {
        endpoint_private_access: 'DescribeCluster resourcesVpcConfig.endpointPrivateAccess',
        logging_types: 'the enabled control plane log types (Cartography keeps audit_logging only)',
        public_access_cidrs: 'the CIDRs the public endpoint admits (0.0.0.0/0 is everyone)',
        secrets_encryption_key_arn: 'the KMS key of the secrets envelope encryption (encryptionConfig)',
        vpc_id: 'the VPC of the cluster',
      },
      edges: {
        'AWSEKSCluster-[ENCRYPTED_BY]->AWSKMSKey': EKS_SECRETS_KEY,
        'AWSEKSCluster-[HAS_NODEGROUP]->AWSEKSNodegroup': EKS_NODEGROUPS,
      },
    },
    notCollected: {
      properties: {
        certificate_authority_subject_key_identifier: EKS_CA_EXTENSIONS,
        certificate_authority_authority_key_identifier: EKS_CA_EXTENSIONS,
      },
      edges: { 'AWSEC2Instance-[MEMBER_OF_EKS_CLUSTER]->AWSEKSCluster': EKS_MEMBERS },
    },
  },
  AWSEKSAccessEntry: { additive: { properties: { region: REGION } } },
  AWSLambdaFunctionAlias: { additive: { properties: { region: REGION } } },
  AWSSecretsManagerSecret: {
    additive: {
      properties: {
        anonymous_access: 'the resource policy allows everyone without a condition (as on keys and buckets)',
        anonymous_actions: 'the actions the resource policy allows everyone',
        cross_account_principals: 'the principals of other accounts the resource policy allows',
        next_rotation_date: 'ListSecrets NextRotationDate',
        policy: 'the resource policy as JSON (GetResourcePolicy)',
      },
    },
  },
  AWSEBSSnapshot: { additive: { properties: { shared_with_accounts: SHARED_WITH } } },
  AWSLaunchTemplateVersion: {
    additive: {
      properties: {
        associate_public_ip_address: 'a network interface of the template asks for a public IP',
        metadatahttpendpoint: IMDS,
        metadatahttpputresponsehoplimit: IMDS,
        metadatahttptokens: IMDS,
      },
    },
  },
  AWSLaunchConfiguration: {
    additive: {
      properties: {
        created_time: 'DescribeLaunchConfigurations CreatedTime',
        metadatahttpendpoint: IMDS,
        metadatahttpputresponsehoplimit: IMDS,
        metadatahttptokens: IMDS,
      },
    },
  },
  AWSConfigurationRecorder: {
    additive: {
      properties: {
        last_start_time: CONFIG_STATUS,
        last_status: CONFIG_STATUS,
        last_stop_time: CONFIG_STATUS,
        recording: CONFIG_STATUS,
      },
    },
  },
  AWSAutoScalingGroup: {
    notCollected: {
      properties: {
        exposed_internet: ASG_EXPOSURE,
        exposed_internet_type: ASG_EXPOSURE,
      },
    },
  },
  AWSEC2Image: { additive: { properties: { shared_with_accounts: SHARED_WITH } } },
  AWSRDSSnapshot: { additive: { properties: { shared_with_accounts: SHARED_WITH } } },
  AWSSecretsManagerSecretVersion: {
    notCollected: {
      properties: { tags: 'ListSecretVersionIds returns no tags: Cartography leaves the property unset too' },
    },
  },
  AWSUser: {
    additive: {
      properties: Object.fromEntries(
        ['mfa_active', 'password_enabled', 'password_last_changed', 'password_next_rotation'].map((p) => [
          p,
          USER_CREDENTIALS,
        ]),
      ),
    },
    notCollected: {
      properties: { createdate_dt: DATETIME, passwordlastused_dt: DATETIME },
      edges: { 'AWSUser-[TAGGED]->AWSTag': IAM_TAGS },
    },
  },
  AWSGroup: { notCollected: { properties: { createdate_dt: DATETIME } } },
  AWSRole: {
    additive: {
      properties: {
        trust_policy: 'the trust policy document as JSON',
        trusted_aws_principals: 'the AWS principals the trust policy names',
      },
    },
    notCollected: {
      properties: { createdate_dt: DATETIME },
      edges: {
        'AWSPrincipal-[ASSUMED_ROLE]->AWSRole': 'role assumptions seen in CloudTrail: AWS coverage issue',
        'AWSSSOUser-[ASSUMED_ROLE_WITH_SAML]->AWSRole': SAML_ASSUMPTIONS,
        'AWSRole-[TAGGED]->AWSTag': IAM_TAGS,
      },
    },
  },
  AWSInlinePolicy: {
    additive: { properties: { principal_arn: 'the principal embedding the policy' } },
    notCollected: { properties: { arn: 'always null on inline policies in Cartography' } },
  },
  AWSManagedPolicy: {
    additive: {
      properties: {
        aws_managed: 'AWS managed rather than customer managed',
        createdate: 'GetAccountAuthorizationDetails CreateDate',
        default_version_id: 'the default version',
        description: 'the description',
        isattachable: 'whether it can be attached',
        path: 'the IAM path',
        policyid: 'the policy id',
        updatedate: 'UpdateDate',
      },
      edges: {
        'AWSAccount-[RESOURCE]->AWSManagedPolicy':
          'the account scope owns the managed policies its principals use (cleanup)',
      },
    },
  },
  AWSPolicyStatement: {
    additive: {
      edges: {
        'AWSAccount-[RESOURCE]->AWSPolicyStatement':
          'the account scope owns policy statements (cleanup); STATEMENT is written too',
      },
    },
  },
  AWSAccountAccessKey: {
    notCollected: { properties: { createdate_dt: DATETIME, lastuseddate_dt: DATETIME } },
  },
  AWSMfaDevice: { notCollected: { properties: { enabledate_dt: DATETIME } } },
  AWSS3Bucket: {
    additive: { properties: { policy: 'the bucket policy as JSON' } },
    notCollected: {
      properties: {
        logging_enabled: 'GetBucketLogging: AWS coverage issue',
        logging_target_bucket: 'GetBucketLogging: AWS coverage issue',
        object_ownership: 'GetBucketOwnershipControls: AWS coverage issue',
      },
      edges: {
        'AWSS3Bucket-[ENCRYPTED_BY]->AWSKMSKey': ENCRYPTED_BY,
        'AWSS3Bucket-[NOTIFIES]->AWSSNSTopic': S3_NOTIFICATIONS,
      },
    },
  },
  AWSDNSRecord: {
    additive: {
      properties: {
        dangling: 'the dangling-DNS analysis: an AWS target no resource of the graph owns',
        points_to_aws: 'the dangling-DNS analysis: the target is an AWS address or host name',
      },
    },
  },
  AWSTag: {
    notCollected: {
      edges: { 'AWSRole-[TAGGED]->AWSTag': IAM_TAGS, 'AWSUser-[TAGGED]->AWSTag': IAM_TAGS },
    },
  },
  GCPOrganization: {
    additive: { properties: { directory_customer_id: 'the Workspace customer of the organisation' } },
  },
  GCPProject: {
    additive: { properties: { projectid: 'the project id beside the id' } },
    notCollected: { properties: { compute_project_enable_oslogin: 'project metadata: GCP coverage issue' } },
  },
  GCPInstance: {
    additive: {
      properties: {
        deletion_protection: 'deletion protection on',
        enable_secure_boot: 'Shielded VM secure boot',
        network_tags: 'the network tags, beside the TAGGED edges',
        partial_uri: 'the partial URI Cartography keys instances by',
      },
      edges: {
        'GCPFirewall-[FIREWALL_INGRESS]->GCPInstance':
          'Cartography writes it too, from an analysis job (no model): gcp_compute_instance_vpc_ingress_firewalls',
        'GCPInstance-[MEMBER_OF_GCP_VPC]->GCPVpc':
          'an older Cartography edge community queries still use (gcp_vm_vpc)',
      },
    },
    notCollected: {
      properties: Object.fromEntries(
        [
          'block_project_ssh_keys',
          'enable_confidential_compute',
          'enable_oslogin_metadata',
          'serial_port_enable',
        ].map((p) => [p, 'instance metadata flags: GCP coverage issue']),
      ),
      edges: { 'GCPInstance-[LABELED]->GCPLabel': GCP_LABELS, 'GCPInstance-[TAGGED]->GCPLabel': GCP_LABELS },
    },
  },
  GCPNetworkInterface: {
    additive: {
      properties: {
        nic_id: 'the interface name',
        subnet_partial_uri: 'the subnet partial URI',
        vpc_partial_uri: 'the VPC partial URI',
      },
    },
  },
  GCPNicAccessConfig: { additive: { properties: { partial_uri: 'the partial URI of the access config' } } },
  GCPVpc: {
    additive: {
      properties: { mtu: 'the network MTU' },
      edges: {
        'GCPInstance-[MEMBER_OF_GCP_VPC]->GCPVpc':
          'an older Cartography edge community queries still use (gcp_vm_vpc)',
      },
    },
  },
  GCPSubnet: {
    additive: { properties: { secondary_ip_ranges: 'the secondary ranges (GKE pods and services)' } },
    notCollected: { properties: { flow_logs_filter_expr: 'flow log settings: GCP coverage issue' } },
  },
  GCPFirewall: {
    additive: {
      properties: {
        description: 'the description',
        log_config_enabled: 'firewall logging on',
        partial_uri: 'the partial URI',
        source_ranges: 'the source ranges, beside the GCPIpRange nodes',
        source_tags: 'the source tags',
        target_service_accounts: 'the target service accounts',
        target_tags: 'the target tags, beside the TARGET_TAG edges',
        vpc_partial_uri: 'the VPC partial URI',
      },
      edges: {
        'GCPFirewall-[FIREWALL_INGRESS]->GCPInstance':
          'Cartography writes it too, from an analysis job (no model): gcp_compute_instance_vpc_ingress_firewalls',
      },
    },
  },
  GCPIpRule: { additive: { properties: { ruleid: 'the rule id, beside the id' } } },
  GKECluster: {
    additive: {
      properties: {
        basic_auth: 'basic authentication still on',
        current_node_version: 'the node version',
        exposed_internet_type: EXPOSURE,
        issue_client_certificate: 'client certificates issued',
        master_authorized_networks_cidrs: 'the authorised networks',
        project_id: 'the project id',
        release_channel: 'the release channel',
      },
    },
    notCollected: {
      properties: { masterauth_password: 'a secret: skygraph never stores credentials' },
      edges: { 'GKECluster-[LABELED]->GCPLabel': GCP_LABELS, 'GKECluster-[TAGGED]->GCPLabel': GCP_LABELS },
    },
  },
  GCPBucket: {
    additive: {
      properties: {
        iam_config_uniform_bucket_level_access: 'uniform bucket-level access on',
        iam_public_members: 'the public members the IAM policy names',
        iam_public_roles: 'the roles granted to them',
        public_access: 'public through IAM or ACLs, unless public access prevention is enforced',
      },
    },
  },
  GCPLabel: {
    additive: { properties: { bucket_id: 'the labelled bucket' } },
    notCollected: {
      edges: {
        'GCPInstance-[LABELED]->GCPLabel': GCP_LABELS,
        'GCPInstance-[TAGGED]->GCPLabel': GCP_LABELS,
        'GKECluster-[LABELED]->GCPLabel': GCP_LABELS,
        'GKECluster-[TAGGED]->GCPLabel': GCP_LABELS,
      },
    },
  },
  GSuiteUser: {
    additive: { properties: { aliases: 'the e-mail aliases', suspension_reason: 'why a user is suspended' } },
  },
  GSuiteGroup: {
    additive: {
      properties: { aliases: 'the e-mail aliases', members_error: 'why the members could not be listed' },
    },
  },
};

const written = [...awsSchemas, ...gcpSchemas, ...gsuiteSchemas].filter(
  (schema) => !('aliasOf' in schema),
) as unknown as AnyNodeSchema[];

let differences: Map<string, TypeDifferences>;
let missing: string[];
beforeAll(() => {
  const compared = compareWithCartography(written, loadCartographyModels());
  differences = new Map(compared.types.map((t) => [t.label, t]));
  missing = compared.missing;
}, 300_000);

const keys = (record: Record<string, string> | undefined) => Object.keys(record ?? {}).sort();

describe(`properties and relationships against Cartography ${CARTOGRAPHY_VERSION}`, () => {
  it('models every type skygraph writes but the listed skygraph-only ones', () => {
    expect(missing).toEqual(Object.keys(SKYGRAPH_ONLY_TYPES));
  });

  for (const schema of written.filter((s) => !(s.label in SKYGRAPH_ONLY_TYPES))) {
    it(`${schema.label}: Cartography's property names and relationships, differences listed`, () => {
      const diff = differences.get(schema.label);
      const listed = LISTED[schema.label] ?? {};
      expect(diff?.onlySkygraphProperties, 'properties only skygraph writes').toEqual(
        keys(listed.additive?.properties),
      );
      expect(diff?.onlySkygraphEdges, 'relationships only skygraph writes').toEqual(
        keys(listed.additive?.edges),
      );
      expect(diff?.onlyCartographyProperties, 'properties only Cartography writes').toEqual(
        keys(listed.notCollected?.properties),
      );
      expect(diff?.onlyCartographyEdges, 'relationships only Cartography writes').toEqual(
        keys(listed.notCollected?.edges),
      );
    });
  }

  it('lists only types skygraph writes', () => {
    expect(Object.keys(LISTED).filter((label) => !differences.has(label))).toEqual([]);
  });

  it('names every addition in docs/migrating-from-cartography.md', () => {
    const doc = readFileSync(
      new URL('../../../../docs/migrating-from-cartography.md', import.meta.url),
      'utf8',
    );
    const unnamed: string[] = [];
    for (const label of Object.keys(SKYGRAPH_ONLY_TYPES))
      if (!doc.includes(`\`${label}\``)) unnamed.push(label);
    for (const [label, listed] of Object.entries(LISTED)) {
      for (const property of keys(listed.additive?.properties))
        if (!new RegExp(`${label}\\b[^\\n]*\`${property}\``).test(doc)) unnamed.push(`${label}.${property}`);
      for (const edge of keys(listed.additive?.edges)) if (!doc.includes(`\`${edge}\``)) unnamed.push(edge);
    }
    expect(unnamed).toEqual([]);
  });
});
