/** Chooses the basemap: the offline one, an XYZ raster URL (e.g. 天地图 with a key) or a PMTiles file. */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore, type Basemap } from '../state/store';

export function BasemapSettings() {
  const { t } = useTranslation();
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Basemap['kind']>(basemap.kind);
  const [url, setUrl] = useState(basemap.kind === 'offline' ? '' : basemap.url);
  const apply = () => {
    setBasemap(kind === 'offline' || url.trim() === '' ? { kind: 'offline' } : { kind, url: url.trim() });
    setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="basemap-button">{t('settings.title')}</Button>
      <Modal open={open} title={t('settings.title')} onOk={apply} onCancel={() => setOpen(false)} okText={t('settings.apply')} cancelText={t('settings.cancel')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)}>
            <Radio value="offline">{t('settings.offline')}</Radio>
            <Radio value="xyz">{t('settings.xyz')}</Radio>
            <Radio value="pmtiles">{t('settings.pmtiles')}</Radio>
          </Radio.Group>
          {kind !== 'offline' ? (
            <Input
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder={kind === 'xyz' ? 'https://t0.tianditu.gov.cn/img_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY' : '/tiles/hangzhou.pmtiles'}
              addonBefore={t('settings.url')}
            />
          ) : null}
          <Alert type="warning" showIcon title={t('settings.gcjWarning')} />
        </Space>
      </Modal>
    </>
  );
}
