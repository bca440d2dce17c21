import type { Entry } from "../knowledge/types.ts";
import { dateOf, docFields, forEachLinkedId, sideOf, titleFieldCount, titleOf } from "./entry-text.ts";
import { type DocStore, IndexedDoc } from "./indexed-doc.ts";
import { Grouping, grownInt32, IntList } from "./int-list.ts";
import { LONGEST_NAME_IN_TEXT, type Names } from "./name-lexicon.ts";
import { Numbering } from "./numbering.ts";
import { DOC_KINDS, type DocKind, type DocTable } from "./search-index.ts";
import { canonicalTerm, isStopword, stem } from "./text.ts";
import type { Tokenizer } from "./tokenizer.ts";

const UNREAD = -2;
const STOPWORD = -1;
/** Whether an id is lowercase letters, digits and hyphens, which compare the same with < as with localeCompare. */
function isPlainId(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/** What indexing the entries produced, for buildIndex to finish into a SearchIndex. */
export interface IndexedDocs {
  readonly docs: IndexedDoc[];
  readonly table: DocTable;
  readonly terms: readonly string[];
  /** (doc, term, count) of every distinct term of every doc. */
  readonly bodies: Grouping;
  /** (doc, term) of every distinct term of every title. */
  readonly titles: Grouping;
  /** (doc, entity) of every entity of every doc. */
  readonly entityDocs: Grouping;
  readonly entities: readonly string[];
  readonly totalLength: number;
}

/**
 * Reads every entry once: its terms with their counts, its title's terms, and the entities it
 * concerns (those it links to, then the names its text mentions). Words, terms and entities are
 * numbers throughout, so that the work per word of text is arithmetic on typed arrays: a knowledge
 * base of 100,000 entries has millions of words.
 */
export function indexDocs(
  entries: readonly Entry[],
  tokenizer: Tokenizer,
  names: Names,
  displayName: ReadonlyMap<string, string>,
  quoted: ReadonlyMap<string, string>,
): IndexedDocs {
  const indexer = new DocIndexer(entries.length, tokenizer, names, displayName, quoted);
  for (let at = 0; at < entries.length; at++) indexer.add(entries[at] as Entry, at);
  return indexer.finish();
}

class DocIndexer {
  private readonly terms = new Numbering();
  private readonly entities = new Numbering();
  private readonly store: DocStore;
  private readonly allEntities = new IntList();
  private readonly bodies = new Grouping({ values: true });
  private readonly titles = new Grouping({ values: false });
  private readonly entityDocs = new Grouping({ values: false });
  private readonly docs: IndexedDoc[] = [];
  private readonly kinds: Uint8Array;
  private readonly lengths: Float64Array;
  private readonly places: Uint8Array;
  private readonly sides: Uint8Array;
  private readonly byId = new Map<string, number>();
  private plainIds = true;
  private totalLength = 0;

  /** Per word number: its term, STOPWORD, or UNREAD until the word first appears in an entry. */
  private termOf = new Int32Array(0);
  /** Per term, reset after each entry: its count in the body; the entry (+ 1) whose title had it. */
  private tf = new Int32Array(1024);
  private titled = new Int32Array(1024);
  /** The distinct terms of the entry being read: distinct[0 … distinctCount). */
  private distinct = new Int32Array(1024);
  /** Per entity number: the entry (+ 1) that last listed it, so that an entry lists each once. */
  private listedIn = new Int32Array(1024);
  /**
   * Per lexicon key: its ids as entity numbers, keyEntities[keyFrom[key] - 1 … + keyCount[key]),
   * made the first time the name is found (keyFrom is 0 until then).
   */
  private readonly keyEntities = new IntList();
  private readonly keyFrom: Int32Array;
  private readonly keyCount: Int32Array;
  /**
   * The names (lexicon keys) found in the entry being read, by length in words: found[len][0 …
   * foundCount[len]). Listed shortest first, then by position.
   */
  private readonly found = Array.from({ length: LONGEST_NAME_IN_TEXT + 1 }, () => new Int32Array(64));
  private readonly foundCount = new Int32Array(LONGEST_NAME_IN_TEXT + 1);
  /** The entry being read. */
  private current = 0;
  private readonly addLinked = (id: string) => this.addEntity(this.entities.number(id));

  constructor(
    count: number,
    private readonly tokenizer: Tokenizer,
    private readonly names: Names,
    displayName: ReadonlyMap<string, string>,
    quoted: ReadonlyMap<string, string>,
  ) {
    this.store = { entities: new Int32Array(0), entityList: this.entities.list, displayName, quoted };
    this.kinds = new Uint8Array(count);
    this.lengths = new Float64Array(count);
    this.places = new Uint8Array(count);
    this.sides = new Uint8Array(count);
    this.keyFrom = new Int32Array(names.lexicon.size);
    this.keyCount = new Int32Array(names.lexicon.size);
  }

  add(entry: Entry, at: number): void {
    const id = entry.value.id;
    this.current = at;
    const fields = docFields(entry, this.store.displayName, this.store.quoted);
    const titleFields = titleFieldCount(entry);
    const n = this.tokenizer.tokensOf(fields, titleFields);
    const titleWords = this.tokenizer.marked;
    const length = this.countTerms(n);

    const entitiesFrom = this.allEntities.length;
    forEachLinkedId(entry, this.addLinked);
    // Names that appear in the text count too, so a fact that says "Greer" is about Greer.
    this.findNames(n);
    // The title is the first fields' words, unless a rewrite ran across fields: then it is read alone.
    if (titleFields > 0) this.addTitle(titleWords >= 0 ? titleWords : this.tokenizer.tokens(titleOf(entry)));

    this.docs.push(
      new IndexedDoc(
        id,
        entry.kind as DocKind,
        entry,
        this.store,
        length,
        entitiesFrom,
        this.allEntities.length,
        dateOf(entry),
      ),
    );
    this.kinds[at] = DOC_KINDS.indexOf(entry.kind as DocKind);
    this.lengths[at] = length;
    if (entry.kind === "people") {
      this.places[at] = entry.value.kind === "place" ? 1 : 0;
      const side = sideOf(entry.value.country);
      this.sides[at] = side === "china" ? 1 : side === "us" ? 2 : 0;
    }
    if (!this.byId.has(id)) this.byId.set(id, at);
    if (this.plainIds && !isPlainId(id)) this.plainIds = false;
    this.totalLength += length;
  }

  finish(): IndexedDocs {
    this.store.entities = this.allEntities.toArray();
    return {
      docs: this.docs,
      table: {
        kind: this.kinds,
        length: this.lengths,
        place: this.places,
        side: this.sides,
        byId: this.byId,
        plainIds: this.plainIds,
      },
      terms: this.terms.list,
      bodies: this.bodies,
      titles: this.titles,
      entityDocs: this.entityDocs,
      entities: this.entities.list,
      totalLength: this.totalLength,
    };
  }

  /** Terms are numbered in order of first appearance in an entry. */
  private termOfWord(w: number): number {
    if (w >= this.termOf.length) {
      const grown = grownInt32(this.termOf, this.tokenizer.wordCount);
      grown.fill(UNREAD, this.termOf.length);
      this.termOf = grown;
    }
    let t = this.termOf[w] as number;
    if (t === UNREAD) {
      const word = this.tokenizer.word(w);
      t = isStopword(word) ? STOPWORD : this.terms.number(canonicalTerm(stem(word)));
      this.termOf[w] = t;
    }
    return t;
  }

  /** Adds the counts of the terms of the entry's n words to its postings; returns how many terms it has. */
  private countTerms(n: number): number {
    const words = this.tokenizer.out;
    let length = 0;
    let distinctCount = 0;
    for (let k = 0; k < n; k++) {
      const t = this.termOfWord(words[k] as number);
      if (t < 0) continue;
      length++;
      if (t >= this.tf.length) this.tf = grownInt32(this.tf, this.terms.list.length);
      if (this.tf[t] === 0) {
        if (distinctCount === this.distinct.length)
          this.distinct = grownInt32(this.distinct, distinctCount + 1);
        this.distinct[distinctCount++] = t;
      }
      this.tf[t] = (this.tf[t] as number) + 1;
    }
    for (let k = 0; k < distinctCount; k++) {
      const t = this.distinct[k] as number;
      this.bodies.add(this.current, t, this.tf[t] as number);
      this.tf[t] = 0;
    }
    return length;
  }

  /** Adds the terms of the first n words of `out` as the entry's title terms. */
  private addTitle(n: number): void {
    const words = this.tokenizer.out;
    const mark = this.current + 1;
    for (let k = 0; k < n; k++) {
      const t = this.termOfWord(words[k] as number);
      if (t < 0) continue;
      if (t >= this.titled.length) this.titled = grownInt32(this.titled, this.terms.list.length);
      if (this.titled[t] === mark) continue;
      this.titled[t] = mark;
      this.titles.add(this.current, t);
    }
  }

  /** Every name (of up to four words) among the entry's n words, shortest first, then by position. */
  private findNames(n: number): void {
    const words = this.tokenizer.out;
    const tree = this.names.lexicon.tree;
    this.foundCount.fill(0);
    for (let i = 0; i < n; i++) {
      const first = words[i] as number;
      if (tree.start(first) < 0) continue;
      const key = tree.startKey(first);
      if (key >= 0) this.addFound(1, key);
      if (i + 1 >= n || !tree.startGoesOn(first, words[i + 1] as number)) continue;
      // Each longer name starting here lies on one path down the tree, followed word by word.
      let node = tree.child(tree.start(first), words[i + 1] as number);
      for (let len = 2; node >= 0 && len <= LONGEST_NAME_IN_TEXT; len++) {
        const longer = tree.keyAt(node);
        if (longer >= 0) this.addFound(len, longer);
        if (i + len >= n) break;
        node = tree.child(node, words[i + len] as number);
      }
    }
    for (let len = 1; len <= LONGEST_NAME_IN_TEXT; len++) {
      const list = this.found[len] as Int32Array;
      const count = this.foundCount[len] as number;
      for (let k = 0; k < count; k++) this.addEntitiesOfKey(list[k] as number);
    }
  }

  private addFound(len: number, key: number): void {
    const at = this.foundCount[len] as number;
    if (at === (this.found[len] as Int32Array).length)
      this.found[len] = grownInt32(this.found[len] as Int32Array, at + 1);
    (this.found[len] as Int32Array)[at] = key;
    this.foundCount[len] = at + 1;
  }

  private addEntitiesOfKey(key: number): void {
    if (this.keyFrom[key] === 0) {
      this.keyFrom[key] = this.keyEntities.length + 1;
      const lexicon = this.names.lexicon;
      const count = lexicon.valueCount(key);
      this.keyCount[key] = count;
      for (let k = 0; k < count; k++) this.keyEntities.push(this.entities.number(lexicon.valueAt(key, k)));
    }
    const from = (this.keyFrom[key] as number) - 1;
    const to = from + (this.keyCount[key] as number);
    for (let k = from; k < to; k++) this.addEntity(this.keyEntities.at(k));
  }

  private addEntity(e: number): void {
    if (e >= this.listedIn.length) this.listedIn = grownInt32(this.listedIn, e + 1);
    if (this.listedIn[e] === this.current + 1) return;
    this.listedIn[e] = this.current + 1;
    this.allEntities.push(e);
    this.entityDocs.add(this.current, e);
  }
}
