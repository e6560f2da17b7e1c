import type { en } from './en';
import { zhCN as auth } from '../auth/messages.zh-CN';
import { zhCN as sync } from '../sync/messages.zh-CN';
import { zhCN as outbox } from '../outbox/messages.zh-CN';
import { zhCN as today } from '../today/messages.zh-CN';
import { zhCN as checkin } from '../checkin/messages.zh-CN';
import { zhCN as customers } from '../customers/messages.zh-CN';
import { zhCN as followup } from '../followup/messages.zh-CN';
import { zhCN as money } from '../money/messages.zh-CN';
import { zhCN as team } from '../team/messages.zh-CN';
import { zhCN as me } from '../me/messages.zh-CN';
import { zhCN as notify } from '../notify/messages.zh-CN';
import { zhCN as targets } from '../targets/messages.zh-CN';
import { zhCN as kpi } from '../kpi/messages.zh-CN';
import { zhCN as coaching } from '../coaching/messages.zh-CN';
import { zhCN as report } from '../report/messages.zh-CN';
import { zhCN as incentive } from '../incentive/messages.zh-CN';
import { zhCN as expense } from '../expense/messages.zh-CN';
import { zhCN as admin } from '../admin/messages.zh-CN';
import { zhCN as app } from './messages.zh-CN';

/** 简体中文: each feature folder keeps its own (`<feature>/messages.zh-CN.ts`), merged here. */
export const zhCN: Record<keyof typeof en, string> = {
  ...auth,
  ...sync,
  ...outbox,
  ...today,
  ...checkin,
  ...customers,
  ...followup,
  ...money,
  ...team,
  ...me,
  ...notify,
  ...targets,
  ...kpi,
  ...coaching,
  ...report,
  ...incentive,
  ...expense,
  ...admin,
  ...app,
};
