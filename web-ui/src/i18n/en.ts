import { en as auth } from '../auth/messages.en';
import { en as sync } from '../sync/messages.en';
import { en as outbox } from '../outbox/messages.en';
import { en as today } from '../today/messages.en';
import { en as checkin } from '../checkin/messages.en';
import { en as customers } from '../customers/messages.en';
import { en as followup } from '../followup/messages.en';
import { en as money } from '../money/messages.en';
import { en as team } from '../team/messages.en';
import { en as me } from '../me/messages.en';
import { en as notify } from '../notify/messages.en';
import { en as targets } from '../targets/messages.en';
import { en as kpi } from '../kpi/messages.en';
import { en as coaching } from '../coaching/messages.en';
import { en as report } from '../report/messages.en';
import { en as incentive } from '../incentive/messages.en';
import { en as expense } from '../expense/messages.en';
import { en as admin } from '../admin/messages.en';
import { en as app } from './messages.en';

/**
 * English messages: each feature folder keeps its own (`<feature>/messages.en.ts`), merged here into the language's
 * catalogue, which is a chunk of its own (fetched when the language is spoken: i18n.ts). Every key must exist in
 * zh-CN too: each feature's `messages.zh-CN.ts` is typed by its `messages.en.ts`, so the type checker refuses a
 * missing translation.
 */
export const en = {
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
