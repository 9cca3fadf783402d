/**
 * 组建率 over all snapshots for the chosen areas: ECharts (tree-shaken: line chart, canvas renderer),
 * loaded when a chart is first shown — it is a fifth of the page's JavaScript, and start-up does not need it.
 */
import { useEffect, useRef, useState } from 'react';
import type { ECharts } from 'echarts/core';
import { formatPercent } from '../format';

type EchartsCore = typeof import('echarts/core');
let echartsLoaded: Promise<EchartsCore> | null = null;
function loadEcharts(): Promise<EchartsCore> {
  echartsLoaded ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
    ([core, charts, components, renderers]) => {
      core.use([charts.LineChart, components.GridComponent, components.LegendComponent, components.TooltipComponent, renderers.CanvasRenderer]);
      return core;
    },
  );
  return echartsLoaded;
}

export interface TrendSeries {
  name: string;
  points: { date: string; rate: number }[];
}

/** Hands out a PNG data URL of the chart as drawn (for the printed bulletin). */
export type ChartImage = () => string | null;

export function TrendChart({ series, dates, height = 220, imageRef }: { series: TrendSeries[]; dates: string[]; height?: number; imageRef?: { current: ChartImage | null } }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [echarts, setEcharts] = useState<EchartsCore | null>(null);
  useEffect(() => {
    let live = true;
    void loadEcharts().then((core) => live && setEcharts(core));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!element.current || !echarts) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
    if (imageRef) imageRef.current = () => chart.current?.getDataURL({ type: 'png', pixelRatio: 3, backgroundColor: '#fff' }) ?? null;
    // The chart follows its box, not only the window: drawn while its tab was hidden or before the
    // table beside it settled, it kept the width it was born with (≈ 90 px in English).
    const resize = () => chart.current?.resize();
    const observer = new ResizeObserver(() => resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [imageRef, echarts]);
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v / 100) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 44, right: 12, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, scale: true },
      series: series.map((s) => {
        const byDate = new Map(s.points.map((p) => [p.date, p.rate * 100]));
        return { name: s.name, type: 'line', data: dates.map((d) => byDate.get(d) ?? null), connectNulls: true, symbolSize: 6 };
      }),
    }, true);
  }, [series, dates, echarts]);
  return <div ref={element} style={{ width: '100%', height }} data-testid="trend-chart" />;
}
