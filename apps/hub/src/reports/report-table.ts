import { formatDate, type ReportFigures, type ReportGroupBy, type ReportResponse } from '@layso/shared';

export type Cell = string | number | null;

/** A report as one flat table: what both the CSV and the XLSX export write. */
export interface ReportTable {
  title: string;
  headers: string[];
  /** Column widths in characters (XLSX). */
  widths: number[];
  rows: Cell[][];
}

type Lang = 'vi' | 'en';

const GROUP_HEADER: Record<ReportGroupBy, Record<Lang, string>> = {
  service: { vi: 'Lĩnh vực', en: 'Service' },
  counter: { vi: 'Quầy', en: 'Counter' },
  clerk: { vi: 'Cán bộ, công chức', en: 'Clerk' },
};

const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

/** The figure columns, in order: header in both languages and how to read the value. */
function figureColumns(report: ReportResponse): { vi: string; en: string; width: number; value: (f: ReportFigures) => Cell }[] {
  const targets = new Set(Object.values(report.targets));
  // One target for every service reads as that many minutes; several as "its target".
  const level =
    targets.size <= 1
      ? { vi: `Chờ ≤ ${[...targets][0] ?? report.serviceLevelMin} phút (%)`, en: `Waited ≤ ${[...targets][0] ?? report.serviceLevelMin} min (%)` }
      : { vi: 'Chờ trong thời gian mục tiêu (%)', en: 'Waited within target (%)' };
  return [
    { vi: 'Số đã cấp', en: 'Issued', width: 10, value: (f) => f.issued },
    { vi: 'Trực tiếp', en: 'Walk-in', width: 10, value: (f) => f.walkIn },
    { vi: 'Trực tuyến', en: 'Online', width: 10, value: (f) => f.online },
    { vi: 'Ưu tiên', en: 'Priority', width: 9, value: (f) => f.priority },
    { vi: 'Hoàn thành', en: 'Served', width: 11, value: (f) => f.served },
    { vi: 'Vắng mặt', en: 'No-show', width: 10, value: (f) => f.noShow },
    { vi: 'Hết hạn', en: 'Expired', width: 9, value: (f) => f.expired },
    { vi: 'Đã hủy', en: 'Cancelled', width: 10, value: (f) => f.cancelled },
    { vi: 'Chuyển lĩnh vực', en: 'Transferred', width: 15, value: (f) => f.transferred },
    { vi: 'Gọi lại', en: 'Recalls', width: 9, value: (f) => f.recalls },
    { vi: 'Đã gọi', en: 'Called', width: 9, value: (f) => f.called },
    { vi: 'Thời gian chờ trung bình (phút)', en: 'Average wait (min)', width: 18, value: (f) => f.avgWaitMin },
    { vi: 'Thời gian chờ P90 (phút)', en: '90th percentile wait (min)', width: 16, value: (f) => f.p90WaitMin },
    { vi: 'Chờ lâu nhất (phút)', en: 'Longest wait (min)', width: 14, value: (f) => f.maxWaitMin },
    { vi: 'Thời gian phục vụ trung bình (phút)', en: 'Average service time (min)', width: 20, value: (f) => f.avgServiceMin },
    { ...level, width: 16, value: (f) => percent(f.serviceLevel) },
    { vi: 'Tỷ lệ vắng mặt (%)', en: 'No-show rate (%)', width: 14, value: (f) => percent(f.noShowRate) },
    { vi: 'Số lượt đánh giá', en: 'Ratings', width: 12, value: (f) => f.ratings.total },
    { vi: 'Hài lòng (%)', en: 'Satisfied (%)', width: 12, value: (f) => percent(f.ratings.satisfiedShare) },
  ];
}

/** Rows, then a totals row; dates as dd/MM/yyyy; shares as percentages. */
export function reportTable(report: ReportResponse, lang: Lang): ReportTable {
  const columns = figureColumns(report);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, 'UTC');
  const from = day(report.from);
  const to = day(report.to);
  const line = (label: string, f: ReportFigures): Cell[] => [label, from, to, ...columns.map((c) => c.value(f))];
  return {
    title: lang === 'vi' ? `Báo cáo ${from}–${to}` : `Report ${from}–${to}`,
    headers: [GROUP_HEADER[report.groupBy][lang], lang === 'vi' ? 'Từ ngày' : 'From', lang === 'vi' ? 'Đến ngày' : 'To', ...columns.map((c) => c[lang])],
    widths: [28, 11, 11, ...columns.map((c) => c.width)],
    rows: [...report.rows.map((r) => line(lang === 'vi' ? r.label : r.labelEn, r)), line(lang === 'vi' ? 'Tổng cộng' : 'Total', report.totals)],
  };
}

export function exportFileName(report: ReportResponse, lang: Lang, extension: 'csv' | 'xlsx'): string {
  return `${lang === 'vi' ? 'bao-cao' : 'report'}-${report.groupBy}-${report.from}-${report.to}.${extension}`;
}
