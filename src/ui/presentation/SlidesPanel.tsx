/** The deck: add the current view as a slide (title, note), reorder, delete, present on one or two screens, export as HTML; two maps side by side; colours. */
import { useState } from 'react';
import { App as AntApp, Button, Input, List, Popconfirm, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePresentationStore } from '../../state/presentation';
import { useCapabilities } from '../../state/capabilities';
import { Guarded } from '../staff/Guarded';
import { addSlide, deleteSlide, moveSlide, updateSlide } from '../../state/slide-actions';
import { mapBridge } from '../../map/map-bridge';
import { openAudienceWindow, secondScreen } from './meeting-window';
import { SplitControls } from './SplitControls';
import { PaletteSwitch } from './PaletteSwitch';
import { ExportDeckButton } from './ExportDeckButton';

export function SlidesPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useAppStore((s) => s.canWrite);
  const capabilities = useCapabilities();
  const slides = usePresentationStore((s) => s.slides);
  const present = usePresentationStore((s) => s.present);
  const afterPlan = usePresentationStore((s) => s.afterPlan);
  const setAfterPlan = usePresentationStore((s) => s.setAfterPlan);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const run = (action: () => Promise<void>) => action().catch((e: Error) => message.error(t('plan.failed', { message: e.message })));
  const frame = () => mapBridge.main()?.size();
  const presentTwo = async () => {
    const w = await openAudienceWindow();
    if (!w) {
      message.warning(t('meeting.popupBlocked'));
      present(0);
      return;
    }
    present(0, 'presenter');
  };
  const extended = secondScreen();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="slides">
      <Space size={4}>
        <Switch size="small" checked={afterPlan} onChange={setAfterPlan} data-testid="after-plan" />
        <Typography.Text>{t('slides.afterPlan')}</Typography.Text>
      </Space>
      <SplitControls />
      <Space size={6}><Typography.Text>{t('meeting.palette.label')}</Typography.Text><PaletteSwitch /></Space>
      <Input size="small" placeholder={t('slides.title')} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="slide-title" />
      <Input.TextArea size="small" rows={2} placeholder={t('slides.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="slide-note" />
      <Guarded capability={capabilities.slides}><Button block disabled={!canWrite} onClick={() => void run(async () => {
        await addSlide(title.trim() || t('slides.untitled', { n: slides.length + 1 }), note, frame());
        setTitle('');
        setNote('');
      })} data-testid="slide-add">{t('slides.add')}</Button></Guarded>
      <Space.Compact block>
        <Button type="primary" style={{ flex: 1 }} disabled={slides.length === 0} onClick={() => present(0)} data-testid="slides-present">{t('slides.present')}</Button>
        <Button type={extended ? 'primary' : 'default'} style={{ flex: 1 }} disabled={slides.length === 0} onClick={() => void presentTwo()} data-testid="slides-present-two">{t('meeting.presentTwo')}</Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extended ? t('meeting.secondScreen') : t('meeting.oneScreen')}</Typography.Text>
      <ExportDeckButton />
      <List
        size="small"
        dataSource={slides}
        locale={{ emptyText: t('slides.empty') }}
        renderItem={(slide, k) => (
          <List.Item
            data-testid="slide-item"
            actions={[
              <Button key="up" size="small" type="text" disabled={k === 0} onClick={() => void run(() => moveSlide(slide, -1))}>↑</Button>,
              <Button key="down" size="small" type="text" disabled={k === slides.length - 1} onClick={() => void run(() => moveSlide(slide, 1))}>↓</Button>,
              <Button key="update" size="small" type="text" onClick={() => void run(() => updateSlide(slide, { recapture: true, frame: frame() }))}>{t('slides.recapture')}</Button>,
              <Popconfirm key="delete" title={t('plan.delete')} onConfirm={() => void run(() => deleteSlide(slide))}><Button size="small" type="text" danger>✕</Button></Popconfirm>,
            ]}
          >
            <List.Item.Meta title={<a onClick={() => present(k)}>{`${k + 1}. ${slide.title}`}</a>} description={slide.note} />
          </List.Item>
        )}
      />
    </Space>
  );
}
