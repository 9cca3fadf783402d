/** Exports the current map view as a PNG of a chosen width, with title, legend, scale, north arrow, date and attribution. */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppStore, type ImageDecor } from '../state/store';
import { mapBridge } from '../map/map-bridge';
import { CATEGORY_COLORS, cssColor } from '../map/layers/palette';
import { COVERAGE_CATEGORY_KEYS } from '../core/coverage/category';
import type { PlanView } from '../core/model/plan-view';
import { download } from './download';
import { usePresentationStore } from '../state/presentation';
import { currentScopeName, datasetDisplayName, datasetPlace, exportFileName, withAside } from './names';

export function mapDecor(t: TFunction, view: PlanView, title: string, locale: string): ImageDecor {
  // An image of the after-plan forecast says so in its subtitle and legend: it is not the situation as it is.
  const after = usePresentationStore.getState().afterPlan;
  const name = datasetDisplayName(view.datasetName, locale);
  return {
    title,
    subtitle: [name, after ? t('slides.afterBadge') : null, new Date().toLocaleDateString(locale)].filter(Boolean).join(' · '),
    legendTitle: after ? withAside(t('legend.title'), t('slides.after')) : t('legend.title'),
    legend: COVERAGE_CATEGORY_KEYS.slice(0, 5).map((key, k) => ({ color: cssColor(CATEGORY_COLORS[k]), label: t(`coverage.${key}`) })),
    north: t('image.north'),
    attribution: t('image.attribution', { dataset: name, synthetic: view.synthetic ? t('app.synthetic') : '' }),
  };
}

export function MapImageDialog() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  const [open, setOpen] = useState(false);
  const [width, setWidth] = useState(3840);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  if (!view) return null;
  // Titled with the place it shows: the chosen area, else the dataset's place (临浦镇非公企业党组织覆盖图).
  const defaultTitle = t('image.placeTitle', { place: currentScopeName(view) ?? datasetPlace(view.datasetName, i18n.language) });
  const run = async () => {
    const map = mapBridge.main();
    if (!map) return;
    setBusy(true);
    try {
      const png = await map.image(width, mapDecor(t, view, title.trim() || defaultTitle, i18n.language));
      download(png, exportFileName(view, currentScopeName(view), t('files.map'), 'png'), 'image/png');
      setOpen(false);
    } catch (error) {
      message.error(t('plan.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="image-button">{t('image.button')}</Button>
      <Modal open={open} title={t('image.title')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" size="small">
          <Form.Item label={t('image.width')}><InputNumber min={1024} max={8192} step={640} value={width} onChange={(v) => setWidth(v ?? 3840)} style={{ width: 160 }} data-testid="image-width" /></Form.Item>
          <Form.Item label={t('image.heading')}><Input value={title} placeholder={defaultTitle} onChange={(e) => setTitle(e.target.value)} /></Form.Item>
          <Button type="primary" loading={busy} onClick={() => void run()} data-testid="image-export">{t('image.export')}</Button>
        </Form>
      </Modal>
    </>
  );
}
