/** English messages: the followup feature’s. Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'followUp.recordTitle': 'Follow-up record',
  'followUp.snoozeTitle': 'Snooze',
  'followUp.channel': 'Channel',
  'followUp.summary': 'What happened',
  'followUp.feedback': 'Customer feedback',
  'followUp.needChange': 'Change in needs',
  'followUp.nextAction': 'Next action',
  'followUp.nextActionDue': 'Next action by',
  'followUp.save': 'Save record',
  'followUp.until': 'Snooze until',
  'followUp.reason': 'Reason',
  'followUp.snooze': 'Snooze',

  'channel.VISIT': 'Visit',
  'channel.CALL': 'Call',
  'channel.EMAIL': 'Email',
  'channel.MESSAGE': 'Message',
};
