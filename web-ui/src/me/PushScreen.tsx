import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import type { ProfileChange } from '../shared/profile';
import {
  devices as loadDevices,
  enablePush,
  preferences as loadPreferences,
  pushSupport,
  removeDevice,
  savePreferences,
  sendTest,
  thisDeviceEndpoint,
  type Device,
  type Preferences,
} from '../notify/notify';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return pushSupport() === 'supported' ? Notification.permission : 'unsupported';
}

/**
 * Notification settings: push on this device (explained first, permission asked only when the
 * user presses the button), the devices that receive reminders, and preferences: channels, kinds,
 * quiet hours, daily cap and time zone.
 */
export function PushScreen() {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [thisDevice, setThisDevice] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function refreshDevices() {
    setDevices(await loadDevices());
    setThisDevice(await thisDeviceEndpoint());
  }

  useEffect(() => {
    refreshDevices().catch((e) => setError(describeError(e)));
  }, []);

  async function enable() {
    setBusy(true);
    setError('');
    try {
      const result = await enablePush();
      setPermission(result);
      if (result === 'granted') {
        setStatus(t('push.enabled'));
        await refreshDevices();
      }
    } catch (e) {
      setError(e instanceof Error && e.message === 'push-disabled' ? t('push.serverOff') : t('push.failed'));
    } finally {
      setBusy(false);
    }
  }

  async function remove(device: Device) {
    await removeDevice(device.id);
    setStatus(t('push.removed', { name: device.label ?? device.service }));
    await refreshDevices();
  }

  async function test() {
    await sendTest();
    setStatus(t('push.testSent'));
  }

  const subscribedHere = thisDevice !== null && devices !== null && devices.length > 0;
  return (
    <Screen title={t('push.title')}>
      <section class="card" aria-labelledby="push-device">
        <h2 id="push-device">{t('push.thisDevice')}</h2>
        <p>{t('push.intro')}</p>
        <ul class="bullets">
          <li>{t('push.followups')}</li>
          <li>{t('push.renewals')}</li>
          <li>{t('push.collections')}</li>
          <li>{t('push.coaching')}</li>
        </ul>
        <p class="muted">{t('push.quiet')}</p>
        {permission === 'denied' && <p class="warning">{t('push.denied')}</p>}
        {permission === 'unsupported' && <p class="warning">{t('push.unsupported')}</p>}
        {(permission === 'default' || (permission === 'granted' && !subscribedHere)) && (
          <button type="button" class="primary" onClick={enable} disabled={busy}>
            {t('push.enable')}
          </button>
        )}
        {error && <p role="alert" class="warning">{error}</p>}
        <p role="status" class="status">
          {status}
        </p>
      </section>

      <section class="card" aria-labelledby="push-devices">
        <h2 id="push-devices">{t('push.devices')}</h2>
        {devices?.length === 0 && <p class="muted">{t('push.noDevices')}</p>}
        <ul class="devices">
          {devices?.map((device) => (
            <li key={device.id}>
              <span>
                <strong>{device.label ?? device.service}</strong>
                <span class="muted">
                  {' '}
                  {t('push.since', { date: formatDate(new Date(device.createdAt), { dateStyle: 'medium' }) })}
                </span>
              </span>
              <button type="button" class="secondary small" onClick={() => remove(device)}
                aria-label={t('push.remove', { name: device.label ?? device.service })}>
                {t('push.removeShort')}
              </button>
            </li>
          ))}
        </ul>
        {devices && devices.length > 0 && (
          <button type="button" class="secondary" onClick={test}>
            {t('push.test')}
          </button>
        )}
      </section>

      <PreferencesForm />

      <p>
        <a href="/inbox" onClick={followLink}>
          {t('push.toInbox')}
        </a>
      </p>
    </Screen>
  );
}

function PreferencesForm() {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    loadPreferences().then(setPrefs, (e) => setError(describeError(e)));
  }, []);

  if (!prefs) return error ? <p role="alert" class="warning">{error}</p> : <p>{t('loading')}</p>;

  async function save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const quiet = form.get('quiet') === 'on';
    const zone = String(form.get('timeZone')).trim();
    setError('');
    try {
      if (zone && zone !== prefs!.timeZone) await api('/api/v1/me', { method: 'PATCH', body: { timeZone: zone } satisfies ProfileChange });
      const next = await savePreferences({
        push: form.get('push') === 'on',
        inApp: form.get('inApp') === 'on',
        quietStart: quiet ? String(form.get('quietStart')) : undefined,
        quietEnd: quiet ? String(form.get('quietEnd')) : undefined,
        dailyCap: Number(form.get('dailyCap')),
        mutedKinds: prefs!.kinds.filter((kind) => form.get(`kind-${kind.code}`) !== 'on').map((kind) => kind.code),
      });
      setPrefs(next);
      setSaved(t('push.saved'));
    } catch (e) {
      setError(describeError(e));
    }
  }

  const hhmm = (time: string | null | undefined, fallback: string) => (time ?? fallback).slice(0, 5);
  return (
    <form class="card" onSubmit={save} onInput={() => setSaved('')} aria-labelledby="push-prefs">
      <h2 id="push-prefs">{t('push.preferences')}</h2>
      <fieldset>
        <legend>{t('push.channels')}</legend>
        <label class="choice">
          <input type="checkbox" name="push" defaultChecked={prefs.push} />
          {t('push.channelPush')}
        </label>
        <label class="choice">
          <input type="checkbox" name="inApp" defaultChecked={prefs.inApp} />
          {t('push.channelInApp')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('push.kinds')}</legend>
        {prefs.kinds.map((kind) => (
          <label class="choice" key={kind.code}>
            <input type="checkbox" name={`kind-${kind.code}`} defaultChecked={kind.enabled} />
            {kind.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('push.quietHours')}</legend>
        <label class="choice">
          <input type="checkbox" name="quiet" defaultChecked={prefs.quietStart !== null} />
          {t('push.quietOn')}
        </label>
        <div class="row">
          <span>
            <label for="quietStart">{t('push.quietStart')}</label>
            <input id="quietStart" name="quietStart" type="time" defaultValue={hhmm(prefs.quietStart, '22:00')} />
          </span>
          <span>
            <label for="quietEnd">{t('push.quietEnd')}</label>
            <input id="quietEnd" name="quietEnd" type="time" defaultValue={hhmm(prefs.quietEnd, '07:30')} />
          </span>
        </div>
        <label for="timeZone">{t('push.timeZone')}</label>
        <input id="timeZone" name="timeZone" defaultValue={prefs.timeZone} maxLength={64} autoComplete="off" />
      </fieldset>
      <label for="dailyCap">{t('push.dailyCap')}</label>
      <input id="dailyCap" name="dailyCap" type="number" min={1} max={200} required defaultValue={String(prefs.dailyCap)} />
      {error && <p role="alert" class="warning">{error}</p>}
      <p role="status" class="status">
        {saved}
      </p>
      <button type="submit" class="primary">
        {t('push.save')}
      </button>
    </form>
  );
}
