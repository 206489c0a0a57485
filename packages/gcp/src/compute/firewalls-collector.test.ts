import { describe, expect, it } from 'vitest';
import { type FirewallListPage, parseFirewallEntry, transformFirewalls } from './firewalls-collector.ts';

const FW = 'projects/acme-prod/global/firewalls/allow-web';

describe('parseFirewallEntry', () => {
  it('splits ports and ranges into one rule each, with Cartography ids', () => {
    expect(
      parseFirewallEntry({ IPProtocol: 'tcp', ports: ['80', '443', '12345-12349'] }, FW, 'deny'),
    ).toEqual([
      { id: `${FW}/deny/80tcp`, protocol: 'tcp', fromport: 80, toport: 80 },
      { id: `${FW}/deny/443tcp`, protocol: 'tcp', fromport: 443, toport: 443 },
      { id: `${FW}/deny/12345to12349tcp`, protocol: 'tcp', fromport: 12345, toport: 12349 },
    ]);
  });

  it('treats a ported protocol without ports as every port, and port-less protocols as a whole', () => {
    expect(parseFirewallEntry({ IPProtocol: 'udp' }, FW, 'allow')).toEqual([
      { id: `${FW}/allow/0to65535udp`, protocol: 'udp', fromport: 0, toport: 65535 },
    ]);
    expect(parseFirewallEntry({ IPProtocol: 'icmp' }, FW, 'allow')).toEqual([
      { id: `${FW}/allow/icmp`, protocol: 'icmp', fromport: null, toport: null },
    ]);
    expect(parseFirewallEntry({ IPProtocol: 'all' }, FW, 'deny')).toEqual([
      { id: `${FW}/deny/all`, protocol: 'all', fromport: null, toport: null },
    ]);
  });
});

// firewalls.list as documented (compute#firewallList), one ingress rule with tags and one egress rule.
const page: FirewallListPage = {
  kind: 'compute#firewallList',
  id: 'projects/acme-prod/global/firewalls',
  items: [
    {
      kind: 'compute#firewall',
      id: '6534920387455917055',
      creationTimestamp: '2023-02-01T09:12:44.163-08:00',
      name: 'allow-web',
      description: '',
      network: 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/networks/prod-vpc',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0', '10.0.0.0/8'],
      targetTags: ['web'],
      allowed: [{ IPProtocol: 'tcp', ports: ['80', '443'] }],
      direction: 'INGRESS',
      logConfig: { enable: false },
      disabled: false,
      selfLink: 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/firewalls/allow-web',
    },
    {
      kind: 'compute#firewall',
      id: '11',
      name: 'deny-egress',
      network: 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/networks/prod-vpc',
      priority: 65000,
      destinationRanges: ['0.0.0.0/0'],
      denied: [{ IPProtocol: 'all' }],
      direction: 'EGRESS',
      selfLink: 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/firewalls/deny-egress',
    },
  ],
  selfLink: 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/firewalls',
};

describe('transformFirewalls', () => {
  it('loads target tags, the ingress firewall, its source ranges and rules, in that order', () => {
    const loads = transformFirewalls(page, 'acme-prod');
    expect(loads.map((l) => l.schema.label)).toEqual([
      'GCPNetworkTag',
      'GCPFirewall',
      'GCPIpRange',
      'GCPIpRule',
    ]);
    const [tags, firewalls, ranges, rules] = loads;
    const vpc = 'projects/acme-prod/global/networks/prod-vpc';
    expect(tags?.rows).toEqual([{ id: `${vpc}/tags/web`, tag_id: `${vpc}/tags/web`, value: 'web', vpc }]);
    expect(firewalls?.rows).toEqual([
      expect.objectContaining({
        id: FW,
        name: 'allow-web',
        direction: 'INGRESS',
        priority: 1000,
        disabled: false,
        has_target_service_accounts: false,
        description: null,
        vpc,
        targetTags: [`${vpc}/tags/web`],
      }),
    ]);
    expect(ranges?.rows).toEqual([
      { id: '0.0.0.0/0', range: '0.0.0.0/0' },
      { id: '10.0.0.0/8', range: '10.0.0.0/8' },
    ]);
    expect(rules?.rows).toEqual([
      {
        id: `${FW}/allow/80tcp`,
        ruleid: `${FW}/allow/80tcp`,
        protocol: 'tcp',
        fromport: 80,
        toport: 80,
        allowedBy: FW,
        ranges: ['0.0.0.0/0', '10.0.0.0/8'],
      },
      expect.objectContaining({ id: `${FW}/allow/443tcp`, allowedBy: FW }),
    ]);
  });

  it('links deny rules with DENIED_BY', () => {
    const denyPage: FirewallListPage = {
      items: [
        {
          name: 'deny-ssh',
          network: 'https://www.googleapis.com/compute/v1/projects/p/global/networks/default',
          priority: 10,
          sourceRanges: ['0.0.0.0/0'],
          denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
          direction: 'INGRESS',
          targetServiceAccounts: ['vm@p.iam.gserviceaccount.com'],
        },
      ],
    };
    const [, firewalls, , rules] = transformFirewalls(denyPage, 'p');
    expect(firewalls?.rows[0]).toMatchObject({
      id: 'projects/p/global/firewalls/deny-ssh',
      has_target_service_accounts: true,
      target_service_accounts: ['vm@p.iam.gserviceaccount.com'],
    });
    expect(rules?.rows).toEqual([
      expect.objectContaining({
        id: 'projects/p/global/firewalls/deny-ssh/deny/22tcp',
        deniedBy: 'projects/p/global/firewalls/deny-ssh',
      }),
    ]);
  });
});
