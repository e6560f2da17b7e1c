import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Icon, type IconName } from './icons';

/** A screen: its title is the page's h1, focused on arrival so screen readers announce the change. */
export function Screen({ title, children }: { title: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    document.title = `${title} · Canvass`;
  }, [title]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

/** The honest placeholder for an area that a later release fills in. */
export function EmptyState({ icon, title, body }: { icon: IconName; title: string; body: string }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <Icon name={icon} />
      <h2 id="empty-title">{title}</h2>
      <p>{body}</p>
    </section>
  );
}
