/** Where the data lives: the embedded store (persisted or not, export, restore) or Supabase. */
import { useRef } from 'react';
import { App as AntApp, Button, Dropdown, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { download } from './download';
import { useAppStore } from '../state/store';
import { exportStore as exportDump, restoreStore as restoreDump } from '../state/storage-actions';
import { HiddenFileInput } from './HiddenFileInput';

export function StorageMenu() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const storage = useAppStore((s) => s.storage);
  const local = useAppStore((s) => s.storeBackup);
  const pendingWrites = useAppStore((s) => s.pendingWrites);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!storage) return null;
  const persistedLabel = storage.persisted === null ? t('storage.persistUnknown') : storage.persisted ? t('storage.persisted') : t('storage.notPersisted');

  const exportStore = async () => {
    if (!local) return;
    let dump: Blob;
    try {
      dump = await exportDump();
    } catch (error) {
      // e.g. another tab holding the database closed a moment ago: the next try goes to the new leader.
      message.error(t('storage.failed', { message: (error as Error).message }));
      return;
    }
    download(dump, `lianjian-${new Date().toISOString().slice(0, 10)}.tar.gz`, 'application/gzip');
    message.success(t('storage.exported', { size: (dump.size / 1024 / 1024).toFixed(1) }));
  };
  const restoreStore = async (file: File) => {
    if (!local) return;
    try {
      await restoreDump(file);
      message.success(t('storage.restored'));
    } catch (error) {
      message.error(t('storage.failed', { message: (error as Error).message }));
    }
  };

  return (
    <>
      {pendingWrites > 0 ? <Tag color="processing" data-testid="saving" title={t('storage.savingHint')}>{t('storage.saving')}</Tag> : null}
      {storage.opening ? <Tag color="processing" className="storage-opening" data-testid="storage-opening" title={t('storage.openingHint')}>{t('storage.opening')}</Tag> : null}
      <Tag color={storage.kind === 'supabase' ? 'blue' : storage.persisted ? 'green' : 'orange'} data-testid="storage-tag" title={persistedLabel}>
        {storage.kind === 'supabase' ? 'Supabase' : `${t('storage.local')} · ${storage.persisted === false ? t('storage.notPersistedShort') : persistedLabel}`}
      </Tag>
      {local ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'export', label: t('storage.export'), onClick: () => void exportStore() },
              { key: 'restore', label: t('storage.restore'), onClick: () => fileInput.current?.click() },
            ],
          }}
        >
          <Button size="small" data-testid="storage-menu">{t('storage.menu')}</Button>
        </Dropdown>
      ) : null}
      <HiddenFileInput inputRef={fileInput} accept=".gz,.tgz,.tar.gz" testId="restore-input" onFile={(file) => void restoreStore(file)} />
    </>
  );
}
