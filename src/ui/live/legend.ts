/** The live view's legend: what each colour of an agent or a contact means. */
import { CHANNEL_COLOR, STATE_COLOR, cssColor } from '../../render/palette';
import { h } from '../dom';

export function buildLegend(): HTMLElement {
  const item = (color: number, text: string) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${cssColor(color)}` }), text);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    item(STATE_COLOR.idle, 'idle'),
    ...(['voice', 'chat', 'email', 'social'] as const).map((k) => item(CHANNEL_COLOR[k], `busy: ${k}`)),
    item(STATE_COLOR.wrap, 'wrap-up'),
    item(STATE_COLOR.leaving, 'leaving'),
    item(STATE_COLOR.off, 'off shift'),
    item(STATE_COLOR.abandoned, 'abandoned'),
    h('li', { class: 'note', text: 'chat agents: brighter = more chats held' }),
  );
}
