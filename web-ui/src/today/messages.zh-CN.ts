import type { en } from './messages.en';

/** 简体中文: the today feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'today.title': '今日',
  'today.greeting': '你好，{name}',

  'today.emptyTitle': '今天没有待办跟进',
  'today.emptyBody': '没有到期或逾期的跟进。新的跟进到期时会出现在这里。',
  'today.asOf': '离线：显示的是{time}的日程。',
  'today.overdue_one': '逾期 {n} 条',
  'today.overdue_other': '逾期 {n} 条',
  'today.due_one': '今日到期 {n} 条',
  'today.due_other': '今日到期 {n} 条',
  'today.daysOverdue_one': '逾期 {n} 天',
  'today.daysOverdue_other': '逾期 {n} 天',
  'today.done': '完成',
  'today.snooze': '推迟',
  'today.doneFor': '完成：记录与{name}的跟进',
  'today.snoozeFor': '推迟与{name}的跟进',
  'today.recorded': '已记录，联网后同步。',

  'today.offlineNoCache': '当前离线，本机还没有保存日程。联网一次后即可离线查看。',

  'today.renewals_one': '{n} 个续约待处理',
  'today.renewals_other': '{n} 个续约待处理',
  'today.collections_one': '{n} 笔回款逾期',
  'today.collections_other': '{n} 笔回款逾期',
};
