import { useState } from 'preact/hooks';
import type { Body } from '../api/types';
import { dayFromToday } from '../shared/days';
import { CHANNELS, channelLabel, type Channel } from './model';
import { t } from '../i18n/i18n';
import { me } from '../shared/profile';
import { queueWrite } from '../sync/sync';

/** The record of a touch (跟进记录): queued in the outbox, so it works offline and is sent once. */
export function DoneForm({ followUpId, channel, onDone, onCancel }: { followUpId: string; channel: Channel; onDone: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const id = `done-${followUpId}`;
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setBusy(true);
    await queueWrite({
      method: 'POST',
      path: `/api/v1/follow-ups/${followUpId}/complete`,
      body: {
        channel: form.get('channel') as Channel,
        summary: text('summary') ?? '',
        feedback: text('feedback'),
        needChange: text('needChange'),
        nextAction: text('nextAction'),
        nextActionDue: text('nextActionDue'),
        doneAt: new Date().toISOString(),
      } satisfies Body<'FollowUpResource_complete'>,
      label: 'outbox.followUpDone',
      userId: me.get()!.id,
    });
    onDone();
  }
  return (
    <form class="inline-form" onSubmit={submit} aria-label={t('followUp.recordTitle')}>
      <label for={`${id}-channel`}>{t('followUp.channel')}</label>
      <select id={`${id}-channel`} name="channel">
        {CHANNELS.map((c) => (
          <option key={c} value={c} selected={c === channel}>
            {channelLabel(c)}
          </option>
        ))}
      </select>
      <label for={`${id}-summary`}>{t('followUp.summary')}</label>
      <textarea id={`${id}-summary`} name="summary" required maxLength={4000} rows={2} />
      <label for={`${id}-feedback`}>{t('followUp.feedback')}</label>
      <textarea id={`${id}-feedback`} name="feedback" maxLength={4000} rows={2} />
      <label for={`${id}-need`}>{t('followUp.needChange')}</label>
      <input id={`${id}-need`} name="needChange" maxLength={2000} />
      <label for={`${id}-next`}>{t('followUp.nextAction')}</label>
      <input id={`${id}-next`} name="nextAction" maxLength={500} />
      <label for={`${id}-due`}>{t('followUp.nextActionDue')}</label>
      <input id={`${id}-due`} name="nextActionDue" type="date" min={dayFromToday(0)} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('followUp.save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Moves a follow-up to a later day; the reason is required. */
export function SnoozeForm({ followUpId, onDone, onCancel }: { followUpId: string; onDone: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const id = `snooze-${followUpId}`;
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    await queueWrite({
      method: 'POST',
      path: `/api/v1/follow-ups/${followUpId}/snooze`,
      body: { until: String(form.get('until')), reason: String(form.get('reason')).trim() } satisfies Body<'FollowUpResource_snooze'>,
      label: 'outbox.followUpSnoozed',
      userId: me.get()!.id,
    });
    onDone();
  }
  return (
    <form class="inline-form" onSubmit={submit} aria-label={t('followUp.snoozeTitle')}>
      <label for={`${id}-until`}>{t('followUp.until')}</label>
      <input id={`${id}-until`} name="until" type="date" required min={dayFromToday(1)} defaultValue={dayFromToday(1)} />
      <label for={`${id}-reason`}>{t('followUp.reason')}</label>
      <input id={`${id}-reason`} name="reason" required maxLength={300} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('followUp.snooze')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
