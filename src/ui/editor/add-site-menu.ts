/**
 * "Add site": a disclosure button and a menu of the site templates (templates.ts); Escape closes it.
 */
import { h } from '../dom';
import { button } from './fields';
import { TEMPLATES, type TemplateId } from './templates';

export function addSiteMenu(pick: (id: TemplateId) => void): HTMLElement {
  const menuId = 'ed-add-site-menu';
  const addBtn = h('button', {
    type: 'button',
    text: 'Add site',
    'aria-expanded': 'false',
    'aria-controls': menuId,
    'data-testid': 'add-site',
  });
  const menu = h('div', {
    id: menuId,
    class: 'ed-menu',
    role: 'group',
    'aria-label': 'Site templates',
    hidden: true,
  });
  const closeMenu = () => {
    menu.hidden = true;
    addBtn.setAttribute('aria-expanded', 'false');
  };
  for (const t of TEMPLATES)
    menu.append(
      button(t.label, () => {
        closeMenu();
        pick(t.id as TemplateId);
      }),
    );
  addBtn.addEventListener('click', () => {
    const show = menu.hidden;
    menu.hidden = !show;
    addBtn.setAttribute('aria-expanded', String(show));
    if (show) menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeMenu();
      addBtn.focus();
    }
  });
  return h('div', { class: 'ed-add-site' }, addBtn, menu);
}
