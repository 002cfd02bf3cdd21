/**
 * Page furniture removal, by general rules about how news pages are built, never by
 * listing one outlet's lines: interface labels, video and gallery labels, timestamps, credit
 * and tag lines, bylines and contributor lines, comment-policy and legal footers, tracking
 * pixels, short unpunctuated lines (related-link headlines, mastheads, section labels) and
 * repeated headlines. Photo captions are kept and marked. Original characters are kept.
 */

/** One paragraph of the cleaned article, with its offsets in the cleaned text. */
export interface CleanParagraph {
  start: number;
  end: number;
  caption: boolean;
}

export interface CleanArticle {
  /** Body and caption paragraphs in order, joined by blank lines, characters as printed. */
  text: string;
  paragraphs: CleanParagraph[];
  /** Headline-like lines that were dropped (title, related links): scanned for known names only. */
  headlines: string[];
  /** What was dropped and why, for the CLI's verbose output and tests. */
  dropped: { line: number; text: string; why: string }[];
}

/** Interface labels that are the whole line. */
const UI_LINE =
  /^(?:skip to (?:main )?content|story continues below(?: advertisement)?|advertisement|sponsored(?: content)?|report an error|report a typo|online view pixel|tracking pixel|story highlights|highlights|key points|read more|read next|related(?: articles?| stories| content)?|more on this story|share(?: this(?: article| story)?)?|print|email|subscribe|sign up|sign in|log ?in|log ?out|comments?|show comments|hide caption|toggle caption|close|menu|search|top stories|most read|trending|follow us|listen to (?:this )?article|\d+ min(?:ute)? read)[.:!]?$/i;
/** Media labels: "Watch …", "Photos: …", "Video: …", "Opinion: …" without final punctuation. */
const MEDIA_LABEL =
  /^(?:watch|video|videos|photos?|gallery|in pictures|pictures|listen|audio|podcast|opinion|analysis|explainer|live|graphic|interactive|map)\b[:\s-]/i;
/** A video length or timestamp label: "00:43 - Source: …", "2:15". */
const TIMESTAMP = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s|$)/;
/** Credit and tag lines of photos: "REUTERS/Name/Files (… Tags: …)", "Image Credit: …", "Photo: AFP". */
const CREDIT =
  /(?:^|\s)(?:image|photo|picture)\s+(?:credit|courtesy)\s*:|^(?:photo|image|picture|credit|source)s?\s*:|\b[A-Z]{2,}\/[A-Z][\p{L}.' -]+\/|\(\s*[A-Z ]+\s+-\s+tags\s*:|\btags\s*:\s*[A-Z]{3,}/u;
/** Bylines and contributor lines. */
const BYLINE =
  /^(?:by|reporting by|additional reporting by|written by|edited by|compiled by|from)\s+[\p{Lu}]|contributed (?:to )?(?:this )?report(?:ing)?\.?$|^(?:with )?(?:agencies|wires|staff|staff writer|news desk|reuters|ap|afp)\.?$/iu;
/** Comment-policy, newsletter and legal footers. */
const FOOTER =
  /\b(?:removed commenting|commenting (?:system|is closed|has been)|comments (?:are|have been) (?:closed|disabled|removed)|letters? to the editor|terms of (?:use|service)|privacy policy|all rights reserved|cookie (?:policy|settings)|sign up for (?:our|the) newsletter|©|copyright \d{4})\b/i;
/** Photo captions: kept, marked. */
const CAPTION =
  /\b(?:is seen here|are seen here|file (?:picture|photo|image)|pictured (?:here|above|below|in)|in this (?:file )?(?:photo|picture|image|handout)|photo taken|picture taken|image taken)\b/i;
/** Where a photo credit starts inside a caption line ("… said on July 12. REUTERS/Name/Files …"). */
const CREDIT_TAIL =
  /\s(?=\p{Lu}{2,}\/\p{Lu}|\(\s*[A-Z ]+\s+-\s+tags\s*:|(?:image|photo|picture)\s+(?:credit|courtesy)\s*:)/u;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const FINAL = /[.!?…]["'\u201d\u2019)\]]*$|["\u201d]$/;

function words(line: string): string[] {
  return line.split(/\s+/).filter(Boolean);
}

/** Title Case: most words capitalised (headline style). */
function titleCase(line: string): boolean {
  const ws = words(line).filter((w) => /^\p{L}/u.test(w));
  if (ws.length < 3) return false;
  const caps = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / ws.length >= 0.7;
}

/** Why a line is furniture, or null when it is article text. */
export function furnitureReason(line: string, context: { last: boolean }): string | null {
  const t = line.trim();
  if (UI_LINE.test(t)) return 'interface label';
  if (TIMESTAMP.test(t)) return 'timestamp label';
  if (CREDIT.test(t) && !FINAL.test(t)) return 'photo credit';
  if (CREDIT.test(t) && words(t).length < 25 && /\/|tags\s*:/i.test(t)) return 'photo credit';
  if (BYLINE.test(t)) return 'byline';
  if (FOOTER.test(t)) return 'footer';
  if (MEDIA_LABEL.test(t) && !FINAL.test(t)) return 'media label';
  const n = words(t).length;
  if (!FINAL.test(t) && n <= 14) return context.last && n <= 4 ? 'byline' : 'headline';
  if (titleCase(t) && !FINAL.test(t)) return 'headline';
  return null;
}

/** A highlight bullet ("NEW: …", "UPDATE: …"): a summary sentence, kept though unpunctuated. */
const BULLET = /^(?:new|update|updated|breaking|latest|just in)\s*:\s+\S/i;

/**
 * Cleans one article. Paragraphs are the text's lines (blank lines or single newlines both
 * separate them); a line that ends without punctuation and is followed by a line starting in
 * lower case is a hard wrap and is joined.
 */
export function cleanArticle(raw: string): CleanArticle {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const dropped: CleanArticle['dropped'] = [];
  const headlines: string[] = [];
  const kept: { text: string; caption: boolean }[] = [];
  const seen = new Set<string>();
  const lastIndex = (() => {
    for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] as string).trim()) return i;
    return -1;
  })();
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).replace(/\s+$/u, '');
    if (!line.trim()) continue;
    // Hard wraps: join a continuation line that starts in lower case.
    while (
      i + 1 < lines.length &&
      !FINAL.test(line.trim()) &&
      /^\s*\p{Ll}/u.test(lines[i + 1] as string) &&
      words(line).length > 14
    ) {
      i++;
      line = `${line} ${(lines[i] as string).trim()}`;
    }
    const text = line.replace(/^\s+/u, '');
    const key = text.replace(/\s+/gu, ' ').toLowerCase();
    if (seen.has(key)) {
      dropped.push({ line: i + 1, text, why: 'duplicate line' });
      continue;
    }
    seen.add(key);
    if (BULLET.test(text)) {
      kept.push({ text, caption: false });
      continue;
    }
    // A caption that ends in its photo credit: the caption is article text, the credit is not.
    const tail = CAPTION.test(text) ? CREDIT_TAIL.exec(text) : null;
    if (tail && FINAL.test(text.slice(0, tail.index)) && words(text.slice(0, tail.index)).length >= 8) {
      dropped.push({ line: i + 1, text: text.slice(tail.index + 1), why: 'photo credit' });
      kept.push({ text: text.slice(0, tail.index), caption: true });
      continue;
    }
    const why = furnitureReason(text, { last: i === lastIndex });
    if (why) {
      dropped.push({ line: i + 1, text, why });
      if (why === 'headline' || why === 'media label' || why === 'timestamp label') headlines.push(text);
      continue;
    }
    kept.push({ text, caption: CAPTION.test(text) });
  }
  let out = '';
  const paragraphs: CleanParagraph[] = [];
  for (const p of kept) {
    if (out) out += '\n\n';
    paragraphs.push({ start: out.length, end: out.length + p.text.length, caption: p.caption });
    out += p.text;
  }
  return { text: out, paragraphs, headlines, dropped };
}
