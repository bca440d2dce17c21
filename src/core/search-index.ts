import type { Entry, KnowledgeBase } from "../knowledge/types.ts";
import { dateOf, linkedIds, quoteContext, searchableText, sideOf, titleOf } from "./entry-text.ts";
import { FuzzyLexicon } from "./fuzzy-lexicon.ts";
import { IndexedDoc, type TermStore } from "./indexed-doc.ts";
import { Grouping, IntList } from "./int-list.ts";
import { buildNames, LONGEST_NAME_IN_TEXT, type NameNode, nameParts } from "./name-lexicon.ts";
import { canonicalTerm, isStopword, stem } from "./text.ts";
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
  readonly entityDocs: ReadonlyMap<string, readonly number[]>;
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

/** What the build keeps of each distinct word: its term (-1 for a stopword) and the names it may start. */
interface Word {
  readonly text: string;
  readonly term: number;
  readonly name: NameNode | undefined;
}

/** Terms numbered in order of first appearance. */
class TermTable {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(term, id);
      this.list.push(term);
    }
    return id;
  }
}

/**
 * Every name (of up to four words) that occurs in a text, shortest first, then by position.
 * `found` is scratch space, one list per length in words, cleared here.
 */
function namesIn(
  tokens: readonly Word[],
  count: number,
  found: (readonly string[])[][],
  add: (id: string) => void,
): void {
  for (const list of found) list.length = 0;
  for (let i = 0; i < count; i++) {
    // Each name starting here lies on one path down the tree of names, followed word by word.
    let node = (tokens[i] as Word).name;
    for (let n = 1; node; n++) {
      if (node.ids) found[n]?.push(node.ids);
      if (!node.next || i + n >= count) break;
      node = node.next.get((tokens[i + n] as Word).text);
    }
  }
  for (const list of found) for (const ids of list) for (const id of ids) add(id);
}

function grown(array: Int32Array, least: number): Int32Array {
  const out = new Int32Array(Math.max(least, array.length * 2));
  out.set(array);
  return out;
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

  const entries = entriesOf(kb);
  const count = entries.length;
  const table = new TermTable();
  let tree: Map<string, NameNode> = new Map();
  // Each distinct word is normalised, stemmed and looked up once, however many entries use it.
  const tokenizer = new Tokenizer<Word>((text) => ({
    text,
    term: isStopword(text) ? -1 : table.id(canonicalTerm(stem(text))),
    name: tree.get(text),
  }));
  const names = buildNames(kb, (text) => tokenizer.normalize(text));
  const parts = nameParts(names);
  tree = parts.tree;
  const entityDocs = new Map<string, number[]>();
  const docs: Doc[] = [];
  const kinds = new Uint8Array(count);
  const lengths = new Float64Array(count);
  const places = new Uint8Array(count);
  const sides = new Uint8Array(count);
  const byId = new Map<string, number>();
  let plainIds = true;
  let totalLength = 0;
  const store: TermStore = { ids: new Int32Array(0), list: table.list };
  const allTerms = new IntList();
  const bodies = new Grouping();
  const titles = new Grouping();
  // Scratch, reused for every entry: its words, its distinct terms with their counts, its names.
  const tokens: Word[] = [];
  const distinct: number[] = [];
  const found: (readonly string[])[][] = Array.from({ length: LONGEST_NAME_IN_TEXT + 1 }, () => []);
  let tf: Int32Array = new Int32Array(1024);
  let titled: Int32Array = new Int32Array(1024);

  // The entities of the entry being indexed, each once, in the order found.
  let entities: string[] = [];
  let current = 0;
  const addEntity = (e: string) => {
    const list = entityDocs.get(e);
    if (!list) entityDocs.set(e, [current]);
    else if (list[list.length - 1] !== current) list.push(current);
    else return;
    entities.push(e);
  };

  const context = quoteContext(kb);
  for (let index = 0; index < count; index++) {
    const entry = entries[index] as Entry;
    const id = entry.value.id;
    const quoted = context.get(id);
    const text = searchableText(entry, displayName);
    const n = tokenizer.tokens(quoted ? `${text} ${quoted}` : text, tokens);
    if (tf.length < table.list.length) tf = grown(tf, table.list.length);
    const from = allTerms.length;
    distinct.length = 0;
    for (let k = 0; k < n; k++) {
      const t = (tokens[k] as Word).term;
      if (t < 0) continue;
      allTerms.push(t);
      if (tf[t] === 0) distinct.push(t);
      tf[t] = (tf[t] as number) + 1;
    }
    for (const t of distinct) {
      bodies.add(t, index, tf[t] as number);
      tf[t] = 0;
    }
    entities = [];
    current = index;
    for (const e of linkedIds(entry)) addEntity(e);
    // Names that appear in the text count too, so a fact that says "Greer" is about Greer.
    namesIn(tokens, n, found, addEntity);
    const title = titleOf(entry);
    if (title) {
      const m = tokenizer.tokens(title, tokens);
      if (titled.length < table.list.length) titled = grown(titled, table.list.length);
      for (let k = 0; k < m; k++) {
        const t = (tokens[k] as Word).term;
        if (t < 0 || titled[t] === index + 1) continue;
        titled[t] = index + 1;
        titles.add(t, index);
      }
    }
    const length = allTerms.length - from;
    docs.push(
      new IndexedDoc(id, entry.kind as DocKind, entry, store, from, allTerms.length, entities, dateOf(entry)),
    );
    kinds[index] = DOC_KINDS.indexOf(entry.kind as DocKind);
    lengths[index] = length;
    if (entry.kind === "people") {
      places[index] = entry.value.kind === "place" ? 1 : 0;
      const side = sideOf(entry.value.country);
      sides[index] = side === "china" ? 1 : side === "us" ? 2 : 0;
    }
    if (!byId.has(id)) byId.set(id, index);
    if (plainIds && !/^[a-z0-9-]*$/.test(id)) plainIds = false;
    totalLength += length;
  }
  store.ids = allTerms.toArray();

  const postings = new Map<string, PostingList>();
  const titlePostings = new Map<string, Int32Array>();
  const vocabulary = new FuzzyLexicon<string>();
  const body = bodies.group(table.list.length);
  const head = titles.group(table.list.length);
  table.list.forEach((term, t) => {
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
  // Words of names are known words too ("lifeng"), even where no entry's text has them.
  for (const w of parts.words) vocabulary.add(stem(w), stem(w));
  // The stems of the words a misspelt name may have, with those of the parts of hyphenated ones
  // (a question may spell "one-on-one" "one on one").
  const nameStems = new Set<string>();
  for (const w of parts.fuzzyWords) {
    nameStems.add(stem(w));
    if (w.includes("-")) for (const part of w.split("-")) if (part) nameStems.add(stem(part));
  }
  // Fuzzy lookups need the trigrams of every key: built here, with the rest of the index.
  names.prepare();
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
    table: { kind: kinds, length: lengths, place: places, side: sides, byId, plainIds },
    averageLength: docs.length ? totalLength / docs.length : 1,
    names,
    nameWords: nameStems,
    nameStarts: parts.starts,
    vocabulary,
    displayName,
    asOf: dates[dates.length - 1] ?? "",
  };
}
