/** What a view can ask the popup to do; popup.ts implements it (views never send messages). */
export interface Nav {
  openFact(id: string): void;
  openName(id: string): void;
  openSource(id: string, sentence?: number): void;
  openSources(): void;
  /** Scrolls the reader's page to the first highlight with this id and flashes it. */
  showOnPage(id: string): void;
  /** True when the popup knows which page it is about (so "show on page" can work). */
  hasPage: boolean;
}
