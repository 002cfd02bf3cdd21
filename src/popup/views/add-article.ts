/**
 * "Add this article": the page's article joins the reader's corpus, is indexed at once, and the
 * next page on the story is checked against it. Says what it came to, in numbers, and links to
 * the options page where the corpus is managed.
 */
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../messaging/channel.ts';
import type { CorpusToBackground } from '../../messaging/protocol.ts';
import { button, h } from '../dom.ts';
import { t } from '../i18n.ts';

export function addArticleBar(tabId: number | null): HTMLElement {
  const said = h('p', { id: 'add-article-status', role: 'status', class: 'add-status' });
  const add = button(
    { class: 'secondary', id: 'add-article' },
    async () => {
      if (tabId === null) return;
      add.setAttribute('disabled', '');
      said.textContent = t('popupAdding');
      const reply = await sendToBackground<CorpusToBackground, 'corpus/addTab'>('corpus/addTab', { tabId });
      add.removeAttribute('disabled');
      if (!reply.ok) said.textContent = t('popupAddFailed', reply.error);
      else if (!reply.value.added) said.textContent = t('popupAddKnown');
      else
        said.textContent = t(
          'popupAdded',
          reply.value.facts,
          reply.value.articles,
          (reply.value.ms / 1000).toFixed(1),
        );
    },
    t('popupAddArticle'),
  );
  const manage = button(
    { class: 'link', id: 'manage-corpus' },
    () => void browser.runtime.openOptionsPage(),
    t('popupManageCorpus'),
  );
  if (tabId === null) add.setAttribute('disabled', '');
  return h('div', { class: 'add-article', id: 'add-article-bar' }, add, manage, said);
}
