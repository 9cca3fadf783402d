import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootUnderWay } from '../../src/app/boot';
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
