/** English messages: the sync feature’s. Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'sync.online': 'Online',
  'sync.offline': 'Offline',
  'sync.waiting_one': '{n} waiting to sync',
  'sync.waiting_other': '{n} waiting to sync',
  'sync.failed_one': '{n} failed to sync',
  'sync.failed_other': '{n} failed to sync',
  'sync.title': 'Sync',
  'sync.intro': 'Changes you make without a connection wait here and are sent, in order, as soon as the network is back.',
  'sync.empty': 'Everything is synced.',
  'sync.pending': 'Waiting to sync',
  'sync.failed': 'Not synced: {reason}',
  'sync.retry': 'Retry',
  'sync.discard': 'Discard',
  'sync.now': 'Sync now',
  'sync.queuedAt': 'Made {time}',
};
