/** The 督办 tab: per person and per area (with each area's leader), new registrations, inspection notes, the weekly meeting sheet. */
import { useState } from 'react';
import { Collapse, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { AreaRollup, OwnerRollup } from './RollupTables';
import { InspectionNotes } from './InspectionNotes';
import { NewRegistrations } from './NewRegistrations';
import { WeeklySheet } from './WeeklySheet';

type Part = 'owners' | 'areas' | 'registrations' | 'notes';

export function FollowUpPanel() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const [part, setPart] = useState<Part>('owners');
  if (!view) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="followup">
      <Segmented size="small" value={part} onChange={(v) => setPart(v as Part)} data-testid="followup-part"
        options={(['owners', 'areas', 'registrations', 'notes'] as const).map((p) => ({ value: p, label: <span data-testid={`followup-${p}`}>{t(`followup.view.${p}`)}</span> }))} />
      {part === 'owners' ? <OwnerRollup /> : null}
      {part === 'areas' ? <AreaRollup /> : null}
      {part === 'registrations' ? <NewRegistrations /> : null}
      {part === 'notes' ? <InspectionNotes /> : null}
      <Collapse size="small" items={[{ key: 'weekly', label: t('followup.weekly.title'), children: <WeeklySheet /> }]} data-testid="weekly-collapse" />
    </Space>
  );
}
