/** Search and filters over the map's enterprises; the map, the figures and the lists all follow it. */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, Input, Select, Space, Switch, Tooltip, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { SIZE_BANDS, isEmptyFilter, keyCategoriesOf, type CampaignFilter } from '../../state/filter';
import { scopeSummary, useFilterMask } from '../../state/figures';
import { COVERAGE_CATEGORY_KEYS } from '../../core/coverage/category';
import type { PlanView } from '../../core/model/plan-view';
import { hitBbox, searchAll, useSearchStore, type SearchKind } from '../../state/search';

function areaTree(view: PlanView) {
  const districts = view.areaList.filter((a) => a.level === 'district');
  return districts.map((d) => ({
    value: d.id, title: d.name,
    children: view.areaList.filter((a) => a.level === 'street' && a.parent === d.id).map((s) => ({ value: s.id, title: s.name })),
  }));
}

export function FilterBar() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const filter = usePlanningStore((s) => s.filter);
  const setFilter = usePlanningStore((s) => s.setFilter);
  const resetFilter = usePlanningStore((s) => s.resetFilter);
  const followScreen = usePlanningStore((s) => s.followScreen);
  const setFollowScreen = usePlanningStore((s) => s.setFollowScreen);
  const mask = useFilterMask();
  const [text, setText] = useState(filter.text);
  const deferredText = useDeferredValue(text);
  const selectEnterprise = useAppStore((s) => s.selectEnterprise);
  const requestView = useAppStore((s) => s.requestView);
  const selectPlace = useSearchStore((s) => s.selectPlace);
  const choose = (key: string) => {
    if (!view) return;
    const [kind, at] = key.split(':');
    const hit = hits.find((h) => h.kind === kind && h.index === Number(at));
    if (!hit) return;
    setText(hit.name);
    const box = hitBbox(view, hit);
    if (hit.kind === 'enterprise') {
      selectPlace(null);
      selectEnterprise(hit.index);
    } else if (hit.kind === 'area') {
      selectPlace(null);
      setFilter({ areaId: view.areaList[hit.index].id });
    } else {
      selectEnterprise(null);
      selectPlace({ kind: hit.kind, index: hit.index });
    }
    if (box) requestView(box);
  };
  // A reset elsewhere clears the box too.
  useEffect(() => setText(filter.text), [filter.text]);
  const tree = useMemo(() => (view ? areaTree(view) : []), [view]);
  const keyCategories = useMemo(() => (view ? keyCategoriesOf(view) : []), [view]);
  const hits = useMemo(() => (view ? searchAll(view, deferredText) : []), [view, deferredText]);
  const options = useMemo(() => {
    const groups: SearchKind[] = ['area', 'zone', 'building', 'enterprise'];
    return groups.filter((g) => hits.some((h) => h.kind === g)).map((g) => ({
      label: t(`search.kinds.${g}`),
      options: hits.filter((h) => h.kind === g).map((h) => ({
        value: `${h.kind}:${h.index}`,
        label: (
          <div className="search-hit" data-testid="search-result" data-kind={h.kind}>
            <span className="search-hit-name">{h.name}</span>
            {h.detail ? <span className="search-hit-detail">{h.kind === 'zone' ? t(`zoneKind.${h.detail}`, { defaultValue: h.detail }) : h.kind === 'area' ? t(`search.levels.${h.detail}`) : h.detail}</span> : null}
          </div>
        ),
      })),
    }));
  }, [hits, t]);
  if (!view) return null;
  const total = view.enterprises.length;
  const shown = scopeSummary(view, mask).listed;
  const num = (n: number) => n.toLocaleString(i18n.language);
  const triState = (yes: string, no: string) => [{ value: 'any', label: t('filter.any') }, { value: 'yes', label: yes }, { value: 'no', label: no }];
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <Space wrap size={6}>
        {/* Typing lists the matches (enterprises, buildings, zones, areas): choosing one flies to it and opens it; Enter filters by the text. */}
        <AutoComplete
          options={options}
          value={text}
          onChange={(value: string) => { setText(value); if (value === '') setFilter({ text: '' }); }}
          onSelect={(key: string) => choose(key)}
          popupMatchSelectWidth={360}
          notFoundContent={text.trim() ? <span data-testid="search-empty">{t('search.none')}</span> : null}
          style={{ width: 260 }}
        >
          <Input.Search size="small" allowClear placeholder={t('filter.search')} data-testid="filter-search" onSearch={(value) => setFilter({ text: value })} />
        </AutoComplete>
        <TreeSelect
          size="small" allowClear showSearch treeNodeFilterProp="title" placeholder={t('filter.area')} style={{ width: 170 }} data-testid="filter-area"
          value={filter.areaId ?? undefined} treeData={tree} onChange={(v) => setFilter({ areaId: (v as string | undefined) ?? null })}
        />
        <Select
          size="small" mode="multiple" allowClear maxTagCount="responsive" placeholder={t('filter.industry')} style={{ width: 150 }}
          value={filter.industries} onChange={(industries) => setFilter({ industries })} options={view.industries.map((i) => ({ value: i, label: i }))}
        />
        <Select
          size="small" mode="multiple" allowClear maxTagCount="responsive" placeholder={t('filter.size')} style={{ width: 130 }}
          value={filter.sizes} onChange={(sizes) => setFilter({ sizes })} options={SIZE_BANDS.map((b) => ({ value: b, label: t(`filter.sizes.${b}`) }))}
        />
        <Select
          size="small" mode="multiple" allowClear maxTagCount="responsive" placeholder={t('filter.coverage')} style={{ width: 150 }} data-testid="filter-coverage"
          value={filter.categories} onChange={(categories) => setFilter({ categories })}
          options={COVERAGE_CATEGORY_KEYS.map((k, i) => ({ value: i, label: t(`coverage.${k}`) }))}
        />
        <Select
          size="small" style={{ minWidth: 112 }} popupMatchSelectWidth={false} value={filter.mustCover} onChange={(mustCover) => setFilter({ mustCover })} prefix={t('filter.mustCover')}
          options={triState(t('filter.yes'), t('filter.no'))}
        />
        <Select
          size="small" style={{ minWidth: 128 }} popupMatchSelectWidth={false} value={filter.operating} onChange={(operating) => setFilter({ operating })} prefix={t('filter.operating')}
          options={triState(t('filter.operatingYes'), t('filter.operatingNo'))}
        />
        <Select<CampaignFilter>
          size="small" style={{ minWidth: 120 }} popupMatchSelectWidth={false} value={filter.campaign ?? 'any'} onChange={(campaign) => setFilter({ campaign })} prefix={t('campaign.filter.label')}
          data-testid="filter-campaign" options={(['any', 'unlock', 'mass_org_no_party', 'pending_transfer'] as const).map((k) => ({ value: k, label: t(`campaign.filter.${k}`) }))}
        />
        {keyCategories.length > 0 ? (
          <Select
            size="small" mode="multiple" allowClear maxTagCount="responsive" placeholder={t('campaign.filter.key')} style={{ width: 130 }} data-testid="filter-key"
            value={filter.keyCategories ?? []} onChange={(keyCategoriesChosen: string[]) => setFilter({ keyCategories: keyCategoriesChosen })} options={keyCategories.map((k) => ({ value: k, label: k }))}
          />
        ) : null}
        <Tooltip title={t('filter.screen')}>
          <Space size={4}><Switch size="small" checked={followScreen} onChange={setFollowScreen} data-testid="filter-screen" /><span className="filter-label">{t('filter.screen')}</span></Space>
        </Tooltip>
        <Button size="small" disabled={isEmptyFilter(filter) && !followScreen} onClick={() => { resetFilter(); setFollowScreen(false); }}>{t('filter.reset')}</Button>
        <Typography.Text type="secondary" data-testid="filter-count">{t('filter.shown', { shown: num(shown), total: num(total) })}</Typography.Text>
      </Space>
    </div>
  );
}
