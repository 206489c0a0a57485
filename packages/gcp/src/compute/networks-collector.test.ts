import { describe, expect, it } from 'vitest';
import { transformNetworks } from './networks-collector.ts';
import { transformSubnets } from './subnets-collector.ts';

const BASE = 'https://www.googleapis.com/compute/v1/projects/acme-prod';

describe('transformNetworks', () => {
  it('keys VPCs by partial URI', () => {
    const [vpcs] = transformNetworks(
      {
        kind: 'compute#networkList',
        items: [
          {
            kind: 'compute#network',
            id: '4101',
            name: 'prod-vpc',
            description: 'Production VPC',
            selfLink: `${BASE}/global/networks/prod-vpc`,
            autoCreateSubnetworks: false,
            routingConfig: { routingMode: 'GLOBAL' },
            mtu: 1460,
          },
        ],
      },
      'acme-prod',
    );
    expect(vpcs?.rows).toEqual([
      {
        id: 'projects/acme-prod/global/networks/prod-vpc',
        partial_uri: 'projects/acme-prod/global/networks/prod-vpc',
        self_link: `${BASE}/global/networks/prod-vpc`,
        name: 'prod-vpc',
        project_id: 'acme-prod',
        auto_create_subnetworks: false,
        routing_config_routing_mode: 'GLOBAL',
        description: 'Production VPC',
        mtu: 1460,
      },
    ]);
  });
});

describe('transformSubnets', () => {
  it('reads every region of an aggregated page and links each subnet to its VPC', () => {
    const [subnets] = transformSubnets(
      {
        kind: 'compute#subnetworkAggregatedList',
        items: {
          'regions/europe-west1': {
            subnetworks: [
              {
                kind: 'compute#subnetwork',
                name: 'prod-europe-west1',
                network: `${BASE}/global/networks/prod-vpc`,
                ipCidrRange: '10.20.0.0/20',
                gatewayAddress: '10.20.0.1',
                region: `${BASE}/regions/europe-west1`,
                selfLink: `${BASE}/regions/europe-west1/subnetworks/prod-europe-west1`,
                privateIpGoogleAccess: true,
                purpose: 'PRIVATE',
                secondaryIpRanges: [{ rangeName: 'pods', ipCidrRange: '10.101.0.0/16' }],
                logConfig: {
                  enable: true,
                  aggregationInterval: 'INTERVAL_5_SEC',
                  flowSampling: 0.5,
                  metadata: 'INCLUDE_ALL_METADATA',
                },
              },
            ],
          },
          'regions/asia-east1': { warning: { code: 'NO_RESULTS_ON_PAGE' } },
        },
      },
      'acme-prod',
    );
    expect(subnets?.rows).toEqual([
      expect.objectContaining({
        id: 'projects/acme-prod/regions/europe-west1/subnetworks/prod-europe-west1',
        region: 'europe-west1',
        ip_cidr_range: '10.20.0.0/20',
        flow_logs_enabled: true,
        flow_logs_sampling: 0.5,
        secondary_ip_ranges: ['10.101.0.0/16'],
        vpc_partial_uri: 'projects/acme-prod/global/networks/prod-vpc',
        vpc: 'projects/acme-prod/global/networks/prod-vpc',
      }),
    ]);
  });
});
