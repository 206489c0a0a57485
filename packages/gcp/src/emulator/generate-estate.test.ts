import { describe, expect, it } from 'vitest';
import { generateGcpEstate } from './generate-estate.ts';

describe('generateGcpEstate', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateGcpEstate({ seed: 42 })).toEqual(generateGcpEstate({ seed: 42 }));
    expect(generateGcpEstate({ seed: 42 }).projects[0]?.projectId).not.toBe(
      generateGcpEstate({ seed: 43 }).projects[0]?.projectId,
    );
  });

  it('scales to thousands of resources quickly', () => {
    const started = performance.now();
    const estate = generateGcpEstate({ seed: 1, projects: 60, folders: 12, instancesPerProject: 60 });
    const instances = estate.projects.reduce((sum, project) => sum + project.instances.length, 0);
    expect(instances).toBeGreaterThan(2000);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(estate.projects.map((project) => project.projectId)).size).toBe(60);
  });

  it('nests folders and spreads projects over the hierarchy', () => {
    const estate = generateGcpEstate({ seed: 1, folders: 6, projects: 14 });
    const org = `organizations/${estate.organization.id}`;
    const depth = (parent: string): number => {
      const folder = estate.folders.find((candidate) => `folders/${candidate.id}` === parent);
      return folder ? 1 + depth(folder.parent) : 0;
    };
    expect(Math.max(...estate.folders.map((folder) => depth(`folders/${folder.id}`)))).toBeGreaterThanOrEqual(
      3,
    );
    expect(estate.projects.some((project) => project.parent === org)).toBe(true);
    expect(estate.projects.some((project) => project.parent.startsWith('folders/'))).toBe(true);
  });

  it('marks the last projects DELETE_REQUESTED and disables services on a fixed pattern', () => {
    const estate = generateGcpEstate({ seed: 1, projects: 6, deletedProjects: 1 });
    const [p0, , p2, p3, p4, p5] = estate.projects;
    expect(p5?.state).toBe('DELETE_REQUESTED');
    expect(p5?.instances).toEqual([]);
    expect(p0?.enabledServices).toContain('compute.googleapis.com');
    expect(p2?.enabledServices).not.toContain('compute.googleapis.com');
    expect(p2?.instances).toEqual([]);
    expect(p3?.enabledServices).not.toContain('container.googleapis.com');
    expect(p3?.clusters).toEqual([]);
    expect(p4?.enabledServices).not.toContain('storage.googleapis.com');
    expect(p4?.buckets).toEqual([]);
  });

  it('seeds internet exposure: open SSH/RDP firewalls whose target tags match instances with public IPs', () => {
    const project = generateGcpEstate({ seed: 1 }).projects[0];
    if (!project) throw new Error('no project');
    const openTo = (port: string) =>
      project.firewalls.filter(
        (fw) =>
          fw.direction === 'INGRESS' &&
          !fw.disabled &&
          fw.sourceRanges?.includes('0.0.0.0/0') &&
          fw.allowed?.some((rule) => rule.ports?.includes(port)),
      );
    const ssh = openTo('22');
    const rdp = openTo('3389');
    expect(ssh.map((fw) => fw.targetTags)).toEqual([['ssh']]);
    expect(rdp.map((fw) => fw.targetTags)).toEqual([['rdp']]);
    const bastion = project.instances.find((instance) => instance.tags.includes('ssh'));
    expect(bastion?.networkInterfaces[0]?.natIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const deny = project.firewalls.find((fw) => fw.name === 'deny-rdp-quarantine');
    expect(deny?.priority).toBeLessThan(rdp[0]?.priority ?? 0);
    const quarantined = project.instances.find((instance) => instance.tags.includes('quarantine'));
    expect(quarantined?.tags).toContain('rdp');
    expect(quarantined?.networkInterfaces[0]?.natIP).toBeDefined();
  });

  it('seeds insecure GKE clusters and public buckets', () => {
    const project = generateGcpEstate({ seed: 1, clustersPerProject: 3 }).projects[0];
    const legacy = project?.clusters.find((cluster) => cluster.name.startsWith('legacy-'));
    expect(legacy).toMatchObject({
      legacyAbac: true,
      loggingService: 'none',
      shieldedNodes: false,
      masterAuthorizedNetworks: { enabled: false },
      basicAuth: { username: 'admin' },
    });
    expect(legacy?.privateCluster).toBeUndefined();
    const dev = project?.clusters.find((cluster) => cluster.name.startsWith('dev-'));
    expect(dev?.masterAuthorizedNetworks.cidrBlocks[0]?.cidrBlock).toBe('0.0.0.0/0');
    const publicBucket = project?.buckets.find((bucket) =>
      bucket.iamBindings.some((binding) => binding.members.includes('allUsers')),
    );
    expect(publicBucket?.name).toMatch(/-public-assets$/);
    expect(project?.buckets.some((bucket) => !bucket.uniformBucketLevelAccess)).toBe(true);
  });
});
