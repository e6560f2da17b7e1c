import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

/** A screen loaded on first use (its own chunk, precached by the service worker), keeping the initial bundle small. */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      loading ??= load().then((component) => void (loaded = component));
      void loading.then(() => live && setReady(true));
      return () => void (live = false);
    }, []);
    return loaded ? h(loaded, props) : <p role="status">{t('loading')}</p>;
  };
}
