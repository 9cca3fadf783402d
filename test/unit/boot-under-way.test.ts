import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootUnderWay, sharedStoreMeta } from '../../src/app/boot';
import { useAppStore } from '../../src/state/store';

const settled = (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
};

describe('the first layout waits for the start-up', () => {
  afterEach(() => {
    vi.useRealTimers();
    useAppStore.setState({ status: 'loading', boot: null, error: null });
  });

  it('waits while nothing has started, and goes on at the first step', async () => {
    vi.useFakeTimers();
    useAppStore.setState({ status: 'loading', boot: null });
    const done = settled(bootUnderWay(1000));
    await vi.advanceTimersByTimeAsync(500);
    expect(done()).toBe(false);
    useAppStore.setState({ boot: { step: 'plan' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('goes on when the start-up fails, or at the limit', async () => {
    vi.useFakeTimers();
    useAppStore.setState({ status: 'loading', boot: null });
    const failed = settled(bootUnderWay(1000));
    useAppStore.getState().setFailed('no store');
    await vi.advanceTimersByTimeAsync(0);
    expect(failed()).toBe(true);

    useAppStore.setState({ status: 'loading', boot: null });
    const timedOut = settled(bootUnderWay(1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(timedOut()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(timedOut()).toBe(true);
  });
});

describe("a shared store's name", () => {
  const area = (id: string, name: string, parent: string | null) => ({ id, name, level: 'district' as const, parent, geometry: { type: 'Polygon' as const, coordinates: [] } });

  it('is its top areas, not a bundled dataset, and never a demo', () => {
    expect(sharedStoreMeta([area('330109', '萧山区', '3301'), area('330109001', '临浦镇', '330109')], 'x')).toEqual({ name: '萧山区', notice: null, synthetic: false });
    expect(sharedStoreMeta([area('330102', '上城区', null), area('330106', '西湖区', null)], 'x').name).toBe('上城区、西湖区');
    expect(sharedStoreMeta([], '共享工作区 Shared workspace')).toEqual({ name: '共享工作区 Shared workspace', notice: null, synthetic: false });
  });
});
