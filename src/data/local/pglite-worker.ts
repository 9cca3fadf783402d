/// <reference lib="webworker" />
/**
 * The embedded database's worker. PGliteWorker elects one tab as leader and runs the database here,
 * in that tab's worker; every other tab talks to it, so two tabs never write the store separately.
 *
 * PGliteWorker forwards each wire-protocol message without its options, so here every message
 * (five per query) would sync the whole data directory to IndexedDB — ≈ 0.1 s each, 0.5 s a query,
 * also inside transactions. Messages run without syncing; the store syncs once when the page asks
 * (`syncToFs`, after every write and after migrations) and after a statement outside a transaction.
 */
import { worker } from '@electric-sql/pglite/worker';
import type { PGlite } from '@electric-sql/pglite';
import { createEmbeddedDatabase } from './pglite-store';

function withoutPerMessageSync(db: PGlite): PGlite {
  type Options = { syncToFs?: boolean } | undefined;
  const bind = <A extends unknown[], R>(fn: (message: Uint8Array, options?: Options, ...rest: A) => R) =>
    (message: Uint8Array, options?: Options, ...rest: A): R => fn.call(db, message, { ...options, syncToFs: false }, ...rest);
  db.execProtocol = bind(db.execProtocol as never) as typeof db.execProtocol;
  db.execProtocolStream = bind(db.execProtocolStream as never) as typeof db.execProtocolStream;
  db.execProtocolRaw = bind(db.execProtocolRaw as never) as typeof db.execProtocolRaw;
  db.execProtocolRawStream = bind(db.execProtocolRawStream as never) as typeof db.execProtocolRawStream;
  return db;
}

void worker({
  init: async (options) => withoutPerMessageSync(await createEmbeddedDatabase({ dataDir: options.dataDir, loadDataDir: options.loadDataDir })),
});
