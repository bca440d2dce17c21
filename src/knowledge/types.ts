import type { Deadline, Event, Fact, Person, Quote, Source, Topic } from "./schema.ts";

export type Entry =
  | { kind: "sources"; value: Source }
  | { kind: "people"; value: Person }
  | { kind: "topics"; value: Topic }
  | { kind: "events"; value: Event }
  | { kind: "facts"; value: Fact }
  | { kind: "quotes"; value: Quote }
  | { kind: "deadlines"; value: Deadline };

/** A validated, cross-checked and frozen knowledge base. */
export interface KnowledgeBase {
  readonly sources: readonly Source[];
  readonly people: readonly Person[];
  readonly topics: readonly Topic[];
  readonly events: readonly Event[];
  readonly facts: readonly Fact[];
  readonly quotes: readonly Quote[];
  readonly deadlines: readonly Deadline[];
  /** Every entry by id (ids are unique across kinds). */
  readonly byId: ReadonlyMap<string, Entry>;
  /** A short hash of the files' contents: the knowledge version. */
  readonly version: string;
}

export type Counts = Record<
  "facts" | "quotes" | "deadlines" | "people" | "events" | "sources" | "topics",
  number
>;

export function countsOf(kb: KnowledgeBase): Counts {
  return {
    facts: kb.facts.length,
    quotes: kb.quotes.length,
    deadlines: kb.deadlines.length,
    people: kb.people.length,
    events: kb.events.length,
    sources: kb.sources.length,
    topics: kb.topics.length,
  };
}
