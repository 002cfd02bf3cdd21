/**
 * The popup. Placeholder until the popup work (issue 5) lands: renders the corpus overview from
 * the background, so the build can be tested end to end.
 */
import { sendToBackground } from '../messaging/channel.ts';
import type { PopupToBackground } from '../messaging/popup-protocol.ts';

async function render(): Promise<void> {
  const app = document.getElementById('app')!;
  const overview = await sendToBackground<PopupToBackground, 'popup/overview'>('popup/overview', {});
  const line = document.createElement('p');
  line.id = 'overview';
  line.textContent = overview.ok
    ? `${overview.value.sources.length} sources · ${overview.value.entities} names`
    : overview.error;
  app.append(line);
  document.body.dataset.ready = '1';
}

void render();
