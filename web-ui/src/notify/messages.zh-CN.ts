import type { en } from './messages.en';

/** 简体中文: the notify feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'inbox.title': '收件箱',
  'inbox.emptyTitle': '暂无新消息',
  'inbox.emptyBody': '跟进、续约和团队相关的提醒会显示在这里。',
  'inbox.readAll': '全部标为已读',
  'inbox.unread': '未读：',
  'inbox.more': '查看更早的消息',
  'inbox.settings': '通知设置',
  'inbox.unreadCount_one': '收件箱，{n} 条未读',
  'inbox.unreadCount_other': '收件箱，{n} 条未读',
};
