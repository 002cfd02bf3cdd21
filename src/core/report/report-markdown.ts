/**
 * The cross-check report as Markdown, for a note, a ticket or an editor's inbox: conflicts
 * first, each source's own words quoted with a link that opens the source at that sentence.
 * Text from pages and the corpus is escaped, so it reads as text and never as markup or a link.
 * The words around the data are _locales messages (`report…`), looked up through `msg`.
 */
import type { CrossCheckReport, ReportFact, ReportSource } from './cross-check.ts';

/** A message from the extension's _locales by name, with its substitutions. */
export type Msg = (key: string, subs?: string[]) => string;

/**
 * Backslash-escapes what Markdown reads as syntax inside a line (emphasis, code, links, tables,
 * strike-through) and, at the start, what opens a block (a heading, a list, a quote); `<`
 * becomes `&lt;`, line breaks spaces. Dates and decimals stay readable.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A link target: angle-bracketed, with the characters that could end it encoded. */
function mdUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function sourceLine(s: ReportSource, msg: Msg): string {
  const when = s.time ? `, ${mdText(s.time)}` : '';
  let line = `- **${mdText(s.outlet)}** (${msg(`reportStance_${s.stance}`)}${when}): “${mdText(s.words)}”`;
  if (s.attributions.length) line += `; ${msg('reportAttributed', [s.attributions.map(mdText).join('; ')])}`;
  if (s.sharedReport)
    line += `; ${msg('reportShared', [String(s.sharedReport.sources), s.sharedReport.credit ? mdText(s.sharedReport.credit) : msg('reportNoCredit')])}`;
  if (s.link) line += ` [${msg('reportOpenSource')}](${mdUrl(s.link)})`;
  return line;
}

function factBlock(f: ReportFact, msg: Msg): string[] {
  const lines = [
    `**${msg(`reportStatus_${f.status}`)}**: ${mdText(f.label)} (${msg('reportCounts', [String(f.sourceCount), String(f.reportCount)])})`,
    '',
    ...f.sources.map((s) => sourceLine(s, msg)),
  ];
  if (f.notReported.length)
    lines.push(`- ${msg('reportNotReported', [f.notReported.map(mdText).join(', ')])}`);
  return lines;
}

export function reportMarkdown(report: CrossCheckReport, msg: Msg): string {
  const page = report.page;
  const out = [
    `# ${msg('reportHeading', [mdText(page.title ?? page.url)])}`,
    '',
    `${mdUrl(page.url)} · ${msg('reportChecked', [mdText(page.checked)])}`,
    '',
    `## ${msg('reportClaims', [String(report.claims.length)])}`,
    '',
  ];
  if (report.claims.length === 0) out.push(msg('reportNothing'), '');
  report.claims.forEach((claim, i) => {
    out.push(`### ${i + 1}. ${msg(`reportStatus_${claim.status}`)}`, '', `> ${mdText(claim.text)}`, '');
    for (const f of claim.facts) out.push(...factBlock(f, msg), '');
  });
  if (report.names.length) {
    out.push(`## ${msg('reportNames', [String(report.names.length)])}`, '');
    for (const n of report.names) {
      const spellings = n.spellings
        .map((s) => `“${mdText(s.text)}” (${s.outlets.map(mdText).join(', ')})`)
        .join('; ');
      out.push(`- **${mdText(n.name)}** (${msg(`reportType_${n.type}`)}, ×${n.onPage}): ${spellings}`);
    }
    out.push('');
  }
  return out.join('\n');
}
