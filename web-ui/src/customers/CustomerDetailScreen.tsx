import { useLayoutEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { DoneForm, SnoozeForm } from '../followup/FollowUpForms';
import { NewDealForm } from '../money/NewDealForm';
import { formatDate } from '../i18n/format';
import { t, tn, type MessageKey } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { mailtoHref, telHref } from '../shared/links';
import { Screen } from '../shell/Screen';
import { channelLabel, daysSince, gradeLabel, stageLabel, type Customer, type TimelineEntry } from './model';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });
const when = (iso: string) => formatDate(new Date(iso), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A contact's phone or email as a tel:/mailto: link, or as text when it is not a plain number or address. */
function ContactLink({ href, text, hint }: { href: string | undefined; text: string; hint?: string }) {
  if (!href) return <span>{text}</span>;
  return (
    <a class="button secondary" href={href}>
      {text}
      {hint && <span class="visually-hidden"> · {hint}</span>}
    </a>
  );
}

/** One customer: contacts to call, the pending follow-up, an explained health score and the history. */
export function CustomerDetailScreen({ id }: { id: string }) {
  const { data, error } = useLoad(
    () =>
      Promise.all([
        api<Customer>(`/api/v1/customers/${id}`),
        api<ListOf<'CustomerResource_timeline', TimelineEntry>>(`/api/v1/customers/${id}/timeline`),
      ]),
    [id],
  );
  const customer = data?.[0];
  const timeline = data?.[1].items;
  const [form, setForm] = useState<'done' | 'snooze'>();
  const [recorded, setRecorded] = useState(false);
  const [newDeal, setNewDeal] = useState<'open' | 'saved'>();
  // a fresh answer has the follow-up's new state, so "recorded" gives way to it
  useLayoutEffect(() => setRecorded(false), [data]);

  if (!customer) {
    return (
      <Screen title={t('customer.title')}>
        {error ? <p class="error" role="alert">{error}</p> : <p>{t('loading')}</p>}
      </Screen>
    );
  }
  const pending = customer.pendingFollowUp;
  const untouched = daysSince(customer.lastTouchedAt ?? customer.createdAt);
  return (
    <Screen title={customer.name}>
      <p class="chips">
        <span class="chip">{gradeLabel(customer.grade)}</span>
        <span class="chip">{stageLabel(customer.stage)}</span>
        {customer.tags?.map((tag) => <span class="chip" key={tag}>{tag}</span>)}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <a class="button secondary" href={`/customers/${id}/edit`} onClick={followLink}>{t('customer.edit')}</a>
        <a class="button secondary" href={`/checkin?customer=${id}`} onClick={followLink}>{t('customer.checkIn')}</a>
        {!newDeal && <button type="button" class="secondary" onClick={() => setNewDeal('open')}>{t('deal.new')}</button>}
      </div>
      {newDeal === 'open' && <NewDealForm customerId={id} onDone={() => setNewDeal('saved')} onCancel={() => setNewDeal(undefined)} />}
      {newDeal === 'saved' && <p class="status" role="status">{t('deal.created')}</p>}
      <dl class="facts card">
        {customer.industry && (<><dt>{t('customer.industry')}</dt><dd>{customer.industry}</dd></>)}
        {customer.address && (<><dt>{t('customer.address')}</dt><dd>{customer.address}</dd></>)}
        {customer.lostReason && (<><dt>{t('customer.lostReason')}</dt><dd>{customer.lostReason}</dd></>)}
        <dt>{t('customer.cadence')}</dt><dd>{tn('customer.everyDays', customer.cadenceDays)}</dd>
        <dt>{t('customer.lastTouched')}</dt><dd>{customer.lastTouchedAt ? when(customer.lastTouchedAt) : t('customer.never')}</dd>
      </dl>

      <section class="card" aria-labelledby="contacts-h">
        <h2 id="contacts-h">{t('customer.contacts')}</h2>
        {!customer.contacts?.length ? (
          <p class="muted">{t('customer.noContacts')}</p>
        ) : (
          <ul class="plain">
            {customer.contacts.map((c) => (
              <li key={c.id ?? c.name}>
                <strong>{c.name}</strong>
                {c.title && <span class="muted"> · {c.title}</span>}
                {c.decisionRole && <span class="muted"> · {t(`role.contact.${c.decisionRole}` as MessageKey)}</span>}
                <div class="actions">
                  {c.phone && <ContactLink href={telHref(c.phone)} text={c.phone} hint={t('customer.call', { name: c.name })} />}
                  {c.email && <ContactLink href={mailtoHref(c.email)} text={c.email} />}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="pending-h">
        <h2 id="pending-h">{t('customer.pending')}</h2>
        {!pending ? (
          <p class="muted">{t('customer.noPending')}</p>
        ) : (
          <>
            <p>
              {t('customer.pendingDue', { date: day(pending.dueOn), channel: channelLabel(pending.channel) })}
              {pending.overdue && <span class="chip chip-warn"> {t('customers.overdue')}</span>}
            </p>
            {pending.snoozeReason && <p class="muted">{t('customer.snoozed', { reason: pending.snoozeReason })}</p>}
            {recorded ? (
              <p class="status" role="status">{t('today.recorded')}</p>
            ) : form === 'done' ? (
              <DoneForm followUpId={pending.id} channel={pending.channel} onDone={() => { setForm(undefined); setRecorded(true); }} onCancel={() => setForm(undefined)} />
            ) : form === 'snooze' ? (
              <SnoozeForm followUpId={pending.id} onDone={() => { setForm(undefined); setRecorded(true); }} onCancel={() => setForm(undefined)} />
            ) : (
              <div class="actions">
                <button type="button" class="primary" onClick={() => setForm('done')}>{t('customer.record')}</button>
                <button type="button" class="secondary" onClick={() => setForm('snooze')}>{t('today.snooze')}</button>
              </div>
            )}
          </>
        )}
      </section>

      {customer.health && (
        <section class="card" aria-labelledby="health-h">
          <h2 id="health-h">{t('customer.health', { score: customer.health.score })}</h2>
          <ul class="plain">
            {customer.health.components.map((c) => (
              <li key={c.name}>
                <div class="between">
                  <span>{t(`health.${c.name}` as MessageKey)}</span>
                  <span>{c.max > 0 ? t('customer.points', { points: c.points, max: c.max }) : c.points}</span>
                </div>
                {c.max > 0 && <div class="bar" aria-hidden="true"><span style={{ width: `${(100 * c.points) / c.max}%` }} /></div>}
                <p class="muted">
                  {c.name === 'recency'
                    ? t('health.recencyWhy', { days: untouched ?? 0, cadence: customer.cadenceDays })
                    : c.name === 'commercial'
                      ? t('health.commercialWhy')
                      : t('health.followUpDisciplineWhy', { overdue: pending?.overdue ? t('health.overdueYes') : t('health.overdueNo') })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('customer.timeline')}</h2>
        <ol class="plain" data-testid="timeline">
          {timeline?.map((e, i) => (
            <li key={i} class="card">
              <div class="between">
                <strong>{timelineTitle(e)}</strong>
                <time class="muted" dateTime={e.at}>{when(e.at)}</time>
              </div>
              {e.summary && <p>{e.summary}</p>}
              {e.feedback && <p class="muted">{t('followUp.feedback')}: {e.feedback}</p>}
              {e.needChange && <p class="muted">{t('followUp.needChange')}: {e.needChange}</p>}
              {e.nextAction && <p class="muted">{t('followUp.nextAction')}: {e.nextAction}</p>}
              {e.reason && <p class="muted">{t('followUp.reason')}: {timelineReason(e)}</p>}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}

function timelineTitle(e: TimelineEntry): string {
  const kind = e.kind;
  switch (kind) {
    case 'FOLLOW_UP_DONE':
      return t('timeline.done', { channel: e.channel ? channelLabel(e.channel) : '' });
    case 'FOLLOW_UP_MISSED':
      return t('timeline.missed');
    case 'CHECK_IN_VERIFIED':
      return t('timeline.checkInVerified');
    case 'CHECK_IN_UNVERIFIED':
      return t('timeline.checkInUnverified');
    case 'CREATED':
      return t('timeline.created');
    case 'GRADE':
      return t('timeline.grade', { from: e.from ? gradeLabel(e.from) : '—', to: e.to ? gradeLabel(e.to) : '—' });
    case 'STAGE':
      return t('timeline.stage', { from: e.from ? stageLabel(e.from) : '—', to: e.to ? stageLabel(e.to) : '—' });
    case 'OWNER':
      return t('timeline.owner');
    case 'DELETED':
      return e.to === 'false' ? t('timeline.restored') : t('timeline.deleted');
    default: {
      // every kind is named above (tsc checks it); one from a newer server gets a neutral title, never another kind's
      const unnamed: never = kind;
      void unnamed;
      return t('timeline.other');
    }
  }
}

/** A check-in's reason is a code with words of its own; other reasons are what a person typed. */
function timelineReason(e: TimelineEntry): string | undefined {
  return e.kind === 'CHECK_IN_UNVERIFIED' ? t(`checkin.reason.${e.reason}` as MessageKey) : e.reason;
}
