import { LOCALES, loadMessages } from './i18n/i18n';

// The app fetches each language's messages on demand (i18n.ts); unit tests switch language synchronously.
await Promise.all(LOCALES.map(loadMessages));
