/**
 * The services the state actions talk to, kept outside the zustand state: the repository, the embedded
 * store's backup and restore, and a shared store's staff port and sign-out. The
 * composition root (app/boot.ts, app/sign-in.tsx through the workspace's signedIn) sets them;
 * the state's action modules (plan-actions, enterprise-actions, import-actions, …) use them; UI
 * components never import this module. The store keeps only what the UI renders about them:
 * `canWrite` (a repository is open), `storeBackup`, and the workspace's `who`. (The map's own services — its camera, its
 * image — are on map/map-bridge.ts.)
 */
import type { Repository } from '../data/repository';
import type { StaffPort } from '../data/auth';
import { useAppStore, type LocalStoreActions } from './store';

let openRepository: Repository | null = null;
let localStoreActions: LocalStoreActions | null = null;
let staff: { port: StaffPort; signOut: () => void } | null = null;

/** Set once the store is open (and again after a restore); null while a restore replaces it. */
export function setRepository(repository: Repository | null): void {
  openRepository = repository;
  if (useAppStore.getState().canWrite !== (repository !== null)) useAppStore.setState({ canWrite: repository !== null });
}

/** The open repository, for actions that only run once the app has one. */
export function repository(): Repository {
  if (!openRepository) throw new Error('No repository is open yet (the store is still opening, or being restored).');
  return openRepository;
}

/** The open repository or null (for what may run before the store opens: the Realtime wake-up). */
export function repositoryIfOpen(): Repository | null {
  return openRepository;
}

/** What only the embedded store can do; null with a shared store. */
export function setLocalStore(actions: LocalStoreActions | null): void {
  localStoreActions = actions;
  useAppStore.setState({ storeBackup: actions !== null });
}

export function localStore(): LocalStoreActions {
  if (!localStoreActions) throw new Error('Backup and restore are only there with the embedded store.');
  return localStoreActions;
}

/** A shared store's staff management and sign-out, from the signed-in session (none in the embedded store). */
export function setStaffServices(services: { port: StaffPort; signOut: () => void } | null): void {
  staff = services;
}

/** The staff port, or null in the embedded store. */
export function staffPortIfSignedIn(): StaffPort | null {
  return staff?.port ?? null;
}

export function staffPort(): StaffPort {
  if (!staff) throw new Error('Staff are managed only in a shared store, once signed in.');
  return staff.port;
}

/** Ends the shared store's session (back to the sign-in screen); nothing in the embedded store. */
export function endSession(): void {
  staff?.signOut();
}
