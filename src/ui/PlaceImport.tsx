/**
 * Import buildings, zones or areas from GeoJSON: every bad feature is reported (self-intersection,
 * unclosed ring — closed automatically —, wrong geometry type, truncated file) and the good ones are
 * written; the database refuses geometry that is still invalid, feature by feature.
 */
import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { problemMessage, problemName } from './import-labels';
import { useTranslation } from 'react-i18next';
import { parseAreas, parseBuildings, parseZones } from '../core/io/geojson';
import type { Problem } from '../core/io/problems';
import type { Area, Building, Zone } from '../core/model/types';
import type { RowResult } from '../core/model/records';
import { decodeText } from '../core/io/text';
import { readShapefileZip } from '../core/io/shapefile';
import { useAppStore } from '../state/store';
import { importPlaces, type PlaceImport as PlacesToImport } from '../state/import-actions';
import { useCapabilities } from '../state/capabilities';
import { Guarded } from './staff/Guarded';
import { HiddenFileInput } from './HiddenFileInput';
import { joinMessages } from './names';

type PlaceKind = 'buildings' | 'zones' | 'areas';
type Parsed = { kind: PlaceKind; places: Array<Building | Zone | Area>; problems: Problem[] };

function parsePlaces(kind: PlaceKind, text: string, name: string): Parsed {
  if (kind === 'buildings') {
    const r = parseBuildings(text, name);
    return { kind, places: r.buildings, problems: r.problems };
  }
  if (kind === 'zones') {
    const r = parseZones(text, name);
    return { kind, places: r.zones, problems: r.problems };
  }
  const r = parseAreas(text, name);
  return { kind, places: r.areas, problems: r.problems };
}

export function PlaceImport({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<PlaceKind>('buildings');
  const capabilities = useCapabilities();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [rejected, setRejected] = useState<RowResult[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const commit = async () => {
    if (!parsed || !useAppStore.getState().canWrite) return;
    setBusy(true);
    try {
      const results = await importPlaces({ kind: parsed.kind, places: parsed.places } as PlacesToImport);
      const bad = results.filter((r) => r.action === 'rejected');
      setRejected(bad);
      message.success(t('import.placesWritten', { count: results.length - bad.length, rejected: bad.length }));
      if (bad.length === 0) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="place-import">
      <Space>
        <Select<PlaceKind>
          value={kind}
          onChange={(k) => {
            setKind(k);
            setParsed(null);
          }}
          style={{ width: 200 }}
          options={[{ value: 'buildings', label: t('legend.buildings') }, { value: 'zones', label: t('legend.zones') }, { value: 'areas', label: t('legend.areas') }]}
        />
        <Button onClick={() => input.current?.click()} data-testid="place-choose">{t('import.chooseGeojson')}</Button>
        <HiddenFileInput
          inputRef={input}
          accept=".geojson,.json,.zip"
          testId="place-file"
          onFile={async (chosen) => {
            setRejected([]);
            const bytes = await chosen.arrayBuffer();
            if (!chosen.name.toLowerCase().endsWith('.zip')) {
              setParsed(parsePlaces(kind, decodeText(new Uint8Array(bytes)).text, chosen.name));
              return;
            }
            const read = await readShapefileZip(bytes, chosen.name);
            setParsed(read.text === null ? { kind, places: [], problems: read.problems } : parsePlaces(kind, read.text, chosen.name));
          }}
        />
      </Space>
      {parsed ? (
        <>
          <Typography.Text data-testid="place-summary">{t('import.placesSummary', { count: parsed.places.length, problems: parsed.problems.length })}</Typography.Text>
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.row}:${p.code}`}
            dataSource={parsed.problems}
            pagination={{ pageSize: 6, size: 'small' }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70 },
              { title: t('import.value'), dataIndex: 'value', width: 140 },
              { title: t('import.code'), dataIndex: 'code', width: 160, render: (code: string, p) => <Tag color={p.severity === 'error' ? 'red' : 'orange'}>{problemName(t, code)}</Tag> },
              { title: t('import.message'), key: 'message', render: (_: unknown, p) => problemMessage(t, i18n.language, p) },
            ]}
          />
          {rejected.length > 0 ? <Alert type="warning" showIcon data-testid="place-rejected" title={joinMessages(rejected.map((r) => `${r.id ?? r.rowNo}: ${r.message}`))} /> : null}
          <Guarded capability={parsed.kind === 'areas' ? capabilities.areas : capabilities.places}>
            <Button type="primary" loading={busy} disabled={parsed.places.length === 0} onClick={() => void commit()} data-testid="place-commit">
              {t('import.placesCommit', { count: parsed.places.length })}
            </Button>
          </Guarded>
        </>
      ) : null}
    </Space>
  );
}
