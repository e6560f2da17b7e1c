/** English messages: the notify feature’s. Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'inbox.title': 'Inbox',
  'inbox.emptyTitle': 'Nothing new',
  'inbox.emptyBody': 'Reminders about follow-ups, renewals and your team appear here.',
  'inbox.readAll': 'Mark all as read',
  'inbox.unread': 'Unread:',
  'inbox.more': 'Show older',
  'inbox.settings': 'Notification settings',
  'inbox.unreadCount_one': 'Inbox, {n} unread',
  'inbox.unreadCount_other': 'Inbox, {n} unread',
};
