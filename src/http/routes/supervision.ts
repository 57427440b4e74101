import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { RegionId } from '../../domain/ids.ts';
import type { AppDeps } from '../app.ts';
import { Dashboard, OverdueItems, Overview, SupervisorMe } from '../../contract/supervision.ts';
import { csvAnswer, pdfAnswer, SECURITY } from '../openapi.ts';

/**
 * 办件监察: what a supervisor of a region sees — the dashboard (compliance, durations, supplement
 * loops, ratings, due-soon and overdue work), each of its tables as CSV, and the monthly report.
 * Every route with a region is checked against the supervisor's regions before anything is read.
 */
const tags = ['supervision'];
const Params = z.strictObject({ region: RegionId });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const PeriodQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
const TableParams = z.strictObject({ region: RegionId, table: z.string().regex(/^[a-z-]{1,40}$/) });

/** `filename*` (RFC 5987) so a browser keeps the name as it is. */
const attachment = (name: string) =>
  `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A supervisor sees only their own regions; another region is reported as not found. */
export const requireSupervisorRegion = (deps: AppDeps) => async (req: FastifyRequest) => {
  const me = await deps.identity.supervisorFrom(req.headers.authorization);
  const region = (req.params as { region?: RegionId }).region;
  if (region !== undefined && !me.regions.includes(region)) {
    throw fieldError('NOT_FOUND', 'region', {
      zh: `地区：无权查看 ${region}`,
      en: `Region: ${region} is not among your regions`,
    });
  }
};

export const supervisionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { supervisor } = deps.engine;
    app.addHook('preHandler', requireSupervisorRegion(deps));

    app.get(
      '/me',
      {
        schema: {
          operationId: 'getSupervisorMe',
          security: SECURITY.supervisor,
          response: { 200: SupervisorMe },
          summary: 'The regions this supervisor may read',
          tags,
        },
      },
      async (req) => deps.identity.supervisorFrom(req.headers.authorization),
    );

    app.get(
      '/regions/:region/overview',
      {
        schema: {
          operationId: 'getRegionOverview',
          security: SECURITY.supervisor,
          response: { 200: Overview },
          summary: 'Cases and items by status, SLA compliance, overdue counts and ratings per item',
          tags,
          params: Params,
        },
      },
      async (req) => supervisor.overview(req.params.region),
    );

    app.get(
      '/regions/:region/overdue',
      {
        schema: {
          operationId: 'listOverdueItems',
          security: SECURITY.supervisor,
          response: { 200: OverdueItems },
          summary: 'Open items past their deadline, oldest first',
          tags,
          params: Params,
        },
      },
      async (req) => supervisor.overdue(req.params.region),
    );

    app.get(
      '/regions/:region/dashboard',
      {
        schema: {
          operationId: 'getDashboard',
          security: SECURITY.supervisor,
          response: { 200: Dashboard },
          summary:
            'Every dashboard table (labelled columns and values): compliance by department, item, organisation and week; throughput; working-time durations; supplement loops; ratings beside lateness; due-soon and overdue work; follow-ups of poor ratings — and the deadline each is measured against',
          tags,
          params: Params,
          querystring: PeriodQuery,
        },
      },
      async (req) => supervisor.dashboard(req.params.region, req.query),
    );

    app.get(
      '/regions/:region/tables/:table.csv',
      {
        schema: {
          operationId: 'getDashboardTableCsv',
          security: SECURITY.supervisor,
          response: { 200: csvAnswer('The table as CSV, UTF-8 with a byte-order mark') },
          summary: 'One dashboard table as CSV (UTF-8 with a byte-order mark, for Excel)',
          tags,
          params: TableParams,
          querystring: PeriodQuery.extend({ lang: z.enum(['zh', 'en']).optional() }),
        },
      },
      async (req, reply) => {
        const { lang, ...period } = req.query;
        const { filename, csv } = await supervisor.csv(req.params.region, req.params.table, period, lang);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(filename))
          .send(csv);
      },
    );

    app.get(
      '/regions/:region/reports/:month.pdf',
      {
        schema: {
          operationId: 'getMonthlyReportPdf',
          security: SECURITY.supervisor,
          response: { 200: pdfAnswer('The monthly report') },
          summary: 'The monthly supervision report of a region as a printable PDF, with its charts',
          tags,
          params: z.strictObject({ region: RegionId, month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM') }),
        },
      },
      async (req, reply) => {
        const { filename, pdf } = await supervisor.monthlyReport(req.params.region, req.params.month);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(filename).replace('attachment', 'inline'))
          .send(pdf);
      },
    );
  };
