import type { DemoEstate } from '@skygraph/sdk/demo';

/**
 * Changes about 10% of the estate in place: of every ten instances one is
 * removed and one gets a new tag value; every tenth security group is opened
 * to the world on a new port; GCP instances likewise.
 */
export function changeTenPercent(demo: DemoEstate): void {
  for (const account of demo.aws?.estate.accounts ?? []) {
    for (const region of Object.values(account.regions)) {
      region.instances = region.instances.filter((_, i) => i % 10 !== 5);
      region.instances.forEach((instance, i) => {
        if (i % 10 === 3)
          instance.tags = [...instance.tags, { key: 'bench-changed', value: String(Date.now()) }];
      });
      region.securityGroups.forEach((group, i) => {
        if (i % 10 === 7) {
          group.ipPermissions = [
            ...group.ipPermissions,
            {
              ipProtocol: 'tcp',
              fromPort: 8443,
              toPort: 8443,
              ipRanges: [{ cidrIp: '0.0.0.0/0' }],
              ipv6Ranges: [],
              userIdGroupPairs: [],
              prefixListIds: [],
            },
          ];
        }
      });
    }
  }
  for (const project of demo.gcp?.estate.projects ?? []) {
    project.instances = project.instances.filter((_, i) => i % 10 !== 5);
  }
}
