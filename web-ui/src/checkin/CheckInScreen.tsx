import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { dayFromToday, gradeLabel, stageLabel, type Customer, type CustomerSummary } from '../customers/model';
import { formatDate, formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError, describeProblem } from '../i18n/problems';
import { me } from '../shared/profile';
import { items as outboxItems, onOutboxChange, type OutboxItem } from '../outbox/outbox';
import { readKey, writeKey } from '../platform/db';
import { currentQuery, followLink } from '../platform/router';
import { useStore } from '../platform/store';
import { uuid } from '../platform/uuid';
import { Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { PURPOSES, Verdict, type CheckIn, type CheckInRequest, type NearbyCustomer, type Purpose } from './model';
import type { ListOf } from '../api/types';

interface Fix {
  lat: number;
  lng: number;
  accuracy: number;
  at: number;
}
/** A customer to check in at: one nearby, found by search, or named in the address. */
type Candidate = Pick<NearbyCustomer, 'id' | 'name' | 'grade' | 'stage' | 'address' | 'distanceMeters'>;
interface Made {
  clientId: string;
  customerId: string;
  customerName: string;
  at: number;
}
type Sync = { state: 'queued' | 'sending' } | { state: 'failed'; reason: string } | { state: 'done'; checkIn: CheckIn };

const NEARBY_KEY = 'checkin:nearby';

function locate(): Promise<Fix> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy, at: p.timestamp || Date.now() }),
      reject,
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/** Check in: position, nearby customers closest first (or search), one tap; queued in the outbox so it works offline. */
export function CheckInScreen() {
  const query = useStore(currentQuery);
  const [fix, setFix] = useState<Fix | 'locating' | 'none'>('locating');
  const [nearby, setNearby] = useState<Candidate[]>();
  const [results, setResults] = useState<Candidate[]>();
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<Made>();
  const [sync, setSync] = useState<Sync>();
  const [photo, setPhoto] = useState<'queued'>();

  async function findNearby(position: Fix) {
    try {
      const { items: list } = await api<ListOf<'CustomerResource_nearby', NearbyCustomer>>(`/api/v1/customers/nearby?lat=${position.lat}&lng=${position.lng}&radius=5000`);
      setNearby(list);
      await writeKey(NEARBY_KEY, list);
    } catch (e) {
      setNearby((await readKey<Candidate[]>(NEARBY_KEY)) ?? []);
      setError(describeError(e));
    }
  }

  useEffect(() => {
    locate().then(
      (position) => {
        setFix(position);
        void findNearby(position);
      },
      () => {
        setFix('none');
        void readKey<Candidate[]>(NEARBY_KEY).then((list) => setNearby(list ?? []));
      },
    );
    const customerId = new URLSearchParams(query).get('customer');
    if (customerId) {
      api<Customer>(`/api/v1/customers/${customerId}`).then(
        (c) => setResults([{ ...c, address: c.address ?? undefined }]),
        (e) => setError(describeError(e)),
      );
    }
  }, []);

  // Follows the check-in through the outbox until the server's verdict is known.
  useEffect(() => {
    if (!made) return;
    let live = true;
    async function check() {
      const mine = (await outboxItems()).find((item: OutboxItem) => (item.body as { clientId?: string } | undefined)?.clientId === made!.clientId);
      if (!live) return;
      if (mine?.state === 'failed') setSync({ state: 'failed', reason: describeProblem(mine.error?.status ?? 0, mine.error?.kind ?? 'unknown', mine.error?.fields) });
      else if (mine) setSync({ state: navigator.onLine ? 'sending' : 'queued' });
      else {
        try {
          const checkIn = await api<CheckIn>(`/api/v1/checkins/${made!.clientId}`);
          if (live) setSync({ state: 'done', checkIn });
        } catch (e) {
          if (live && !(e instanceof ApiError)) setSync({ state: 'queued' });
        }
      }
    }
    void check();
    const stop = onOutboxChange(() => void check());
    window.addEventListener('online', check);
    return () => {
      live = false;
      stop();
      window.removeEventListener('online', check);
    };
  }, [made]);

  async function search(event: Event) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (!q) return;
    try {
      const page = await api<ListOf<'CustomerResource_list', CustomerSummary>>(`/api/v1/customers?q=${encodeURIComponent(q)}&limit=10`);
      setResults(page.items);
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function checkIn(customer: Candidate) {
    // a second tap on the same customer within a minute is the same visit, not another one
    if (made && made.customerId === customer.id && Date.now() - made.at < 60_000) return;
    const details = new FormData(document.getElementById('checkin-details') as HTMLFormElement);
    const text = (name: string) => String(details.get(name) ?? '').trim() || undefined;
    const now = Date.now();
    const position = typeof fix === 'object'
      ? { lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy, fixAge: Math.min(86_400, Math.max(0, Math.round((now - fix.at) / 1000))) }
      : undefined;
    const clientId = uuid();
    setMade({ clientId, customerId: customer.id, customerName: customer.name, at: now });
    setSync({ state: navigator.onLine ? 'sending' : 'queued' });
    setPhoto(undefined);
    await queueWrite({
      method: 'POST',
      path: '/api/v1/checkins',
      body: {
        clientId,
        customerId: customer.id,
        clientTime: new Date(now).toISOString(),
        position,
        purpose: (text('purpose') ?? 'FOLLOW_UP') as Purpose,
        notes: text('notes'),
        outcome: text('outcome'),
        nextAction: text('nextAction'),
        nextActionDue: text('nextActionDue'),
      } satisfies CheckInRequest,
      label: 'outbox.checkIn',
      userId: me.get()!.id,
    });
  }

  async function attachPhoto(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file || !made) return;
    // queued after its check-in: the outbox replays in order, so the photo never arrives first
    await queueWrite({ method: 'PUT', path: `/api/v1/checkins/${made.clientId}/photo`, body: file, label: 'outbox.photo', userId: me.get()!.id });
    setPhoto('queued');
  }

  const row = (c: Candidate) => (
    <li key={c.id} class="card between">
      <div>
        <strong>{c.name}</strong>
        <p class="muted">
          {[c.distanceMeters != null && t('checkin.distance', { m: formatNumber(c.distanceMeters) }), c.grade && gradeLabel(c.grade), c.stage && stageLabel(c.stage)]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <button type="button" class="primary small" onClick={() => void checkIn(c)} aria-label={t('checkin.atName', { name: c.name })}>
        {t('checkin.button')}
      </button>
    </li>
  );

  return (
    <Screen title={t('checkin.title')}>
      <a href="/checkin/history" onClick={followLink}>{t('checkin.history')}</a>
      {made && (
        <section class="card" aria-labelledby="made-h" data-testid="checkin-made">
          <h2 id="made-h">{t('checkin.made', { name: made.customerName, time: formatDate(new Date(made.at), { hour: '2-digit', minute: '2-digit' }) })}</h2>
          <div role="status" data-testid="checkin-sync">
            {sync?.state === 'done' ? (
              <Verdict checkIn={sync.checkIn} />
            ) : sync?.state === 'failed' ? (
              <p class="error">{t('sync.failed', { reason: sync.reason })}</p>
            ) : sync?.state === 'sending' ? (
              <p>{t('checkin.sending')}</p>
            ) : (
              <p class="warning">{t('checkin.queued')}</p>
            )}
          </div>
          <label for="photo">{t('checkin.photo')}</label>
          <input id="photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" onChange={attachPhoto} />
          {photo && <p class="status">{t('checkin.photoQueued')}</p>}
        </section>
      )}
      <p class="muted" data-testid="position">
        {fix === 'locating'
          ? t('checkin.locating')
          : fix === 'none'
            ? t('checkin.noPosition')
            : t('checkin.position', { m: formatNumber(Math.round(fix.accuracy)) })}
      </p>
      <details class="card">
        <summary class="summary">{t('checkin.details')}</summary>
        <form id="checkin-details" onSubmit={(e) => e.preventDefault()}>
          <label for="ci-purpose">{t('checkin.purpose')}</label>
          <select id="ci-purpose" name="purpose">
            {PURPOSES.map((p) => <option key={p} value={p}>{t(`purpose.${p}` as MessageKey)}</option>)}
          </select>
          <label for="ci-outcome">{t('checkin.outcome')}</label>
          <input id="ci-outcome" name="outcome" maxLength={1000} />
          <label for="ci-notes">{t('checkin.notes')}</label>
          <textarea id="ci-notes" name="notes" maxLength={4000} rows={2} />
          <label for="ci-next">{t('followUp.nextAction')}</label>
          <input id="ci-next" name="nextAction" maxLength={500} />
          <label for="ci-due">{t('followUp.nextActionDue')}</label>
          <input id="ci-due" name="nextActionDue" type="date" min={dayFromToday(0)} />
        </form>
      </details>
      {error && <p class="error" role="alert">{error}</p>}
      {results && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t('checkin.results')}</h2>
          {results.length === 0 ? <p class="muted">{t('customers.none')}</p> : <ul class="plain">{results.map(row)}</ul>}
        </section>
      )}
      <section aria-labelledby="nearby-h">
        <h2 id="nearby-h">{t('checkin.nearby')}</h2>
        {nearby === undefined ? (
          <p>{t('loading')}</p>
        ) : nearby.length === 0 ? (
          <p class="muted">{t('checkin.noneNearby')}</p>
        ) : (
          <ul class="plain" data-testid="nearby">{nearby.map(row)}</ul>
        )}
      </section>
      <form role="search" class="card" onSubmit={search}>
        <label for="ci-q">{t('checkin.search')}</label>
        <input id="ci-q" name="q" type="search" maxLength={100} />
        <button type="submit" class="secondary">{t('customers.apply')}</button>
      </form>
    </Screen>
  );
}
