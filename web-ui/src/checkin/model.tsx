import { formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';

export const PURPOSES = ['FOLLOW_UP', 'FIRST_VISIT', 'DEMO', 'NEGOTIATION', 'DELIVERY', 'COLLECTION', 'SERVICE', 'OTHER'] as const;

/** A check-in as the API (list, get) or the live feed shows it. */
export interface CheckIn {
  id: string;
  seq: number;
  userId: string;
  userName?: string;
  customerId: string;
  customerName: string;
  clientTime: string;
  receivedAt: string;
  accuracyMeters?: number;
  distanceMeters?: number;
  verdict: 'VERIFIED' | 'UNVERIFIED';
  unverifiedReason?: 'TOO_FAR' | 'POOR_ACCURACY' | 'STALE_FIX' | 'NO_POSITION' | 'NO_CUSTOMER_LOCATION';
  purpose: string;
  notes?: string;
  outcome?: string;
  nextAction?: string;
  nextActionDue?: string;
  hasPhoto?: boolean;
}

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
