import type { DemoEstateOptions } from './demo-estate.ts';

/** The demo estate `collect --demo` syncs: a few accounts and projects with realistic misconfigurations. */
export const DEMO_SCALE: Required<Pick<DemoEstateOptions, 'aws' | 'gcp' | 'workspace'>> = {
  aws: { accounts: 4, regionsPerAccount: 2, resourcesPerRegion: 6 },
  gcp: { folders: 3, projects: 6, instancesPerProject: 4 },
  workspace: { users: 40, groups: 10 },
};
