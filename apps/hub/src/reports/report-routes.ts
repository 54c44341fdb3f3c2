import { ErrorCode, reportExportQuerySchema, reportQuerySchema, type CenterConfig, type ReportQuery, type ReportResponse } from '@layso/shared';
import { toCsv } from './csv.js';
import type { ReportRequest } from './report-engine.js';
import { exportFileName, reportTable } from './report-table.js';
import { toXlsx } from './xlsx.js';
import { DomainError } from '../queue/domain-error.js';
import { route, type Route } from '../http/router.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReportRouteDeps {
  /** Runs a report off the hub's thread (the report worker). */
  reports: { report(request: ReportRequest): Promise<ReportResponse> };
  config(): CenterConfig;
}

/** GET /api/admin/reports (JSON for the admin console's tables and charts) and its CSV/XLSX export. */
export function buildReportRoutes(deps: ReportRouteDeps): Route[] {
  const run = async (query: ReportQuery): Promise<ReportResponse> => {
    const config = deps.config();
    try {
      return await deps.reports.report({
        from: query.from,
        to: query.to,
        groupBy: query.groupBy,
        serviceLevelMin: query.serviceLevelMin ?? config.reports.serviceLevelMin,
        sameTargetForAll: query.serviceLevelMin !== undefined,
        config,
      });
    } catch (error) {
      throw new DomainError(ErrorCode.INTERNAL, `the report could not be computed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return [
    route({
      method: 'GET',
      path: '/api/admin/reports',
      access: { roles: ['admin'] },
      query: reportQuerySchema,
      handle: async ({ query }) => ({ body: await run(query) }),
    }),
    route({
      method: 'GET',
      path: '/api/admin/reports/export',
      access: { roles: ['admin'] },
      query: reportExportQuerySchema,
      handle: async ({ query }) => {
        const report = await run(query);
        const table = reportTable(report, query.lang);
        const fileName = exportFileName(report, query.lang, query.format);
        return query.format === 'csv'
          ? { file: { contentType: 'text/csv; charset=utf-8', fileName, data: toCsv(table) } }
          : { file: { contentType: XLSX_TYPE, fileName, data: toXlsx(table) } };
      },
    }),
  ];
}
