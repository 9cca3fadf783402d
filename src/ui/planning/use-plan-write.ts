/** Runs a plan-item write with a busy flag; a stale write (the others' changes are in by then) says so, anything else shows its message. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaleWriteError } from '../../state/errors';

export function usePlanWrite(): [boolean, (action: () => Promise<unknown>, done?: string) => Promise<void>] {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await action();
      if (done) message.success(done);
    } catch (error) {
      // The action has brought in the others' changes already (state/catching-up.ts).
      if (error instanceof StaleWriteError) message.error(t('plan.stale'));
      else message.error(t('plan.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
