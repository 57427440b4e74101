import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useLang } from '../../../citizen/src/i18n.tsx';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * One ECharts chart, drawn as SVG (sharp when printed) and redrawn when its option changes. For a
 * screen reader the chart is an image (`role="img"`) named by `title` and described, in the page's
 * language, by ECharts' own aria component: the series and their figures.
 */
export function Chart({
  option,
  testId,
  title,
}: {
  option: echarts.EChartsCoreOption;
  testId: string;
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { lang } = useLang();
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, {
      renderer: 'svg',
      locale: lang === 'zh' ? 'ZH' : 'EN',
    });
    chart.setOption({
      ...option,
      aria: { enabled: true, label: { general: { withoutTitle: `${title}${lang === 'zh' ? '。' : '. '}` } } },
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, title, lang]);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height: 280 }} />;
}
