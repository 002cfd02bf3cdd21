/**
 * wink-nlp with its lite English model, for the Node indexer. One instance per process, and no
 * custom entities: NLP-NOTES 7, learning patterns in a later instance throws.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { type Analysed, analyseWith, type Wink } from '../core/text/sentences.ts';

export type { Analysed } from '../core/text/sentences.ts';

let nlp: Wink | null = null;

/** Splits one paragraph into sentences and finds proper-noun tokens. */
export function analyse(text: string): Analysed {
  nlp ??= winkNLP(model) as unknown as Wink;
  return analyseWith(nlp, text);
}
