import { Button, Card, Table } from 'antd';
import { formatTime } from '../../../citizen/src/hooks.ts';
import { useT, type Bilingual } from '../../../citizen/src/i18n.tsx';
import { download } from './download.ts';
import type { Cell, DashboardTable } from './types.ts';

/**
 * One dashboard table under its title, with its CSV (the server's, in the language on screen).
 * `empty` says in words why a table has no rows, so an empty table is never a riddle.
 */
export function DataTable({
  region,
  regionName,
  table,
  empty,
  pageSize = 10,
  query = '',
}: {
  region: string;
  /** The file is named in words: the region and the table's title. */
  regionName: string;
  table: DashboardTable;
  empty: Bilingual;
  pageSize?: number;
  /** The dashboard's period, as query parameters, for the CSV. */
  query?: string;
}) {
  const t = useT();
  const lang = t('zh', 'en');
  // A column of hours with any fraction shows every figure to one decimal, so they line up.
  const fractional = (key: string) =>
    table.rows.some((r) => typeof r[key] === 'number' && !Number.isInteger(r[key]));
  const view = (c: Cell | undefined, key: string, kind?: string) => {
    if (kind === 'time' && typeof c === 'string') return formatTime(c);
    if (kind === 'percent' && typeof c === 'number') return `${(c * 100).toFixed(1)}%`;
    if (typeof c === 'number') return fractional(key) ? c.toFixed(1) : String(c);
    return c && typeof c === 'object' ? t(c) : String(c ?? '');
  };
  // Figures line up on the right; a column counts as figures when its cells are numbers.
  const numeric = (key: string, kind?: string) =>
    kind === 'percent' || table.rows.some((r) => typeof r[key] === 'number');
  return (
    <Card
      size="small"
      title={`${t(table.title)}${table.rows.length ? `（${table.rows.length}）` : ''}`}
      data-testid={`table-${table.id}`}
      extra={
        <Button
          size="small"
          data-testid={`csv-${table.id}`}
          onClick={() =>
            void download(
              `/api/supervision/regions/${region}/tables/${table.id}.csv?lang=${lang}${query ? `&${query}` : ''}`,
              `${regionName}-${t(table.title)}.csv`,
            )
          }
        >
          {t('导出表格', 'Export CSV')}
        </Button>
      }
    >
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={table.rows}
        locale={{ emptyText: t(empty) }}
        pagination={{ pageSize, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={table.columns.map((c) => ({
          title: t(c.label),
          key: c.key,
          align: numeric(c.key, c.kind) ? ('right' as const) : undefined,
          render: (_: unknown, r: Record<string, Cell>) => view(r[c.key], c.key, c.kind),
        }))}
      />
    </Card>
  );
}
