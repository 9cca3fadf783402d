/** 半月通报 through the repository: take a dated snapshot of the figures (the feed brings it into `snapshots`). */
import type { BulletinSnapshot } from '../core/model/records';
import { repository } from './services';

/** Takes the snapshot of `takenOn` (YYYY-MM-DD), then pulls the feed so the page has it. */
export async function takeBulletinSnapshot(takenOn: string): Promise<BulletinSnapshot[]> {
  const taken = await repository().takeBulletinSnapshot(takenOn);
  await repository().pullChanges();
  return taken;
}
