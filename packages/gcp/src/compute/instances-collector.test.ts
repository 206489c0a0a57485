import { describe, expect, it } from 'vitest';
import { type InstanceAggregatedPage, transformInstances } from './instances-collector.ts';

const BASE = 'https://www.googleapis.com/compute/v1/projects/acme-prod';

// instances.aggregatedList as documented: every zone is reported; empty ones carry a warning.
const page: InstanceAggregatedPage = {
  kind: 'compute#instanceAggregatedList',
  id: 'projects/acme-prod/aggregated/instances',
  items: {
    'zones/us-central1-a': {
      instances: [
        {
          kind: 'compute#instance',
          id: '1234567890123456789',
          creationTimestamp: '2024-01-10T02:03:04.567-08:00',
          name: 'bastion',
          tags: { items: ['ssh', 'bastion'], fingerprint: 'abc=' },
          machineType: `${BASE}/zones/us-central1-a/machineTypes/e2-small`,
          status: 'RUNNING',
          zone: `${BASE}/zones/us-central1-a`,
          canIpForward: false,
          networkInterfaces: [
            {
              kind: 'compute#networkInterface',
              network: `${BASE}/global/networks/default`,
              subnetwork: `${BASE}/regions/us-central1/subnetworks/default`,
              networkIP: '10.128.0.2',
              name: 'nic0',
              accessConfigs: [
                {
                  kind: 'compute#accessConfig',
                  type: 'ONE_TO_ONE_NAT',
                  name: 'External NAT',
                  natIP: '34.66.1.2',
                  networkTier: 'PREMIUM',
                },
              ],
            },
            {
              kind: 'compute#networkInterface',
              network: `${BASE}/global/networks/mgmt`,
              subnetwork: `${BASE}/regions/us-central1/subnetworks/mgmt`,
              networkIP: '192.168.0.2',
              name: 'nic1',
            },
          ],
          serviceAccounts: [
            {
              email: '123-compute@developer.gserviceaccount.com',
              scopes: ['https://www.googleapis.com/auth/cloud-platform'],
            },
          ],
          selfLink: `${BASE}/zones/us-central1-a/instances/bastion`,
          shieldedInstanceConfig: {
            enableSecureBoot: false,
            enableVtpm: true,
            enableIntegrityMonitoring: true,
          },
        },
      ],
    },
    'zones/europe-west1-b': {
      warning: {
        code: 'NO_RESULTS_ON_PAGE',
        message: "There are no results for scope 'zones/europe-west1-b' on this page.",
        data: [{ key: 'scope', value: 'zones/europe-west1-b' }],
      },
    },
  },
  selfLink: `${BASE}/aggregated/instances`,
};

describe('transformInstances', () => {
  it('loads tags, instances, interfaces and access configs with Cartography ids and links', () => {
    const [tags, instances, nics, accessConfigs] = transformInstances(page, 'acme-prod');
    const id = 'projects/acme-prod/zones/us-central1-a/instances/bastion';
    const defaultVpc = 'projects/acme-prod/global/networks/default';
    const mgmtVpc = 'projects/acme-prod/global/networks/mgmt';
    // A tag means something in each VPC the instance is attached to.
    expect(tags?.rows.map((t) => (t as { id: string }).id).sort()).toEqual(
      [
        `${defaultVpc}/tags/bastion`,
        `${defaultVpc}/tags/ssh`,
        `${mgmtVpc}/tags/bastion`,
        `${mgmtVpc}/tags/ssh`,
      ].sort(),
    );
    expect(instances?.rows).toEqual([
      expect.objectContaining({
        id,
        partial_uri: id,
        instancename: 'bastion',
        zone_name: 'us-central1-a',
        project_id: 'acme-prod',
        machine_type: 'e2-small',
        status: 'RUNNING',
        private_ip: '10.128.0.2',
        public_ip: '34.66.1.2',
        service_account_email: '123-compute@developer.gserviceaccount.com',
        enable_secure_boot: false,
        network_tags: ['ssh', 'bastion'],
        vpcs: [defaultVpc, mgmtVpc],
      }),
    ]);
    expect(nics?.rows).toEqual([
      {
        id: `${id}/networkinterfaces/nic0`,
        nic_id: `${id}/networkinterfaces/nic0`,
        name: 'nic0',
        private_ip: '10.128.0.2',
        subnet_partial_uri: 'projects/acme-prod/regions/us-central1/subnetworks/default',
        vpc_partial_uri: defaultVpc,
        instance: id,
        subnet: 'projects/acme-prod/regions/us-central1/subnetworks/default',
      },
      expect.objectContaining({ id: `${id}/networkinterfaces/nic1`, private_ip: '192.168.0.2' }),
    ]);
    expect(accessConfigs?.rows).toEqual([
      {
        id: `${id}/networkinterfaces/nic0/accessconfigs/ONE_TO_ONE_NAT`,
        partial_uri: `${id}/networkinterfaces/nic0/accessconfigs/ONE_TO_ONE_NAT`,
        type: 'ONE_TO_ONE_NAT',
        name: 'External NAT',
        public_ip: '34.66.1.2',
        set_public_ptr: null,
        public_ptr_domain_name: null,
        network_tier: 'PREMIUM',
        networkInterface: `${id}/networkinterfaces/nic0`,
      },
    ]);
  });

  it('loads nothing from a page of empty zones', () => {
    const empty: InstanceAggregatedPage = {
      items: { 'zones/us-east1-b': { warning: { code: 'NO_RESULTS_ON_PAGE' } } },
    };
    expect(transformInstances(empty, 'p').map((l) => l.rows.length)).toEqual([0, 0, 0, 0]);
  });
});
