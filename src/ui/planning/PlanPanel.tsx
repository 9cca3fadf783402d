/** The plan tab: start a plan item (or edit one), and the saved items with their status. */
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { newDraft, usePlanningStore } from '../../state/planning';
import { DraftEditor } from './DraftEditor';
import { PlanItemList } from './PlanItemList';

export function PlanPanel() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const canWrite = useAppStore((s) => s.canWrite);
  const draft = usePlanningStore((s) => s.draft);
  const startDraft = usePlanningStore((s) => s.startDraft);
  if (!view) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {draft ? <DraftEditor view={view} draft={draft} /> : (
        <Button type="primary" block disabled={!canWrite} onClick={() => startDraft(newDraft())} data-testid="plan-new">{t('plan.new')}</Button>
      )}
      <PlanItemList />
    </Space>
  );
}
