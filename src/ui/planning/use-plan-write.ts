/** Runs a plan-item write with a busy flag; a stale write brings in the others' changes and says so, anything else shows its message. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaleWriteError } from '../../state/errors';
import { catchUp } from '../../state/plan-actions';

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
      if (error instanceof StaleWriteError) {
        message.error(t('plan.stale'));
        await catchUp();
      } else message.error(t('plan.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
