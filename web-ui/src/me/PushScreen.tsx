import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { Screen } from '../shell/Screen';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * Explains what reminders Canvass sends before the browser is asked for permission. The push
 * subscription itself is wired by the notifications feature; nothing is subscribed here.
 */
export function PushScreen() {
  const [permission, setPermission] = useState<Permission>(currentPermission);

  async function ask() {
    setPermission(await Notification.requestPermission());
  }

  return (
    <Screen title={t('push.title')}>
      <div class="card">
        <p>{t('push.intro')}</p>
        <ul class="bullets">
          <li>{t('push.followups')}</li>
          <li>{t('push.renewals')}</li>
          <li>{t('push.collections')}</li>
          <li>{t('push.coaching')}</li>
        </ul>
        <p class="muted">{t('push.quiet')}</p>
        <div role="status">
          {permission === 'granted' && <p>{t('push.granted')}</p>}
          {permission === 'denied' && <p>{t('push.denied')}</p>}
          {permission === 'unsupported' && <p>{t('push.unsupported')}</p>}
        </div>
        {permission === 'default' && (
          <button type="button" class="primary" onClick={ask}>
            {t('push.ask')}
          </button>
        )}
      </div>
    </Screen>
  );
}
