import type { en } from './messages.en';

/** 简体中文: the followup feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'followUp.recordTitle': '跟进记录',
  'followUp.snoozeTitle': '推迟',
  'followUp.channel': '跟进方式',
  'followUp.summary': '跟进情况',
  'followUp.feedback': '客户反馈',
  'followUp.needChange': '需求变化',
  'followUp.nextAction': '下一步行动',
  'followUp.nextActionDue': '下一步截止日期',
  'followUp.save': '保存记录',
  'followUp.until': '推迟到',
  'followUp.reason': '原因',
  'followUp.snooze': '推迟',

  'channel.VISIT': '拜访',
  'channel.CALL': '电话',
  'channel.EMAIL': '邮件',
  'channel.MESSAGE': '消息',
};
