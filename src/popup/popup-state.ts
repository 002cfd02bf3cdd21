/** What the popup shows: the navigation stack, the page's report and summary, the lookup. */
import type { PageReport } from '../messaging/content-protocol.ts';
import type { Overview, PageView } from '../messaging/popup-protocol.ts';
import type { LookupView } from './views/lookup.ts';

export type View =
  | { kind: 'home' }
  | { kind: 'fact'; id: string }
  | { kind: 'name'; id: string }
  | { kind: 'sources' }
  | { kind: 'source'; id: string; sentence?: number };

export const state = {
  overview: null as Overview | null,
  tabId: null as number | null,
  report: null as PageReport | null,
  page: null as PageView | null,
  host: null as string | null,
  enabled: true,
  query: '',
  stack: [{ kind: 'home' }] as View[],
  /** Where focus was when each view was opened, to restore it on Back. */
  returnFocus: [] as (string | null)[],
  lookup: null as LookupView | null,
  active: -1,
  renderSeq: 0,
  /** False until the first view is in the page. */
  rendered: false,
};

export const top = (): View => state.stack[state.stack.length - 1]!;
