/**
 * How the popup names a source (core/index/source-label, shared with the hover card). The full
 * title and file stay in the tooltip and the reader view.
 */
import { sourceLabel } from '../core/index/source-label.ts';
import type { SourceBrief } from '../messaging/popup-protocol.ts';
import { t } from './i18n.ts';

const names = new Map<string, string>();
const details = new Map<string, string>();

/** Registers the corpus's sources (from popup/overview), in corpus order. */
export function setSources(sources: SourceBrief[]): void {
  names.clear();
  details.clear();
  sources.forEach((s, i) => {
    // A source of the reader's own corpus says so wherever it is named.
    const label = sourceLabel(s, i, (n) => t('popupUnnamedSource', n));
    const corpus = s.corpus === 'reader' || s.corpus === 'imported' ? t(`popupCorpus_${s.corpus}`) : '';
    names.set(s.id, corpus ? `${label} · ${corpus}` : label);
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
