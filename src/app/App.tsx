/** Composition root: loads the plan in the worker, lays out map and panels. */
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, ConfigProvider, Layout, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { MapCanvas } from '../map/MapCanvas';
import { Legend } from '../ui/Legend';
import { DetailPanel } from '../ui/DetailPanel';
import { RecommendationList } from '../ui/RecommendationList';
import { BasemapSettings } from '../ui/BasemapSettings';
import { RuleSettings } from '../ui/RuleSettings';
import { ScenarioPanel } from '../ui/ScenarioPanel';
import { rememberLanguage, type Language } from '../ui/i18n';
import { readPageConfig } from './config';
import { StorageMenu } from '../ui/StorageMenu';
import { ImportDialog } from '../ui/ImportDialog';
import { ExportMenu } from '../ui/ExportMenu';
import { MapImageDialog } from '../ui/MapImageDialog';
import { BootScreen } from '../ui/BootScreen';
import { OverviewPanel } from '../ui/planning/OverviewPanel';
import { PlanPanel } from '../ui/planning/PlanPanel';
import { WorklistTab } from '../ui/planning/WorklistTab';
import { FilterBar } from '../ui/planning/FilterBar';
import { usePlanningStore } from '../state/planning';
import { prepareSearch } from '../state/filter';
import { BulletinPanel } from '../ui/bulletin/BulletinPanel';
import { FollowUpPanel } from '../ui/followup/FollowUpPanel';
import { SlidesPanel } from '../ui/presentation/SlidesPanel';
import { PresentationOverlay } from '../ui/presentation/PresentationOverlay';
import { SplitView } from '../map/split/SplitView';
import { usePresentationStore } from '../state/presentation';
import { AfterPlanBadge } from '../ui/AfterPlanBadge';
import { PlaceDetail } from '../ui/PlaceDetail';
import { useUrlView } from './url-view';
import { datasetDisplayName } from '../ui/names';
import { SignedInBadge } from '../ui/auth/SignedInBadge';
import { StaffPanelButton } from '../ui/staff/StaffPanel';

const DATASETS = ['hangzhou', 'linpu'];
// Shared mode (a Supabase project, as boot.ts decides): the data is the shared store, so there is no dataset to
// pick and no storage menu; the signed-in user and their scope stand at the right, beside the language.
const SHARED_STORE = Boolean(import.meta.env.VITE_SUPABASE_URL && import.meta.env.VITE_SUPABASE_ANON_KEY);

export function App() {
  const { t, i18n } = useTranslation();
  const status = useAppStore((s) => s.status);
  const error = useAppStore((s) => s.error);
  const view = useAppStore((s) => s.view);
  const config = readPageConfig(window.location.search);
  const [tab, setTab] = useState('overview');
  const drafting = usePlanningStore((s) => s.draft !== null);
  const presenting = usePresentationStore((s) => s.presenting);
  useUrlView();
  // The first search should not pay for preparing 67k search strings: do it while the page is idle.
  useEffect(() => {
    if (!view) return;
    const handle = setTimeout(() => prepareSearch(view), 1500);
    return () => clearTimeout(handle);
  }, [view]);
  // Starting or editing a plan item (from any tab) shows the plan tab.
  useEffect(() => {
    if (drafting) setTab('plan');
  }, [drafting]);

  const language = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  const switchLanguage = (next: Language) => {
    void i18n.changeLanguage(next);
    rememberLanguage(next);
    document.documentElement.lang = next;
    // A link carries the language it was made in.
    const params = new URLSearchParams(window.location.search);
    params.set('lang', next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params.toString()}${window.location.hash}`);
  };
  const switchDataset = (dataset: string) => {
    const params = new URLSearchParams(window.location.search);
    params.set('dataset', dataset);
    window.location.search = params.toString();
  };

  return (
    <ConfigProvider locale={language === 'en' ? enUSLocale : zhCNLocale} theme={{ token: { colorPrimary: '#b2182b' } }}>
      <AntApp>
      <Layout className={presenting ? 'app presenting' : 'app'}>
        <Layout.Header className="app-header">
          <Space size="middle">
            <Typography.Title level={4} className="app-title">{t('app.title')}</Typography.Title>
            <Typography.Text className="app-subtitle">{t('app.subtitle')}</Typography.Text>
            {view?.synthetic ? <Tag color="gold" title={view.notice ? datasetDisplayName(view.notice, language) : ''} data-testid="synthetic-tag">{t('app.synthetic')}</Tag> : null}
          </Space>
          <Space>
            {SHARED_STORE ? null : <Select size="small" value={config.dataset} onChange={switchDataset} options={DATASETS.map((d) => ({ value: d, label: t(`datasets.${d}`, { defaultValue: d }) }))} data-testid="dataset-select" aria-label={t('app.dataset')} />}
            <ImportDialog />
            <ExportMenu />
            <MapImageDialog />
            {SHARED_STORE ? null : <StorageMenu />}
            <RuleSettings />
            <ScenarioPanel />
            <BasemapSettings />
            <SignedInBadge />
            <StaffPanelButton />
            <Segmented size="small" value={language} onChange={(v) => switchLanguage(v as Language)} options={[{ value: 'zh-CN', label: t('language.zh') }, { value: 'en', label: t('language.en') }]} />
          </Space>
        </Layout.Header>
        <Layout className="app-body">
          <Layout.Sider width={440} theme="light" className="app-sider">
            {view ? (
              <Tabs
                size="small"
                tabBarGutter={10}
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'overview', label: t('tabs.overview'), children: <OverviewPanel /> },
                  { key: 'plan', label: <span data-testid="tab-plan">{t('tabs.plan')}</span>, children: <PlanPanel /> },
                  { key: 'worklist', label: <span data-testid="tab-worklist">{t('tabs.worklist')}</span>, children: <WorklistTab /> },
                  { key: 'followup', label: <span data-testid="tab-followup">{t('followup.tab')}</span>, children: <FollowUpPanel /> },
                  { key: 'recommendations', label: <span data-testid="tab-recommendations">{t('tabs.recommendations')}</span>, children: <RecommendationList /> },
                  { key: 'bulletin', label: <span data-testid="tab-bulletin">{t('tabs.bulletin')}</span>, children: <BulletinPanel /> },
                  { key: 'slides', label: <span data-testid="tab-slides">{t('tabs.slides')}</span>, children: <SlidesPanel /> },
                ]}
              />
            ) : null}
          </Layout.Sider>
          <Layout.Content className="app-content">
            {view ? <FilterBar /> : null}
            <div className="map-area">
              {status === 'loading' ? <BootScreen /> : null}
              {status === 'failed' ? <Alert type="error" showIcon title={t('app.loadFailed')} description={error} /> : null}
              {view ? <MapCanvas /> : null}
              {view ? <SplitView /> : null}
              {view ? <Legend /> : null}
              {view ? <AfterPlanBadge /> : null}
              <div data-testid="detail-slot"><DetailPanel /><PlaceDetail /></div>
              <PresentationOverlay />
            </div>
          </Layout.Content>
        </Layout>
      </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
