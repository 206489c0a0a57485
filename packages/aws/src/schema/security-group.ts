import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { AWSVpc } from './vpc.ts';

/** A security group, keyed by its id (`sg-...`, unique across AWS). */
export const EC2SecurityGroup = defineNode({
  label: 'AWSEC2SecurityGroup',
  extraLabels: ['NetworkAccessControl'],
  legacyLabels: ['EC2SecurityGroup'],
  key: 'id',
  properties: {
    id: 'string',
    groupid: 'string',
    name: 'string?',
    description: 'string?',
    vpcid: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    vpc: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(AWSVpc), {
      direction: 'in',
      description: 'the VPC the group belongs to (Cartography points the edge from the VPC)',
    }),
    allowsTrafficFrom: defineRel(
      'ALLOWS_TRAFFIC_FROM',
      { label: 'AWSEC2SecurityGroup', key: 'id' },
      {
        description: 'an inbound rule admits traffic from members of the other group (possibly itself)',
      },
    ),
  },
  description: 'An EC2 security group (EC2 DescribeSecurityGroups).',
});

/**
 * A CIDR range security group rules admit, keyed by the CIDR itself (e.g.
 * `0.0.0.0/0`). One node per range across all accounts, as in Cartography;
 * no account's scope owns it (so one account's cleanup never removes another's
 * range): each account whose rules name it points at it with `RESOURCE`, and
 * the `aws_global_cleanup` analysis job removes those edges and the ranges no
 * rule uses any more.
 */
export const AWSIpRange = defineNode({
  label: 'AWSIpRange',
  extraLabels: ['IpRange'],
  key: 'id',
  properties: {
    id: 'string',
    range: 'string',
  },
  relationships: {
    accounts: defineRel('RESOURCE', refOf(AWSAccount), {
      direction: 'in',
      description: 'an account whose rules name the range (Cartography ties ranges to accounts this way)',
    }),
  },
  description: 'A source or destination IP range of EC2 security group rules.',
});

const ruleProperties = {
  /**
   * Cartography's rule id: `<group id>/<IpPermissions|IpPermissionsEgress>/<from port><to port><protocol>`,
   * with `None` for a port the API leaves out (`sg-1/IpPermissions/NoneNone-1`).
   */
  id: 'string',
  ruleid: 'string',
  groupid: 'string',
  /** `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all. */
  protocol: 'string',
  /** Null when the rule covers every port (protocol `-1`). */
  fromport: 'number?',
  toport: 'number?',
  isegress: 'boolean',
  region: 'string',
} as const;

const ruleRelationships = {
  group: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
    description: 'the security group the rule belongs to',
  }),
  // Declared on the rule (owned by one account) rather than on the shared range,
  // so a rule's stale ranges are cleaned up with the rule's account.
  ranges: defineRel('MEMBER_OF_IP_RULE', refOf(AWSIpRange), {
    direction: 'in',
    description: 'an IP range the rule admits',
  }),
};

/** An inbound rule of a security group: one protocol and port range with its admitted CIDR ranges. */
export const AWSIpPermissionInbound = defineNode({
  label: 'AWSIpPermissionInbound',
  extraLabels: ['IpPermissionInbound', 'IpRule', 'AWSIpRule'],
  key: 'id',
  properties: ruleProperties,
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: ruleRelationships,
  description: 'An inbound (ingress) rule of an EC2 security group.',
});

/**
 * An outbound rule of a security group. As in Cartography, its only labels
 * are `AWSIpRule` and `IpRule`, which inbound rules carry too: `(:AWSIpRule)`
 * matches every rule, `(:AWSIpRule {isegress: true})` the outbound ones.
 */
export const AWSIpRule = defineNode({
  label: 'AWSIpRule',
  extraLabels: ['IpRule'],
  key: 'id',
  properties: ruleProperties,
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: ruleRelationships,
  description: 'An outbound (egress) rule of an EC2 security group; as a label, any rule.',
});
