/**
 * How the popup names a source: its outlet, else its title (shortened), else "Source N" in
 * corpus order — a corpus may not say who published an article, and a file name is no name for
 * a reader. The full title and file stay in the tooltip and the reader view.
 */
import type { SourceBrief } from '../messaging/popup-protocol.ts';
import { t } from './i18n.ts';

const names = new Map<string, string>();
const details = new Map<string, string>();

/** Registers the corpus's sources (from popup/overview), in corpus order. */
export function setSources(sources: SourceBrief[]): void {
  names.clear();
  details.clear();
  sources.forEach((s, i) => {
    const title = s.title && s.title.length > 48 ? `${s.title.slice(0, 46).trimEnd()}…` : s.title;
    names.set(s.id, s.outlet || title || t('popupUnnamedSource', i + 1));
    details.set(s.id, [s.outlet, s.title, s.file].filter(Boolean).join(' · '));
  });
}

/** The display name of a source id (the id itself when unknown). */
export function sourceName(id: string): string {
  return names.get(id) ?? id;
}

/** Outlet, title and file of a source, for a tooltip. */
export function sourceDetail(id: string): string {
  return details.get(id) ?? id;
}
