/**
 * How crossread names a source to a reader, everywhere (popup rows, hover cards): its label
 * (sources.json's short name from the text), else its outlet, else its title (shortened), else
 * "Source N" by its place in the corpus — a corpus may not say who published an article, and a
 * file name is no name for a reader.
 */
export function sourceLabel(
  source: { label?: string | null; outlet?: string | null; title?: string | null },
  position: number,
  unnamed: (n: number) => string,
): string {
  const title =
    source.title && source.title.length > 48 ? `${source.title.slice(0, 46).trimEnd()}…` : source.title;
  return source.label || source.outlet || title || unnamed(position + 1);
}
