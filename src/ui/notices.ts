/**
 * Notices: short messages about the session rather than the scenario — a link that could not be
 * opened, saved work that could not be restored or saved, a simulation worker that was restarted, a
 * run restarted with an edit. One line per kind (a newer notice of a kind replaces the older one), each
 * dismissable, and styled by how much it matters (issue 27: a routine "run restarted" was a red error):
 *
 * - `info`: what happened, as expected (a polite live region: read when the reader is idle);
 * - `warning`: something the planner should know, but the work goes on;
 * - `error`: something failed (an alert: read at once).
 */
import { h } from './dom';

export type NoticeKind = 'link' | 'storage' | 'worker' | 'file' | 'edit' | 'map';
export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notices {
  element: HTMLElement;
  show(kind: NoticeKind, text: string, level?: NoticeLevel): void;
  clear(kind: NoticeKind): void;
}

const LEVEL_LABEL: Record<NoticeLevel, string> = { info: 'Info', warning: 'Warning', error: 'Error' };

export function buildNotices(): Notices {
  const element = h('section', { class: 'notices', 'data-testid': 'notices', hidden: true });
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
    show(kind, text, level = 'error') {
      const close = h('button', { type: 'button', class: 'dismiss', text: 'Dismiss' });
      close.addEventListener('click', () => clear(kind));
      const item = h(
        'p',
        {
          class: `notice notice-${level}`,
          role: level === 'error' ? 'alert' : 'status',
          'data-level': level,
          'data-testid': `notice-${kind}`,
        },
        h('strong', { class: 'notice-level', text: `${LEVEL_LABEL[level]}: ` }),
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
