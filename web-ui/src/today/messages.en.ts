/** English messages: the today feature’s. Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'today.title': 'Today',
  'today.greeting': 'Hello, {name}',

  'today.emptyTitle': 'Nothing due today',
  'today.emptyBody': 'No follow-up is due or overdue. New ones appear here as their day comes.',
  'today.asOf': 'Offline: showing the agenda as of {time}.',
  'today.overdue_one': '{n} overdue',
  'today.overdue_other': '{n} overdue',
  'today.due_one': '{n} due today',
  'today.due_other': '{n} due today',
  'today.daysOverdue_one': '{n} day overdue',
  'today.daysOverdue_other': '{n} days overdue',
  'today.done': 'Done',
  'today.snooze': 'Snooze',
  'today.doneFor': 'Done: record the follow-up with {name}',
  'today.snoozeFor': 'Snooze the follow-up with {name}',
  'today.recorded': 'Recorded. It syncs when you are online.',

  'today.offlineNoCache': 'You are offline and this phone has no agenda saved yet. It appears once you have been online.',

  'today.renewals_one': '{n} renewal due',
  'today.renewals_other': '{n} renewals due',
  'today.collections_one': '{n} instalment overdue',
  'today.collections_other': '{n} instalments overdue',
};
