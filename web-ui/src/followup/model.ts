import { t, type MessageKey } from '../i18n/i18n';
import type { Schema } from '../api/types';

/** How a follow-up is made (Channel in the OpenAPI document). */
export type Channel = Schema<'Channel'>;
export const CHANNELS: Channel[] = ['VISIT', 'CALL', 'EMAIL', 'MESSAGE'];
export const channelLabel = (channel: string) => t(`channel.${channel}` as MessageKey);
