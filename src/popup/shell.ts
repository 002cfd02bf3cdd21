/** The popup's shell: the header with the brand, the site switch and the search field. */
import browser from 'webextension-polyfill';
import { button, h } from './dom.ts';
import { t } from './i18n.ts';
import { state } from './popup-state.ts';
import { setEnabled } from './site-switch.ts';

export const main = document.getElementById('app') as HTMLElement;
export const status = h('div', { id: 'status', role: 'status', class: 'visually-hidden' });
export const site = h('div', { class: 'site', id: 'site' });
export const search = h('input', {
  id: 'q',
  type: 'search',
  role: 'combobox',
  autocomplete: 'off',
  spellcheck: 'false',
  'aria-autocomplete': 'list',
  'aria-expanded': 'false',
  placeholder: t('popupSearchPlaceholder'),
  'aria-describedby': 'search-hint',
});

/** Puts the header (with the view's Back button) and the status line into the page. */
export function buildShell(back: HTMLElement): void {
  document.title = t('popupTitle');
  document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  const header = h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'brand-row' },
      back,
      h(
        'span',
        { class: 'brand' },
        h('img', { src: 'icons/icon-32.png', alt: '', width: 18, height: 18 }),
        t('extName'),
      ),
      site,
    ),
    h(
      'div',
      { class: 'search', role: 'search' },
      h('label', { for: 'q', class: 'visually-hidden' }, t('popupSearchLabel')),
      search,
      h('span', { id: 'search-hint', class: 'visually-hidden' }, t('popupSearchKeys')),
    ),
  );
  document.body.prepend(header);
  document.body.append(status);
}

export function renderSite(): void {
  site.replaceChildren();
  if (!state.host || !state.report) return;
  const on = state.enabled;
  site.append(
    button(
      {
        class: `switch ${on ? 'on' : 'off'}`,
        id: 'site-switch',
        role: 'switch',
        'aria-checked': String(on),
        title: t('popupSwitchTitle', state.host),
      },
      () => void toggleSite(),
      h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-thumb' })),
      h('span', { class: 'switch-label' }, state.host),
      h('span', { class: 'visually-hidden' }, t('popupSwitchLabel')),
    ),
  );
}

async function toggleSite(): Promise<void> {
  if (!state.host) return;
  await setEnabled(state.host, !state.enabled);
  // The rest arrives as pushes: the storage change (below) and then the page's new state.
}
