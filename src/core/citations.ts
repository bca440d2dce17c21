import { sourceIdOf } from "../knowledge/cross-check.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import type { Citation } from "./answer.ts";

/** Turns `source-id ¶6` strings into full citations, keeping order and dropping repeats. */
export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly kb: KnowledgeBase) {}

  /** Adds citations and returns the 1-based number of the first one. */
  add(cites: readonly string[], max = 3): number {
    let first = 0;
    for (const cite of cites.slice(0, max)) {
      const sourceId = sourceIdOf(cite);
      const locator = cite.slice(sourceId.length).trim() || null;
      const existing = this.items.findIndex((c) => c.source === sourceId && c.locator === locator);
      if (existing >= 0) {
        first ||= existing + 1;
        continue;
      }
      const entry = this.kb.byId.get(sourceId);
      if (entry?.kind !== "sources") continue;
      const s = entry.value;
      this.items.push({
        source: s.id,
        title: s.title,
        publisher: s.publisher,
        date: s.published ?? s.covers ?? null,
        locator,
        url: s.url ?? null,
        reliability: s.reliability ?? null,
      });
      first ||= this.items.length;
    }
    return first;
  }

  get newestDate(): string | null {
    const dates = this.items
      .map((c) => c.date)
      .filter((d): d is string => d !== null)
      .sort();
    return dates[dates.length - 1] ?? null;
  }
}
