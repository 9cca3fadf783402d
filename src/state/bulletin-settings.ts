/** The "every half month" snapshot setting, kept per browser. */
const KEY = 'lianjian.autoSnapshot';

export function autoSnapshotEnabled(): boolean {
  return globalThis.localStorage?.getItem(KEY) === 'on';
}

export function setAutoSnapshot(on: boolean): void {
  globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
}
