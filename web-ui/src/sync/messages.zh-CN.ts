import type { en } from './messages.en';

/** 简体中文: the sync feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'sync.online': '在线',
  'sync.offline': '离线',
  'sync.waiting_one': '{n} 项待同步',
  'sync.waiting_other': '{n} 项待同步',
  'sync.failed_one': '{n} 项同步失败',
  'sync.failed_other': '{n} 项同步失败',
  'sync.title': '同步',
  'sync.intro': '离线时所做的更改会保存在这里，网络恢复后按顺序发送。',
  'sync.empty': '全部已同步。',
  'sync.pending': '等待同步',
  'sync.failed': '未同步：{reason}',
  'sync.retry': '重试',
  'sync.discard': '放弃',
  'sync.now': '立即同步',
  'sync.queuedAt': '创建于 {time}',
};
