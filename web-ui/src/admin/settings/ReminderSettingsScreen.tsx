import { useEffect, useState } from 'preact/hooks';
import { apiAnswer } from '../../api/client';
import { ApiError } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { uuid } from '../../platform/uuid';
import { Screen } from '../../shell/Screen';
import { hhmm, type ReminderSettings, type ReminderSettingsChange } from '../common/model';
import { Note, type Message } from '../common/Secret';

/**
 * The organisation's reminder defaults: quiet hours and the daily cap of everyone who has not chosen
 * their own in their notification settings, with how the cap and importance work. Saved with If-Match.
 */
export function ReminderSettingsScreen() {
  const [settings, setSettings] = useState<ReminderSettings>();
  const [etag, setEtag] = useState<string>();
  const [quiet, setQuiet] = useState(false);
  const [fields, setFields] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  function show(answer: { data: ReminderSettings; etag?: string }) {
    setSettings(answer.data);
    setEtag(answer.etag);
    setQuiet(!!answer.data.quietStart);
    setFormKey((k) => k + 1);
  }

  async function load() {
    try {
      show(await apiAnswer<ReminderSettings>('/api/v1/reminder-settings'));
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => void load(), []);

  async function save(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const body = {
      quietStart: quiet ? String(data.get('quietStart')) : undefined,
      quietEnd: quiet ? String(data.get('quietEnd')) : undefined,
      dailyCap: Number(data.get('dailyCap')),
    } satisfies ReminderSettingsChange;
    setBusy(true);
    setFields(new Set());
    setMessage(undefined);
    try {
      show(await apiAnswer<ReminderSettings>('/api/v1/reminder-settings', {
        method: 'PUT', body, headers: { ...(etag ? { 'If-Match': etag } : {}), 'Idempotency-Key': uuid() },
      }));
      setMessage({ text: t('orgAdmin.remindersSaved'), error: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await load();
        setMessage({ text: t('orgAdmin.stale'), error: true });
      } else {
        if (e instanceof ApiError) setFields(new Set(e.problem.errors?.map((f) => f.field) ?? []));
        setMessage({ text: describeError(e), error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (fields.has(field) ? { 'aria-invalid': true, 'aria-describedby': `rs-${field}-error` } : {});
  const fieldError = (field: string, text: string) => fields.has(field) && <p id={`rs-${field}-error`} class="field-error">{text}</p>;
  return (
    <Screen title={t('orgAdmin.reminders')}>
      <p class="muted">{t('orgAdmin.remindersIntro')}</p>
      <Note message={message} />
      {settings && (
        <form key={formKey} class="card" onSubmit={save} data-testid="reminder-settings">
          <label class="choice">
            <input type="checkbox" checked={quiet} onChange={(e) => setQuiet((e.currentTarget as HTMLInputElement).checked)} />
            {t('orgAdmin.quietHours')}
          </label>
          {quiet && (
            <div class="row">
              <div>
                <label for="rs-quietStart">{t('orgAdmin.quietStart')}</label>
                <input id="rs-quietStart" name="quietStart" type="time" required defaultValue={hhmm(settings.quietStart) || '22:00'}
                  {...invalid('quietStart')} />
                {fieldError('quietStart', t('orgAdmin.quietInvalid'))}
              </div>
              <div>
                <label for="rs-quietEnd">{t('orgAdmin.quietEnd')}</label>
                <input id="rs-quietEnd" name="quietEnd" type="time" required defaultValue={hhmm(settings.quietEnd) || '07:00'}
                  {...invalid('quietEnd')} />
                {fieldError('quietEnd', t('orgAdmin.quietInvalid'))}
              </div>
            </div>
          )}
          <label for="rs-dailyCap">{t('orgAdmin.dailyCap')}</label>
          <input id="rs-dailyCap" name="dailyCap" type="number" inputMode="numeric" min={1} max={200} required
            defaultValue={String(settings.dailyCap)} {...invalid('dailyCap')} />
          {fieldError('dailyCap', t('orgAdmin.dailyCapInvalid'))}
          <button type="submit" class="primary" disabled={busy}>{t('orgAdmin.save')}</button>
          {settings.updatedAt && (
            <p class="muted">{t('orgAdmin.lastChanged', { at: formatDate(new Date(settings.updatedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
          )}
        </form>
      )}
      <section class="card" aria-labelledby="rs-how">
        <h2 id="rs-how">{t('orgAdmin.howRemindersWork')}</h2>
        <ul class="bullets">
          <li>{t('orgAdmin.hintOwn')}</li>
          <li>{t('orgAdmin.hintHigh')}</li>
          <li>{t('orgAdmin.hintCap')}</li>
          <li>{t('orgAdmin.hintGrouped')}</li>
          <li>{t('orgAdmin.hintQuiet')}</li>
        </ul>
      </section>
    </Screen>
  );
}
