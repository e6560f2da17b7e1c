import type { en } from './messages.en';

/** 简体中文: the outbox feature’s. */
export const zhCN: Record<keyof typeof en, string> = {
  'outbox.profile': '个人资料更改',
  'outbox.language': '语言更改',

  'outbox.coachingProgress': '辅导进度',
  'outbox.coachingNote': '辅导备注',
  'outbox.followUpDone': '跟进记录',
  'outbox.followUpSnoozed': '推迟跟进',

  'outbox.checkIn': '签到',
  'outbox.photo': '拜访照片',

  'outbox.dealStage': '商机阶段变更',
  'outbox.dealNew': '新建商机',
  'outbox.payment': '回款登记',
  'outbox.renewalNote': '续约进展',
  'outbox.renewalDecision': '续约决定',

  'outbox.expenseApprove': '报销审批',
  'outbox.expenseReturn': '报销退回',
  'outbox.expensePay': '报销付款',
  'outbox.expenseBudget': '费用预算',
  'outbox.preApproval': '事前申请',
  'outbox.preApprovalDecision': '事前申请审批',
};
