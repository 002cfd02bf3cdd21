/** Whether the bundled seed corpus is read with the reader's own: on unless switched off. */
import { getSetting, setSetting } from '../store/corpus-db.ts';

export function bundledOn(): Promise<boolean> {
  return getSetting('bundled', true).catch(() => true);
}

export function setBundled(on: boolean): Promise<void> {
  return setSetting('bundled', on);
}
