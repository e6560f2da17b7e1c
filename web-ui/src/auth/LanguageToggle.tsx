import { locale, speak, t } from '../i18n/i18n';
import { writeKey } from '../platform/db';

/** Before sign-in the language is the device's; this switches it (and remembers the choice). */
export function LanguageToggle() {
  const other = locale.get() === 'en' ? 'zh-CN' : 'en';
  function toggle() {
    void speak(other);
    void writeKey('locale', other);
  }
  return (
    <button type="button" class="link-button lang-toggle" lang={other} onClick={toggle}>
      {t('lang.switchTo')}
    </button>
  );
}
