/// <reference lib="webworker" />
/**
 * The embedded database's worker. PGliteWorker elects one tab as leader and runs the database here,
 * in that tab's worker; every other tab talks to it, so two tabs never write the store separately.
 */
import { worker } from '@electric-sql/pglite/worker';
import { createEmbeddedDatabase } from './pglite-store';

void worker({
  init: (options) => createEmbeddedDatabase({ dataDir: options.dataDir, loadDataDir: options.loadDataDir }),
});
