import { formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import type { Always, Schema } from '../api/types';

/** What a check-in says it was for. */
export type Purpose = CheckInRequest['purpose'];
export const PURPOSES = ['FOLLOW_UP', 'FIRST_VISIT', 'DEMO', 'NEGOTIATION', 'DELIVERY', 'COLLECTION', 'SERVICE', 'OTHER'] as const satisfies readonly Purpose[];

/** A check-in as the API (list, get) or the live feed shows it (CheckInView in the OpenAPI document). */
export type CheckIn = Always<
  Schema<'CheckInView'>,
  'id' | 'seq' | 'userId' | 'customerId' | 'customerName' | 'clientTime' | 'receivedAt' | 'verdict' | 'purpose'
>;

/** What the check-in screen queues. */
export type CheckInRequest = Schema<'CheckInRequest'>;

/** A customer nearby, closest first (GET /api/v1/customers/nearby). */
export type NearbyCustomer = Always<Schema<'Nearby'>, 'id' | 'name'>;

/** The verdict in words: verified, or unverified with the reason (and the distance when known). */
export function Verdict({ checkIn }: { checkIn: CheckIn }) {
  const distance = checkIn.distanceMeters == null ? '' : t('checkin.distance', { m: formatNumber(Math.round(checkIn.distanceMeters)) });
  return checkIn.verdict === 'VERIFIED' ? (
    <p class="status" data-testid="verdict">✓ {t('checkin.verified')} {distance}</p>
  ) : (
    <p class="warning" data-testid="verdict">
      <strong>⚠ {t('checkin.unverified')}</strong> {t(`checkin.reason.${checkIn.unverifiedReason ?? 'NO_POSITION'}` as MessageKey)} {distance}
    </p>
  );
}
