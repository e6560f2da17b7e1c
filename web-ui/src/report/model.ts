import type { Always, Body, Refine, Returns, Schema } from '../api/types';
import type { Achievement } from '../kpi/model';

/** A weekly report as GET /api/v1/reports/weekly answers (WeeklyReportView in the OpenAPI document). */
export type WeekData = Refine<
  Always<Schema<'WeeklyReportView'>['data'] & {}, 'visits' | 'effectiveVisits' | 'newCustomers' | 'stageMoves' | 'followUpsDue' | 'followUpsOnTime'>,
  { monthTargets?: Achievement[] }
>;
export type WeeklyReport = Refine<Always<Schema<'WeeklyReportView'>, 'userId' | 'displayName' | 'week' | 'weekStart'>, { data: WeekData }>;
export type TeamWeek = Refine<
  Always<Returns<'WeeklyReportResource_team'>, 'teamId' | 'week' | 'weekStart' | 'reps' | 'submitted'>,
  { totals: WeekData; reports: WeeklyReport[] }
>;

/** What the report screens send: the rep's layers (saved or submitted), the manager's comment. */
export type ReportWrite = Body<'WeeklyReportResource_write'>;
export type ReportComment = Body<'WeeklyReportResource_comment'>;

/** The Monday of the week holding day (yyyy-mm-dd), moved by whole weeks. */
export function mondayOf(day: string, weeks = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back + weeks * 7);
  return date.toISOString().slice(0, 10);
}
