import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/** A DB subnet group, keyed by its ARN. */
export const DBSubnetGroup = defineNode({
  label: 'AWSDBSubnetGroup',
  legacyLabels: ['DBSubnetGroup'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    description: 'string?',
    status: 'string?',
    vpc_id: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    subnets: defineRel('RESOURCE', refOf(EC2Subnet), { description: 'a subnet of the group' }),
  },
  description: 'An RDS DB subnet group (RDS DescribeDBSubnetGroups).',
});

/** An RDS (Aurora) DB cluster, keyed by its ARN. */
export const RDSCluster = defineNode({
  label: 'AWSRDSCluster',
  legacyLabels: ['RDSCluster'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    db_cluster_identifier: 'string',
    db_cluster_resource_id: 'string?',
    engine: 'string?',
    engine_version: 'string?',
    engine_mode: 'string?',
    status: 'string?',
    endpoint: 'string?',
    reader_endpoint: 'string?',
    port: 'number?',
    hosted_zone_id: 'string?',
    master_username: 'string?',
    database_name: 'string?',
    db_subnet_group: 'string?',
    availability_zones: 'string[]?',
    multi_az: 'boolean?',
    storage_encrypted: 'boolean?',
    kms_key_id: 'string?',
    iam_database_authentication_enabled: 'boolean?',
    publicly_accessible: 'boolean?',
    backup_retention_period: 'number?',
    deletion_protection: 'boolean?',
    cluster_create_time: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a VPC security group of the cluster',
    }),
  },
  description: 'An RDS DB cluster (RDS DescribeDBClusters).',
});

/**
 * An RDS DB instance, keyed by its ARN. The `exposed_internet*` properties
 * are set by the `aws_ec2_asset_exposure` analysis job.
 */
export const RDSInstance = defineNode({
  label: 'AWSRDSInstance',
  extraLabels: ['Database'],
  legacyLabels: ['RDSInstance'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    db_instance_identifier: 'string',
    dbi_resource_id: 'string?',
    db_instance_class: 'string?',
    engine: 'string?',
    engine_version: 'string?',
    db_instance_status: 'string?',
    master_username: 'string?',
    db_name: 'string?',
    endpoint_address: 'string?',
    endpoint_port: 'number?',
    endpoint_hostedzoneid: 'string?',
    db_instance_port: 'number?',
    allocated_storage: 'number?',
    storage_type: 'string?',
    instance_create_time: 'string?',
    availability_zone: 'string?',
    multi_az: 'boolean?',
    publicly_accessible: 'boolean?',
    storage_encrypted: 'boolean?',
    kms_key_id: 'string?',
    iam_database_authentication_enabled: 'boolean?',
    db_cluster_identifier: 'string?',
    read_replica_source_db_instance_identifier: 'string?',
    backup_retention_period: 'number?',
    preferred_backup_window: 'string?',
    preferred_maintenance_window: 'string?',
    deletion_protection: 'boolean?',
    auto_minor_version_upgrade: 'boolean?',
    ca_certificate_identifier: 'string?',
    performance_insights_enabled: 'boolean?',
    enhanced_monitoring_resource_arn: 'string?',
    monitoring_role_arn: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  relationships: {
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a VPC security group of the instance',
    }),
    subnetGroup: defineRel('MEMBER_OF_DB_SUBNET_GROUP', refOf(DBSubnetGroup), {
      description: 'the DB subnet group the instance is placed in',
    }),
    cluster: defineRel('IS_CLUSTER_MEMBER_OF', refOf(RDSCluster), {
      description: 'the cluster the instance belongs to',
    }),
    readReplicaOf: defineRel(
      'IS_READ_REPLICA_OF',
      { label: 'AWSRDSInstance', key: 'id' },
      {
        description: 'the source instance this read replica copies',
      },
    ),
  },
  description: 'An RDS DB instance (RDS DescribeDBInstances).',
});
