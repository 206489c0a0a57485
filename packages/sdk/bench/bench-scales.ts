import type { DemoEstateOptions } from '@skygraph/sdk/demo';

export type ScaleName = 'small' | 'medium' | 'large';

/**
 * Estate sizes of the benchmark. K is resources of each kind per region
 * (the AWS emulator derives VPCs, load balancers and databases from it).
 */
export const SCALES: Record<ScaleName, Pick<DemoEstateOptions, 'aws' | 'gcp' | 'workspace'>> = {
  small: {
    aws: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 40 },
    gcp: { projects: 3, instancesPerProject: 20 },
    workspace: { users: 100, groups: 10 },
  },
  medium: {
    aws: { accounts: 20, regionsPerAccount: 4, resourcesPerRegion: 190 },
    gcp: { projects: 20, instancesPerProject: 100 },
    workspace: { users: 2000, groups: 100 },
  },
  large: {
    aws: { accounts: 100, regionsPerAccount: 4, resourcesPerRegion: 190 },
    gcp: { projects: 100, instancesPerProject: 100 },
    workspace: { users: 10_000, groups: 500 },
  },
};

/**
 * The estate a Neo4j benchmark syncs once before the measured runs. A fresh
 * server plans each distinct statement on first use and its JVM compiles
 * the code paths then: without a warm-up the first sync measures that
 * (several times its warm time on two cores), where a server in use has
 * long done it. Small, but every collector writes rows, and its changed
 * phase runs the cleanup statements.
 */
export const WARM_UP: Pick<DemoEstateOptions, 'aws' | 'gcp' | 'workspace'> = {
  aws: { accounts: 2, regionsPerAccount: 1, resourcesPerRegion: 10 },
  gcp: { projects: 1, instancesPerProject: 10 },
  workspace: { users: 10, groups: 2 },
};

/** The scale multiplied by `factor` in accounts and projects (for the scaling table). */
export function scaled(
  base: ScaleName,
  factor: number,
): Pick<DemoEstateOptions, 'aws' | 'gcp' | 'workspace'> {
  const scale = SCALES[base];
  return {
    aws: { ...scale.aws, accounts: (scale.aws?.accounts ?? 2) * factor },
    gcp: { ...scale.gcp, projects: (scale.gcp?.projects ?? 3) * factor },
    workspace: { ...scale.workspace, users: (scale.workspace?.users ?? 100) * factor },
  };
}
