export type { GenerateWorkspaceOptions } from './generate-workspace.ts';
export { generateWorkspace } from './generate-workspace.ts';
export type {
  StartWorkspaceEmulatorOptions,
  WorkspaceEmulator,
  WorkspaceEmulatorStats,
  WorkspaceFault,
  WorkspaceFaultKind,
} from './workspace-emulator.ts';
export { startWorkspaceEmulator } from './workspace-emulator.ts';
export type {
  WorkspaceEstate,
  WorkspaceGroup,
  WorkspaceMember,
  WorkspaceMemberRole,
  WorkspaceMemberType,
  WorkspaceUser,
} from './workspace-estate.ts';
export { findGroup, findUser } from './workspace-estate.ts';
