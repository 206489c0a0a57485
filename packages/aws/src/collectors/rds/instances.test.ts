import type { DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { transformDbInstances } from './instances.ts';

/** A DescribeDBInstances page (RDS API reference shapes): a cluster member and a cross-region read replica. */
const page: Pick<DescribeDBInstancesCommandOutput, 'DBInstances'> = {
  DBInstances: [
    {
      DBInstanceIdentifier: 'database-1-instance-1',
      DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:database-1-instance-1',
      DBInstanceClass: 'db.r5.large',
      Engine: 'aurora-postgresql',
      DBInstanceStatus: 'available',
      Endpoint: {
        Address: 'database-1-instance-1.c6c8mwvfdgv0.us-east-1.rds.amazonaws.com',
        Port: 5432,
        HostedZoneId: 'Z2R2ITUGPM61AM',
      },
      InstanceCreateTime: new Date('2023-04-01T12:00:00.000Z'),
      PubliclyAccessible: false,
      StorageEncrypted: true,
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0b1cf3c5f6e2a1b0d', Status: 'active' }],
      DBSubnetGroup: {
        DBSubnetGroupName: 'default-vpc-0123',
        VpcId: 'vpc-0123',
        SubnetGroupStatus: 'Complete',
      },
      DBClusterIdentifier: 'database-1',
      DbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY',
    },
    {
      DBInstanceIdentifier: 'replica-1',
      DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:replica-1',
      Engine: 'mysql',
      ReadReplicaSourceDBInstanceIdentifier: 'arn:aws:rds:us-west-2:123456789012:db:source-db',
      PubliclyAccessible: true,
    },
  ],
};

describe('transformDbInstances', () => {
  it('links instances to their security groups, subnet group, cluster and replica source', () => {
    const [instances] = transformDbInstances(page, { accountId: '123456789012', region: 'us-east-1' });
    const [member, replica] = instances?.rows ?? [];
    expect(member).toMatchObject({
      id: 'arn:aws:rds:us-east-1:123456789012:db:database-1-instance-1',
      db_instance_identifier: 'database-1-instance-1',
      endpoint_address: 'database-1-instance-1.c6c8mwvfdgv0.us-east-1.rds.amazonaws.com',
      endpoint_port: 5432,
      storage_encrypted: true,
      instance_create_time: '2023-04-01T12:00:00.000Z',
      securityGroups: ['sg-0b1cf3c5f6e2a1b0d'],
      subnetGroup: 'arn:aws:rds:us-east-1:123456789012:subgrp:default-vpc-0123',
      cluster: 'arn:aws:rds:us-east-1:123456789012:cluster:database-1',
    });
    expect(replica).toMatchObject({
      publicly_accessible: true,
      readReplicaOf: 'arn:aws:rds:us-west-2:123456789012:db:source-db',
    });
  });
});
