/** Applying the change feed to a list of rows, the same way wherever the list is kept (the page and the planning worker). */
import type { RowChanges } from './records';

/**
 * The rows after the changes: a changed row stays where it was, a new row goes to the end, a deleted
 * row goes (the others keep their order). Returns the same array when nothing changes. O(rows + changes).
 */
export function patchRows<T extends { id: string }>(rows: readonly T[], changes: RowChanges<T>): T[] {
  if (changes.upserted.length === 0 && changes.deleted.length === 0) return rows as T[];
  const gone = new Set(changes.deleted);
  const fresh = new Map(changes.upserted.map((r) => [r.id, r]));
  const out: T[] = [];
  for (const row of rows) {
    if (gone.has(row.id)) continue;
    const changed = fresh.get(row.id);
    if (changed) {
      out.push(changed);
      fresh.delete(row.id);
    } else out.push(row);
  }
  for (const added of fresh.values()) if (!gone.has(added.id)) out.push(added);
  return out;
}

/** Whether the changes only replace rows already there (every row keeps its index). */
export function onlyReplaces<T extends { id: string }>(index: ReadonlyMap<string, number>, changes: RowChanges<T>): boolean {
  return changes.deleted.length === 0 && changes.upserted.every((r) => index.has(r.id));
}

export const noChanges = <T>(): RowChanges<T> => ({ upserted: [], deleted: [] });
