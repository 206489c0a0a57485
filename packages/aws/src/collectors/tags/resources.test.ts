import { describe, expect, it } from 'vitest';
import { awsSchemas } from '../../schema/index.ts';
import { resourceTypeOfArn, TAGGABLE_RESOURCES } from '../../schema/tags.ts';
import { TAG_RESOURCE_TYPE_FILTERS, transformTagMappings } from './resources.ts';

const ACCOUNT = '111122223333';

describe('the tagging API mapping', () => {
  it("derives the resource type of an ARN as Cartography's get_resource_type_from_arn does", () => {
    expect(resourceTypeOfArn(`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123`)).toBe('ec2:instance');
    expect(resourceTypeOfArn('arn:aws:s3:::my-bucket')).toBe('s3');
    expect(resourceTypeOfArn(`arn:aws:sqs:us-east-1:${ACCOUNT}:queue-1`)).toBe('sqs');
    expect(
      resourceTypeOfArn(
        `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`,
      ),
    ).toBe('elasticloadbalancing:loadbalancer/app');
    expect(
      resourceTypeOfArn(`arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/classic-web`),
    ).toBe('elasticloadbalancing:loadbalancer');
    expect(resourceTypeOfArn(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`)).toBe(
      'secretsmanager:secret',
    );
    expect(resourceTypeOfArn(`arn:aws:rds:us-east-1:${ACCOUNT}:db:orders`)).toBe('rds:db');
  });

  it('matches each type skygraph writes by a property its schema has', () => {
    const byLabel = new Map<string, { properties: Record<string, unknown> }>(
      awsSchemas.map((s) => [s.label, s as { properties: Record<string, unknown> }]),
    );
    const missing = TAGGABLE_RESOURCES.filter((r) => {
      const schema = byLabel.get(r.label);
      return schema !== undefined && !(r.property in schema.properties);
    });
    expect(missing).toEqual([]);
  });

  it('asks for every mapped type in one request (the API takes at most 100)', () => {
    expect(TAG_RESOURCE_TYPE_FILTERS).toContain('elasticloadbalancing:loadbalancer');
    expect(TAG_RESOURCE_TYPE_FILTERS).not.toContain('elasticloadbalancing:loadbalancer/app');
    expect(TAG_RESOURCE_TYPE_FILTERS.length).toBeLessThanOrEqual(100);
  });
});

describe('transformTagMappings', () => {
  it('writes one tag per key and value, linked to the node key of each resource', () => {
    const [tags] = transformTagMappings([
      {
        ResourceARN: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123`,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'Name', Value: 'web' },
        ],
      },
      { ResourceARN: 'arn:aws:s3:::logs-bucket', Tags: [{ Key: 'env', Value: 'prod' }] },
      {
        ResourceARN: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`,
        Tags: [{ Key: 'empty', Value: '' }],
      },
      // A type skygraph does not map (CloudWatch alarms) is left out.
      {
        ResourceARN: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:cpu`,
        Tags: [{ Key: 'env', Value: 'dev' }],
      },
    ]);
    expect(tags.rows).toEqual([
      { id: 'env:prod', key: 'env', value: 'prod', ec2_instance: ['i-0123'], s3: ['logs-bucket'] },
      { id: 'Name:web', key: 'Name', value: 'web', ec2_instance: ['i-0123'] },
      {
        id: 'empty:',
        key: 'empty',
        value: '',
        elasticloadbalancing_loadbalancer_app: [
          `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`,
        ],
      },
    ]);
  });
});
