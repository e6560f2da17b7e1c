/** English messages: the outbox feature’s. Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'outbox.profile': 'Profile change',
  'outbox.language': 'Language change',

  'outbox.coachingProgress': 'Coaching progress',
  'outbox.coachingNote': 'Coaching note',
  'outbox.followUpDone': 'Follow-up record',
  'outbox.followUpSnoozed': 'Follow-up snoozed',

  'outbox.checkIn': 'Check-in',
  'outbox.photo': 'Visit photo',

  'outbox.dealStage': 'Deal stage change',
  'outbox.dealNew': 'New deal',
  'outbox.payment': 'Payment',
  'outbox.renewalNote': 'Renewal note',
  'outbox.renewalDecision': 'Renewal decision',

  'outbox.expenseApprove': 'Expense approval',
  'outbox.expenseReturn': 'Expense claim returned',
  'outbox.expensePay': 'Expense claim paid',
  'outbox.expenseBudget': 'Expense budget',
  'outbox.preApproval': 'Pre-approval request',
  'outbox.preApprovalDecision': 'Pre-approval decision',
};
