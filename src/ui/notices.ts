/**
 * Notices: short messages about the session rather than the scenario — a link that could not be
 * opened, saved work that could not be restored or saved, a simulation worker that was restarted.
 * One line per kind (a newer notice of a kind replaces the older one), each dismissable.
 */
import { h } from './dom';

export type NoticeKind = 'link' | 'storage' | 'worker' | 'file' | 'edit' | 'map';

export interface Notices {
  element: HTMLElement;
  show(kind: NoticeKind, text: string): void;
  clear(kind: NoticeKind): void;
}

export function buildNotices(): Notices {
  const element = h('section', { class: 'problems notices', 'data-testid': 'notices', hidden: true });
  const items = new Map<NoticeKind, HTMLElement>();
  const sync = () => {
    element.hidden = items.size === 0;
  };
  const clear = (kind: NoticeKind) => {
    items.get(kind)?.remove();
    items.delete(kind);
    sync();
  };
  return {
    element,
    show(kind, text) {
      const close = h('button', { type: 'button', class: 'dismiss', text: 'Dismiss' });
      close.addEventListener('click', () => clear(kind));
      const item = h(
        'p',
        { role: 'alert', 'data-testid': `notice-${kind}` },
        h('span', { text }),
        ' ',
        close,
      );
      const old = items.get(kind);
      if (old) old.replaceWith(item);
      else element.append(item);
      items.set(kind, item);
      sync();
    },
    clear,
  };
}
