/**
 * Import an enterprise register (CSV in any usual encoding, or XLSX): read and checked in a worker
 * with progress and cancel, previewed with every row-level problem, columns mapped where needed,
 * then committed all or nothing (state/import-actions.ts). Re-importing upserts by credit code.
 */
import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Modal, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { PlaceImport } from './PlaceImport';
import { HiddenFileInput } from './HiddenFileInput';
import { useTranslation } from 'react-i18next';
import type { Crs, Enterprise } from '../core/model/types';
import { columnLabel, problemMessage, problemName } from './import-labels';
import { joinMessages, statusLabel } from './names';
import { ENTERPRISE_COLUMNS, type EnterpriseColumn } from '../core/io/columns';
import type { Problem } from '../core/io/problems';
import type { RowResult } from '../core/model/records';
import { useAppStore } from '../state/store';
import { importRegister } from '../state/import-actions';
import { startImport, type RunningImport } from '../worker/import-client';
import type { ImportPreview } from '../worker/import-protocol';

const PREVIEW_ROWS = 10;
type Stage = 'choose' | 'reading' | 'preview' | 'committing';

export function ImportDialog() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useAppStore((s) => s.canWrite);
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>('choose');
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, EnterpriseColumn | null>>({});
  const [rejected, setRejected] = useState<RowResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [what, setWhat] = useState<'enterprises' | 'places'>('enterprises');
  const [firstRows, setFirstRows] = useState<Enterprise[]>([]);
  const [fullRegister, setFullRegister] = useState(false);
  const file = useRef<File | null>(null);
  const running = useRef<RunningImport | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    running.current?.cancel();
    running.current = null;
    setStage('choose');
    setPreview(null);
    setFirstRows([]);
    setRejected([]);
    setError(null);
    setMapping({});
    setProgress(0);
  };

  const read = (nextMapping: Record<string, EnterpriseColumn | null>) => {
    if (!file.current) return;
    running.current?.cancel();
    setStage('reading');
    setError(null);
    setProgress(0);
    running.current = startImport(file.current, { crs, mapping: nextMapping }, (done, total) => setProgress(Math.round((done / total) * 100)));
    running.current.result.then(
      (result) => {
        setPreview(result);
        setStage('preview');
        // The first rows as they will be stored, beside their problems.
        const source = running.current;
        source?.rows(0, PREVIEW_ROWS).then((rows) => { if (running.current === source) setFirstRows(rows); }, () => setFirstRows([]));
      },
      (e: Error) => {
        setStage('choose');
        if (e.message !== 'cancelled') setError(e.message);
      },
    );
  };

  const commit = async () => {
    if (!preview || !useAppStore.getState().canWrite) return;
    setStage('committing');
    setProgress(0);
    const source = running.current;
    if (!source) return;
    const total = preview.rowCount;
    try {
      // All or nothing: every chunk is checked (nothing kept) before any is written, as one register import run (源头登记).
      const result = await importRegister(source, total, fullRegister, setProgress);
      if (!('summary' in result)) {
        setRejected(result.rejected);
        setStage('preview');
        return;
      }
      const found = result.summary;
      message.success(`${t('import.committed', { count: total })} ${t('followup.import.summary', { new: found.newCount, left: found.leftCount })}`);
      setOpen(false);
      reset();
    } catch (e) {
      setError((e as Error).message);
      setStage('preview');
    }
  };

  const counts = Object.entries(preview?.problemCounts ?? {});
  const badCodes = new Map((preview?.problems ?? []).filter((p) => p.code === 'credit_code_check' || p.code === 'credit_code_format').map((p) => [p.row, p.code]));

  return (
    <>
      <Button size="small" disabled={!canWrite} onClick={() => setOpen(true)} data-testid="import-button">{t('import.button')}</Button>
      <Modal
        open={open}
        width={960}
        title={t('import.title')}
        onCancel={() => {
          setOpen(false);
          reset();
        }}
        footer={null}
        destroyOnHidden
      >
        <Segmented
          value={what}
          onChange={(v) => setWhat(v as 'enterprises' | 'places')}
          options={[{ value: 'enterprises', label: t('import.enterprises') }, { value: 'places', label: t('import.places') }]}
          style={{ marginBottom: 12 }}
          data-testid="import-what"
        />
        {what === 'places' ? <PlaceImport onDone={() => setOpen(false)} /> : null}
        <Space orientation="vertical" style={{ width: '100%', display: what === 'enterprises' ? undefined : 'none' }} data-testid="import-dialog">
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {stage === 'choose' ? (
            <Space>
              <Select<Crs>
                value={crs}
                onChange={setCrs}
                style={{ width: 220 }}
                options={[{ value: 'wgs84', label: 'WGS-84' }, { value: 'gcj02', label: t('import.gcj02') }, { value: 'bd09', label: t('import.bd09') }]}
                aria-label={t('import.crs')}
              />
              <Button type="primary" onClick={() => input.current?.click()} data-testid="import-choose">{t('import.choose')}</Button>
              <HiddenFileInput
                inputRef={input}
                accept=".csv,.txt,.xlsx"
                testId="import-file"
                onFile={(chosen) => {
                  file.current = chosen;
                  read({});
                }}
              />
            </Space>
          ) : null}
          {stage === 'reading' || stage === 'committing' ? (
            <Space>
              <Progress percent={progress} style={{ width: 480 }} />
              {stage === 'reading' ? <Button onClick={reset} data-testid="import-cancel">{t('import.cancel')}</Button> : null}
            </Space>
          ) : null}
          {stage === 'preview' && preview ? (
            <>
              <Typography.Text data-testid="import-summary">
                {t('import.summary', { rows: preview.rowCount, problems: preview.problemCount, format: preview.format.toUpperCase(), encoding: preview.encoding ?? '—', header: preview.headerRow })}
              </Typography.Text>
              <Space wrap>{counts.map(([code, n]) => <Tag key={code} color="orange" data-testid="import-problem-tag">{`${problemName(t, code)} × ${n}`}</Tag>)}</Space>
              {preview.unmappedHeaders.length > 0 ? (
                <Space wrap>
                  <Typography.Text>{t('import.mapping')}</Typography.Text>
                  {preview.unmappedHeaders.map((h) => (
                    <Select<EnterpriseColumn | 'keep'>
                      key={h}
                      size="small"
                      style={{ width: 240 }}
                      value={mapping[h] ?? 'keep'}
                      onChange={(v) => setMapping({ ...mapping, [h]: v === 'keep' ? null : v })}
                      options={[{ value: 'keep', label: `${h} → ${t('import.keepExtra')}` }, ...ENTERPRISE_COLUMNS.map((c) => ({ value: c, label: `${h} → ${columnLabel(t, c)}` }))]}
                    />
                  ))}
                  <Button size="small" onClick={() => read(mapping)}>{t('import.reread')}</Button>
                </Space>
              ) : null}
              {rejected.length > 0 ? (
                <Alert type="error" showIcon data-testid="import-rejected" title={t('import.rejected', { count: rejected.length })} description={joinMessages(rejected.slice(0, 10).map((r) => `${r.rowNo}: ${r.message}`))} />
              ) : null}
              <Typography.Text strong>{t('import.firstRows', { count: Math.min(PREVIEW_ROWS, preview.rowCount) })}</Typography.Text>
              <Table<Enterprise>
                size="small"
                data-testid="import-rows"
                rowKey={(e) => `${e.row}:${e.id}`}
                dataSource={firstRows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 56 },
                  { title: columnLabel(t, 'name'), dataIndex: 'name', width: 200, ellipsis: true },
                  {
                    title: columnLabel(t, 'credit_code'), key: 'credit', width: 210,
                    render: (_: unknown, e) => {
                      const bad = badCodes.get(e.row);
                      return <span>{e.creditCode || '—'}{bad ? <Tag color="orange" className="inline-warning" data-testid="import-row-warning">{problemName(t, bad)}</Tag> : null}</span>;
                    },
                  },
                  { title: columnLabel(t, 'district'), dataIndex: 'district', width: 80 },
                  { title: columnLabel(t, 'street'), dataIndex: 'street', width: 80 },
                  { title: columnLabel(t, 'lon'), dataIndex: 'lon', width: 90, render: (v: number | null) => (v === null ? '—' : v.toFixed(5)) },
                  { title: columnLabel(t, 'lat'), dataIndex: 'lat', width: 90, render: (v: number | null) => (v === null ? '—' : v.toFixed(5)) },
                  { title: columnLabel(t, 'employees'), dataIndex: 'employees', width: 72, render: (v: number | null) => v ?? '—' },
                  { title: columnLabel(t, 'party_members'), dataIndex: 'partyMembers', width: 72, render: (v: number | null) => v ?? '—' },
                  { title: columnLabel(t, 'probationary_members'), dataIndex: 'probationaryMembers', width: 72, render: (v: number | null) => v ?? '—' },
                  { title: columnLabel(t, 'industry'), dataIndex: 'industry', width: 90 },
                  { title: columnLabel(t, 'status'), dataIndex: 'status', width: 72, render: (v: string) => (v ? statusLabel(t, v) : '—') },
                ]}
              />
              <Typography.Text strong>{t('import.problems', { count: preview.problemCount })}</Typography.Text>
              <Table<Problem>
                size="small"
                data-testid="import-problems"
                rowKey={(p) => `${p.row}:${p.column}:${p.code}`}
                dataSource={preview.problems}
                pagination={{ pageSize: 8, size: 'small' }}
                locale={{ emptyText: t('import.noProblems') }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 70 },
                  { title: t('import.column'), dataIndex: 'column', width: 130, render: (c: string) => columnLabel(t, c) },
                  { title: t('import.value'), dataIndex: 'value', width: 180, ellipsis: true },
                  { title: t('import.code'), dataIndex: 'code', width: 170, render: (code: string, p) => <Tag color={p.severity === 'error' ? 'red' : 'orange'}>{problemName(t, code)}</Tag> },
                  { title: t('import.message'), key: 'message', render: (_: unknown, p) => <span data-testid="import-problem-message">{problemMessage(t, i18n.language, p)}</span> },
                ]}
              />
              <Checkbox checked={fullRegister} onChange={(e) => setFullRegister(e.target.checked)} data-testid="import-full-register">{t('followup.import.fullRegister')}</Checkbox>
              <Space>
                <Button type="primary" onClick={() => void commit()} data-testid="import-commit">{t('import.commit', { count: preview.rowCount })}</Button>
                <Button onClick={reset}>{t('import.again')}</Button>
              </Space>
            </>
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
