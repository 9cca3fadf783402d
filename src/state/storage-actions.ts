/** The embedded store's whole-database backup and restore (offered while `storeBackup` is set). */
import { localStore } from './services';

/** The whole database as a .tar.gz. */
export function exportStore(): Promise<Blob> {
  return localStore().exportDump();
}

/** Replaces the database with a backup, then reads it and plans from scratch. */
export function restoreStore(dump: Blob): Promise<void> {
  return localStore().restore(dump);
}
