import Fuse from "fuse.js";
import { editDistance } from "./edit-distance.ts";

/**
 * Fuzzy lookup of short phrases (names, aliases, words) that stays fast on large vocabularies.
 * fuse.js scans every item it is given and caps patterns at 32 characters, so it only ever sees
 * the few dozen keys that share trigrams with the phrase, and phrases are short n-grams.
 */
export class FuzzyLexicon<T> {
  private readonly keys: string[] = [];
  private readonly values: T[][] = [];
  private readonly position = new Map<string, number>();
  private readonly grams = new Map<string, number[]>();

  add(key: string, value: T): void {
    if (!key) return;
    let at = this.position.get(key);
    if (at === undefined) {
      at = this.keys.length;
      this.keys.push(key);
      this.values.push([]);
      this.position.set(key, at);
      for (const gram of trigrams(key)) {
        const list = this.grams.get(gram);
        if (list) list.push(at);
        else this.grams.set(gram, [at]);
      }
    }
    const values = this.values[at] as T[];
    if (!values.includes(value)) values.push(value);
  }

  exact(key: string): readonly T[] {
    const at = this.position.get(key);
    return at === undefined ? [] : (this.values[at] as T[]);
  }

  has(key: string): boolean {
    return this.position.has(key);
  }

  /** Keys that pass a test; the keys are few enough (names, not text) to scan. */
  keysMatching(test: (key: string) => boolean): string[] {
    return this.keys.filter(test);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The closest keys to a phrase with their fuse.js score (0 exact … 1 unrelated). */
  fuzzy(phrase: string, maxScore = 0.25, limit = 3): { key: string; values: readonly T[]; score: number }[] {
    if (phrase.length < 4 || phrase.length > 32) return [];
    const shared = new Map<number, number>();
    const own = trigrams(phrase);
    for (const gram of own) {
      for (const at of this.grams.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    }
    const needed = Math.max(1, Math.floor(own.size * 0.35));
    const candidates = [...shared]
      .filter(([, n]) => n >= needed)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([at]) => this.keys[at] as string)
      .filter((key) => Math.abs(key.length - phrase.length) <= Math.max(2, phrase.length * 0.3));
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, {
      includeScore: true,
      threshold: Math.max(maxScore, 0.4),
      ignoreLocation: true,
    });
    // fuse.js ranks; an edit budget that grows with length decides, so "madird" finds "madrid"
    // (a transposition Bitap scores poorly) while "spain talks" does not become "busan talks".
    const budget = phrase.length >= 15 ? 3 : phrase.length >= 8 ? 2 : 1;
    return fuse
      .search(phrase, { limit: limit + 5 })
      .filter((r) => (r.score ?? 1) <= maxScore || editDistance(phrase, r.item) <= budget)
      .filter((r) => editDistance(phrase, r.item) <= budget)
      .slice(0, limit)
      .map((r) => ({
        key: r.item,
        values: this.exact(r.item),
        score: Math.min(r.score ?? 1, editDistance(phrase, r.item) / phrase.length),
      }));
  }
}

function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}
