import Fuse from "fuse.js";
import { editDistance } from "./edit-distance.ts";
import { TrigramIndex } from "./trigram-index.ts";

/** fuse.js caps patterns at 32 characters; longer phrases are never looked up. */
const LONGEST_PHRASE = 32;
/** The most edits any phrase is allowed (see budgetFor), so keys longer than this never match. */
const LONGEST_KEY = LONGEST_PHRASE + 3;
/** How many of the keys sharing the most trigrams with a phrase fuse.js gets to rank. */
const CANDIDATES = 40;

/** One slip per short word, two in a longer phrase, three in a long one. */
function budgetFor(phrase: string): number {
  return phrase.length >= 15 ? 3 : phrase.length >= 8 ? 2 : 1;
}

/**
 * Fuzzy lookup of short phrases (names, aliases, words) that stays fast on large vocabularies.
 * fuse.js scans every item it is given and caps patterns at 32 characters, so it only ever sees
 * the few keys that share trigrams with the phrase and are within its edit budget.
 */
export class FuzzyLexicon<T> {
  protected readonly keys: string[] = [];
  /**
   * Each key's first value; its values as a list once it has more than one (or once asked for as
   * a list). Most keys have one value, and an array per key cost 10 MB of heap at 150,000 names.
   */
  private readonly firstValues: T[] = [];
  private readonly valueLists: (T[] | undefined)[] = [];
  private readonly position = new Map<string, number>();
  /**
   * Trigram → the keys containing it, by key length. A phrase can only match keys within its edit
   * budget of its own length, and counting only those keeps a crowd of longer keys that share its
   * trigrams ("tiktok" among a hundred "…tik…" names) from pushing the right one out.
   * Built on the first fuzzy lookup after keys were added (or by prepare()), for all keys at once.
   */
  private grams: TrigramIndex | null = null;
  /** Shared-trigram counts per key, reused by every lookup and left zeroed after each. */
  private counts = new Int32Array(0);

  add(key: string, value: T): void {
    if (!key) return;
    const at = this.find(key);
    if (at >= 0) this.addValue(at, value);
    else this.position.set(key, this.push(key, value));
  }

  /** The position of a key (see valuesAt), or -1. */
  protected find(key: string): number {
    return this.position.get(key) ?? -1;
  }

  /** Adds a new key with its first value; returns its position. */
  protected push(key: string, value: T): number {
    this.keys.push(key);
    this.firstValues.push(value);
    this.valueLists.push(undefined);
    this.grams = null;
    return this.keys.length - 1;
  }

  protected addValue(at: number, value: T): void {
    const values = this.valuesAt(at) as T[];
    if (!values.includes(value)) values.push(value);
  }

  /** Builds the trigram index now rather than on the first fuzzy lookup. */
  prepare(): void {
    this.grams ??= TrigramIndex.build(this.keys, LONGEST_KEY);
  }

  exact(key: string): readonly T[] {
    const at = this.find(key);
    return at < 0 ? [] : this.valuesAt(at);
  }

  /** How many values the key added `position`-th has (valuesAt without making a list). */
  valueCount(position: number): number {
    return this.valueLists[position]?.length ?? 1;
  }

  /** The i-th value of the key added `position`-th. */
  valueAt(position: number, i: number): T {
    const list = this.valueLists[position];
    return list ? (list[i] as T) : (this.firstValues[position] as T);
  }

  /** The values of the key added `position`-th (from 0). */
  valuesAt(position: number): readonly T[] {
    let list = this.valueLists[position];
    if (!list) {
      list = [this.firstValues[position] as T];
      this.valueLists[position] = list;
    }
    return list;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Keys that pass a test; the keys are few enough (names, not text) to scan. */
  keysMatching(test: (key: string) => boolean): string[] {
    return this.keys.filter(test);
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * The keys within the edit budget of the phrase's length that share enough of its trigrams to be
   * worth a closer look (35%), most shared first; among equals, the key added first.
   */
  private shared(grams: TrigramIndex, phrase: string, budget: number): number[] {
    const own = grams.gramsOf(phrase);
    const needed = Math.max(1, Math.floor(TrigramIndex.distinctGrams(phrase) * 0.35));
    if (own.length < needed) return [];
    if (this.counts.length < this.keys.length) this.counts = new Int32Array(this.keys.length);
    const counts = this.counts;
    const touched: number[] = [];
    // A key more than the edit budget longer or shorter than the phrase cannot be within it.
    for (const gram of own) {
      const { from, to } = grams.span(gram, phrase.length - budget, phrase.length + budget);
      for (let k = from; k < to; k++) {
        const at = grams.keyAt(k);
        if (counts[at] === 0) touched.push(at);
        counts[at] = (counts[at] as number) + 1;
      }
    }
    const passing = touched.filter((at) => (counts[at] as number) >= needed);
    passing.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
    for (const at of touched) counts[at] = 0;
    return passing;
  }

  /** The closest keys to a phrase with their fuse.js score (0 exact … 1 unrelated). */
  fuzzy(phrase: string, maxScore = 0.25, limit = 3): { key: string; values: readonly T[]; score: number }[] {
    if (phrase.length < 4 || phrase.length > LONGEST_PHRASE) return [];
    const budget = budgetFor(phrase);
    this.prepare();
    const grams = this.grams as TrigramIndex;
    const candidates = this.shared(grams, phrase, budget);
    // fuse.js ranks; an edit budget that grows with length decides, so "madird" finds "madrid"
    // (a transposition Bitap scores poorly) while "spain talks" does not become "busan talks".
    // Keys over the budget are dropped first, so fuse.js only ever sees keys that may be returned.
    const distance = new Map<string, number>();
    for (const at of candidates.slice(0, CANDIDATES)) {
      const key = this.keys[at] as string;
      const d = editDistance(phrase, key, budget);
      if (d <= budget) distance.set(key, d);
    }
    if (distance.size === 0) return [];
    const fuse = new Fuse([...distance.keys()], {
      includeScore: true,
      threshold: Math.max(maxScore, 0.4),
      ignoreLocation: true,
    });
    return fuse.search(phrase, { limit }).map((r) => ({
      key: r.item,
      values: this.exact(r.item),
      score: Math.min(r.score ?? 1, (distance.get(r.item) as number) / phrase.length),
    }));
  }
}
