import type { Achievement } from '../kpi/model';

/** A weekly report as GET /api/v1/reports/weekly answers (WeeklyReportView). */
export interface WeekData {
  visits: number;
  effectiveVisits: number;
  newCustomers: number;
  stageMoves: number;
  followUpsDue: number;
  followUpsOnTime: number;
  followUpOnTimeRate?: number | string | null;
  month?: string;
  monthTargets?: Achievement[];
}
export interface WeeklyReport {
  userId: string;
  displayName: string;
  week: string;
  weekStart: string;
  data: WeekData;
  behaviour?: string;
  problems?: string;
  supportNeeded?: string;
  status?: 'DRAFT' | 'SUBMITTED';
  submittedAt?: string;
  managerComment?: string;
  commentedAt?: string;
  version?: number;
}
export interface TeamWeek {
  teamId: string;
  week: string;
  weekStart: string;
  reps: number;
  submitted: number;
  totals: WeekData;
  reports: WeeklyReport[];
}

/** The Monday of the week holding day (yyyy-mm-dd), moved by whole weeks. */
export function mondayOf(day: string, weeks = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back + weeks * 7);
  return date.toISOString().slice(0, 10);
}
