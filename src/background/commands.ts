/**
 * Keyboard shortcuts: jump to the next / previous conflicting claim in the active tab, and add
 * the active tab's article to the reader's corpus.
 */
import browser from 'webextension-polyfill';
import { sendToTab } from '../messaging/channel.ts';
import type { ToContent } from '../messaging/protocol.ts';
import { addWithFeedback } from './add-feedback.ts';

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    void runCommand(command);
  });
}

export async function runCommand(command: string): Promise<boolean> {
  const direction = command === 'next-conflict' ? 1 : command === 'previous-conflict' ? -1 : 0;
  if (!direction && command !== 'add-article') return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  if (!direction) return (await addWithFeedback(tab.id))?.added ?? false;
  const reply = await sendToTab<ToContent, 'page/jump'>(tab.id, 'page/jump', { direction });
  return reply.ok && reply.value;
}
