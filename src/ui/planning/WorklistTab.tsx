/**
 * The 工作清单 tab: the must-cover enterprises still outside an organization, or the members whose
 * relationship is held elsewhere (转接清单) — two lists of the same kind of work under one tab, so
 * the side panel's tab bar keeps room for every tab.
 */
import { useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Worklist } from './Worklist';
import { TransferWorklist } from '../campaign/TransferWorklist';

type Which = 'must-cover' | 'transfers';

export function WorklistTab() {
  const { t } = useTranslation();
  const [which, setWhich] = useState<Which>('must-cover');
  return (
    <>
      <Segmented
        size="small"
        block
        value={which}
        onChange={(v) => setWhich(v as Which)}
        options={[
          { value: 'must-cover', label: <span data-testid="worklist-must-cover">{t('worklistTab.mustCover')}</span> },
          { value: 'transfers', label: <span data-testid="tab-transfers">{t('campaign.tab')}</span> },
        ]}
        style={{ marginBottom: 8 }}
      />
      {which === 'must-cover' ? <Worklist /> : <TransferWorklist />}
    </>
  );
}
