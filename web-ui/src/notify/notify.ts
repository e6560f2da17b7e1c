import { api } from '../api/client';
import type { Always, Body, Item, ListOf, OrNull, Refine, Returns, Schema } from '../api/types';
import { store } from '../platform/store';
import { deviceLabel } from './device';

/** Notifications, devices and preferences as the OpenAPI document describes them; `readAt`, a device's label and last use are null when none. */
export type Notification = OrNull<Always<Schema<'NotificationView'>, 'id' | 'kind' | 'title' | 'body' | 'link' | 'createdAt'>, 'readAt'>;

export type InboxPage = ListOf<'NotificationResource_inbox', Notification>;

export type Device = OrNull<Always<Item<Returns<'PushResource_mine'>>, 'id' | 'service' | 'createdAt'>, 'label' | 'lastUsedAt'>;

/** Quiet hours are null when there are none. */
export type Preferences = Refine<
  OrNull<Always<Returns<'NotificationResource_preferences'>, 'push' | 'inApp' | 'dailyCap' | 'timeZone'>, 'quietStart' | 'quietEnd'>,
  { kinds: Always<Item<Returns<'NotificationResource_preferences'>['kinds']>, 'code' | 'label' | 'enabled'>[] }
>;

/** What the preferences screen saves (no quiet hours: both absent). */
export type PreferencesChange = Body<'NotificationResource_savePreferences'>;

type Subscribe = Body<'PushResource_subscribe'>;

/** Unread notifications: the badge in the app bar. */
export const unread = store<number>(0);

export async function refreshUnread(): Promise<void> {
  try {
    unread.set((await api<Returns<'NotificationResource_unreadCount'>>('/api/v1/notifications/unread-count')).count);
  } catch {
    // offline or signed out: keep the last count
  }
}

/** Keeps the badge current: on start, when the app comes back to the front, and when a push arrives. */
export function watchUnread(): () => void {
  void refreshUnread();
  const onVisible = () => document.visibilityState === 'visible' && void refreshUnread();
  const onMessage = (event: MessageEvent) => event.data?.type === 'canvass-push' && void refreshUnread();
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onMessage);
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.removeEventListener('message', onMessage);
  };
}

export const inbox = (cursor?: string | null) =>
  api<InboxPage>(`/api/v1/notifications?limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
export const markRead = (id: string) => api<void>(`/api/v1/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<void>('/api/v1/notifications/read-all', { method: 'POST' });
export const preferences = () => api<Preferences>('/api/v1/notifications/preferences');
export const savePreferences = (change: PreferencesChange) =>
  api<Preferences>('/api/v1/notifications/preferences', { method: 'PUT', body: change });
export const devices = async () => (await api<ListOf<'PushResource_mine', Device>>('/api/v1/push/subscriptions')).items;
export const removeDevice = (id: string) => api<void>(`/api/v1/push/subscriptions/${id}`, { method: 'DELETE' });
export const sendTest = () => api<void>('/api/v1/push/test', { method: 'POST' });

export type PushSupport = 'supported' | 'unsupported';

export function pushSupport(): PushSupport {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window ? 'supported' : 'unsupported';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Asks the browser for permission (only after the user pressed the button), subscribes this device
 * with the server's VAPID key and registers the subscription. Returns the permission it ended with.
 */
export async function enablePush(): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const { enabled, publicKey } = await api<Returns<'PushResource_publicKey'>>('/api/v1/push/vapid-public-key');
  if (!enabled || !publicKey) throw new Error('push-disabled');
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const key = keyBytes(publicKey);
  const current = subscription?.options.applicationServerKey;
  if (subscription && current && !sameKey(new Uint8Array(current), key)) {
    await subscription.unsubscribe(); // the server's key changed: subscribe afresh
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const json = subscription.toJSON();
  await api('/api/v1/push/subscriptions', {
    method: 'POST',
    body: { endpoint: json.endpoint ?? '', keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' }, label: deviceLabel() } satisfies Subscribe,
  });
  return permission;
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The subscription of this browser, if any (to mark "this device" in the list). */
export async function thisDeviceEndpoint(): Promise<string | null> {
  if (pushSupport() === 'unsupported') return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription())?.endpoint ?? null;
}
