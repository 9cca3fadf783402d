/** Search and filters over the map's enterprises; the map, the figures and the lists all follow it. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Select, Space, Switch, Tooltip, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { SIZE_BANDS, isEmptyFilter } from '../../state/filter';
import { scopeSummary, useFilterMask } from '../../state/figures';
import { COVERAGE_CATEGORY_KEYS } from '../../core/coverage/category';
import type { PlanView } from '../../core/model/plan-view';

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
  // A reset elsewhere clears the box too.
  useEffect(() => setText(filter.text), [filter.text]);
  const tree = useMemo(() => (view ? areaTree(view) : []), [view]);
  if (!view) return null;
  const total = view.enterprises.length;
  const shown = scopeSummary(view, mask).listed;
  const num = (n: number) => n.toLocaleString(i18n.language);
  const triState = (yes: string, no: string) => [{ value: 'any', label: t('filter.any') }, { value: 'yes', label: yes }, { value: 'no', label: no }];
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <Space wrap size={6}>
        <Input.Search
          size="small" allowClear placeholder={t('filter.search')} style={{ width: 230 }} data-testid="filter-search"
          value={text} onChange={(e) => { setText(e.target.value); if (e.target.value === '') setFilter({ text: '' }); }} onSearch={(value) => setFilter({ text: value })}
        />
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
          size="small" style={{ width: 112 }} value={filter.mustCover} onChange={(mustCover) => setFilter({ mustCover })} prefix={t('filter.mustCover')}
          options={triState(t('filter.yes'), t('filter.no'))}
        />
        <Select
          size="small" style={{ width: 128 }} value={filter.operating} onChange={(operating) => setFilter({ operating })} prefix={t('filter.operating')}
          options={triState(t('filter.operatingYes'), t('filter.operatingNo'))}
        />
        <Tooltip title={t('filter.screen')}>
          <Space size={4}><Switch size="small" checked={followScreen} onChange={setFollowScreen} data-testid="filter-screen" /><span className="filter-label">{t('filter.screen')}</span></Space>
        </Tooltip>
        <Button size="small" disabled={isEmptyFilter(filter) && !followScreen} onClick={() => { resetFilter(); setFollowScreen(false); }}>{t('filter.reset')}</Button>
        <Typography.Text type="secondary" data-testid="filter-count">{t('filter.shown', { shown: num(shown), total: num(total) })}</Typography.Text>
      </Space>
    </div>
  );
}
