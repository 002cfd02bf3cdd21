/**
 * The content script entry. Placeholder until the content-script work (issue 4) lands: it keeps
 * the page contract (html[data-crossread-state]) and asks the background for its setup, so the
 * extension can be tested end to end.
 */
import { sendToBackground } from '../messaging/channel.ts';
import type { ContentToBackground } from '../messaging/content-protocol.ts';

async function start(): Promise<void> {
  const html = document.documentElement;
  if (html.hasAttribute('data-crossread')) return; // a second injection does nothing
  html.setAttribute('data-crossread', '');
  html.setAttribute('data-crossread-state', 'scanning');
  const setup = await sendToBackground<ContentToBackground, 'content/setup'>('content/setup', {
    host: location.hostname,
  });
  html.setAttribute('data-crossread-state', setup.ok && !setup.value.enabled ? 'off' : 'ready');
}

start().catch((error) => console.error('crossread:', error));
