/**
 * Versioned writes: a write refused as stale (someone saved meanwhile) brings in the others' changes
 * through the feed before its StaleWriteError is passed on, so the page shows what they saved and
 * the next try starts from it. Every state action that writes at a version goes through this.
 */
import { StaleWriteError } from './errors';
import { repository } from './services';

/** Runs a versioned write; when it is refused as stale, pulls the changes before passing the error on. */
export async function catchingUp<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleWriteError) await repository().pullChanges();
    throw error;
  }
}
