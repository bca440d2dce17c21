import type { Entry, KnowledgeBase } from "../knowledge/types.ts";
import { indexDocs } from "./doc-indexer.ts";
import { quoteContext } from "./entry-text.ts";
import { FuzzyLexicon } from "./fuzzy-lexicon.ts";
import { buildNames } from "./name-lexicon.ts";
import { stem } from "./text.ts";
import { Tokenizer } from "./tokenizer.ts";

export type DocKind = "facts" | "quotes" | "events" | "deadlines" | "people";

/** The kinds in a fixed order, so that a kind can be kept as a small number (its position). */
export const DOC_KINDS: readonly DocKind[] = ["facts", "quotes", "events", "deadlines", "people"];

/** One searchable entry: its words, the entities it concerns, and its date. */
export interface Doc {
  readonly id: string;
  readonly kind: DocKind;
  readonly entry: Entry;
  readonly terms: readonly string[];
  /** The same terms as a set. */
  readonly termSet: ReadonlySet<string>;
  /** Terms of the entry's title or name, which say more than its body. */
  readonly titleTerms: ReadonlySet<string>;
  readonly entities: ReadonlySet<string>;
  readonly date: string;
  readonly length: number;
}

/** The entries a term occurs in (ascending doc numbers) and how often it occurs in each. */
export interface PostingList {
  readonly docs: Int32Array;
  readonly tfs: Int32Array;
}

/**
 * What the ranking reads of every candidate, as flat arrays indexed by doc number, so that scoring
 * tens of thousands of candidates is arithmetic rather than object and string work.
 */
export interface DocTable {
  /** Position of the doc's kind in DOC_KINDS. */
  readonly kind: Uint8Array;
  readonly length: Float64Array;
  /** 1 for the entry of a place (people of kind "place"). */
  readonly place: Uint8Array;
  /** For people: 1 on the Chinese side, 2 on the US side, else 0. */
  readonly side: Uint8Array;
  /** Entry id → doc number. */
  readonly byId: ReadonlyMap<string, number>;
  /** Every id is a plain lowercase slug, whose localeCompare order is plain string order. */
  readonly plainIds: boolean;
}

/** Built once per knowledge base; every question is answered against it without rebuilding. */
export interface SearchIndex {
  readonly kb: KnowledgeBase;
  readonly docs: readonly Doc[];
  readonly postings: ReadonlyMap<string, PostingList>;
  /** Term → the docs whose title or name has it (ascending). */
  readonly titlePostings: ReadonlyMap<string, Int32Array>;
  /** Entity id → the docs that concern it (ascending). */
  readonly entityDocs: ReadonlyMap<string, Int32Array>;
  readonly table: DocTable;
  readonly averageLength: number;
  /** Names, aliases and synonyms (normalised) → entity ids. */
  readonly names: FuzzyLexicon<string>;
  /** The stems of the words of names a misspelling may be found for, and of the parts of hyphenated ones. */
  readonly nameWords: ReadonlySet<string>;
  /** The first word of every name. */
  readonly nameStarts: ReadonlySet<string>;
  /** Every indexed term, for correcting misspelt words. */
  readonly vocabulary: FuzzyLexicon<string>;
  /** Entity id → its display name. */
  readonly displayName: ReadonlyMap<string, string>;
  /** The newest source date: what the knowledge base knows "as of". */
  readonly asOf: string;
}

function entriesOf(kb: KnowledgeBase): Entry[] {
  return [
    ...kb.facts.map((value) => ({ kind: "facts" as const, value })),
    ...kb.quotes.map((value) => ({ kind: "quotes" as const, value })),
    ...kb.events.map((value) => ({ kind: "events" as const, value })),
    ...kb.deadlines.map((value) => ({ kind: "deadlines" as const, value })),
    ...kb.people.map((value) => ({ kind: "people" as const, value })),
  ];
}

export function buildIndex(kb: KnowledgeBase): SearchIndex {
  const displayName = new Map<string, string>();
  for (const p of kb.people) displayName.set(p.id, p.name);
  for (const t of kb.topics) displayName.set(t.id, t.name);
  for (const e of kb.events) displayName.set(e.id, e.title);
  for (const d of kb.deadlines) displayName.set(d.id, d.what);

  // One tokenizer for names and entries, so that a name's words and an entry's have the same numbers.
  const tokenizer = new Tokenizer();
  const names = buildNames(kb, tokenizer);
  const indexed = indexDocs(entriesOf(kb), tokenizer, names, displayName, quoteContext(kb));
  const { docs, terms } = indexed;

  const postings = new Map<string, PostingList>();
  const titlePostings = new Map<string, Int32Array>();
  const vocabulary = new FuzzyLexicon<string>();
  const body = indexed.bodies.group(terms.length);
  const head = indexed.titles.group(terms.length);
  terms.forEach((term, t) => {
    const from = body.start[t] as number;
    const to = body.start[t + 1] as number;
    if (to > from) {
      postings.set(term, { docs: body.a.subarray(from, to), tfs: body.b.subarray(from, to) });
      vocabulary.add(term, term);
    }
    const first = head.start[t] as number;
    const last = head.start[t + 1] as number;
    if (last > first) titlePostings.set(term, head.a.subarray(first, last));
  });
  const entityDocs = new Map<string, Int32Array>();
  const byEntity = indexed.entityDocs.group(indexed.entities.length);
  indexed.entities.forEach((id, e) => {
    entityDocs.set(id, byEntity.a.subarray(byEntity.start[e] as number, byEntity.start[e + 1] as number));
  });
  // Words of names are known words too ("lifeng"), even where no entry's text has them.
  const stems = new Map<string, string>();
  const stemOf = (w: string) => {
    let s = stems.get(w);
    if (s === undefined) {
      s = stem(w);
      stems.set(w, s);
    }
    return s;
  };
  for (let i = 0; i < names.words.length; i++) {
    const s = stemOf(names.words[i] as string);
    vocabulary.add(s, s);
  }
  // The stems of the words a misspelt name may have, with those of the parts of hyphenated ones
  // (a question may spell "one-on-one" "one on one").
  const nameStems = new Set<string>();
  for (let i = 0; i < names.fuzzyWords.length; i++) {
    const w = names.fuzzyWords[i] as string;
    nameStems.add(stemOf(w));
    if (w.includes("-")) for (const part of w.split("-")) if (part) nameStems.add(stem(part));
  }
  // Fuzzy lookups need the trigrams of every key: built here, with the rest of the index.
  names.lexicon.prepare();
  vocabulary.prepare();

  const dates = kb.sources
    .map((s) => s.published ?? s.covers ?? "")
    .filter(Boolean)
    .sort();
  return {
    kb,
    docs,
    postings,
    titlePostings,
    entityDocs,
    table: indexed.table,
    averageLength: docs.length ? indexed.totalLength / docs.length : 1,
    names: names.lexicon,
    nameWords: nameStems,
    nameStarts: names.starts,
    vocabulary,
    displayName,
    asOf: dates[dates.length - 1] ?? "",
  };
}
