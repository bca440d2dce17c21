import { grownInt32, IntList } from "./int-list.ts";
import { IntPairMap } from "./int-pair-map.ts";

/**
 * Which keys contain each trigram (of the key padded with a space at each end), packed into one
 * flat array: by trigram, then by key length, then by key number. A fuzzy lookup only visits keys
 * of about the phrase's length, found by binary search within a trigram's run.
 *
 * Built in two counting passes rather than by growing a list per trigram: a knowledge base of
 * 100,000 entries has some 150,000 names and millions of trigram postings, and one flat array
 * is several times faster to fill than that many small ones.
 */

/** Characters below this code (all of Latin) may be numbered as symbols… */
const SYMBOL_CHARS = 1024;
/** …of which at most this many, so that three symbols make an 18-bit trigram number. */
const SYMBOLS = 64;

class GramNumbers {
  /** Character code → its symbol + 1 (0: none). */
  private readonly symbols = new Uint8Array(SYMBOL_CHARS);
  private symbolCount = 0;
  /** Three symbols → trigram id + 1 (0: none). */
  private readonly narrow = new Int32Array(SYMBOLS * SYMBOLS * SYMBOLS);
  /** Trigrams with a character that has no symbol (Chinese names, say), by their first two characters and the third. */
  private readonly wide = new IntPairMap();
  count = 0;

  private symbol(code: number, assign: boolean): number {
    if (code >= SYMBOL_CHARS) return 0;
    let s = this.symbols[code] as number;
    if (s === 0 && assign && this.symbolCount < SYMBOLS) {
      s = ++this.symbolCount;
      this.symbols[code] = s;
    }
    return s;
  }

  /** The id of a trigram, or -1 when it was never seen (and `assign` is false). */
  id(a: number, b: number, c: number, assign: boolean): number {
    const sa = this.symbol(a, assign);
    const sb = this.symbol(b, assign);
    const sc = this.symbol(c, assign);
    if (sa && sb && sc) {
      const slot = ((sa - 1) << 12) | ((sb - 1) << 6) | (sc - 1);
      let id = (this.narrow[slot] as number) - 1;
      if (id < 0 && assign) {
        id = this.count++;
        this.narrow[slot] = id + 1;
      }
      return id;
    }
    return this.wideGram((a << 16) | b, c, assign);
  }

  private wideGram(ab: number, c: number, assign: boolean): number {
    const known = this.wide.get(ab, c);
    if (known >= 0 || !assign) return known;
    const id = this.count++;
    this.wide.add(ab, c, id);
    return id;
  }
}

/** The distinct trigram ids of a text, in order of first occurrence (-1 for trigrams never indexed). */
function gramsOf(numbers: GramNumbers, text: string, assign: boolean): number[] {
  const n = text.length;
  const out: number[] = [];
  for (let i = -1; i <= n - 2; i++) {
    const a = i < 0 ? 32 : text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = i + 2 >= n ? 32 : text.charCodeAt(i + 2);
    const id = numbers.id(a, b, c, assign);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export class TrigramIndex {
  private constructor(
    private readonly numbers: GramNumbers,
    /** Trigram id → where its run of key numbers starts in `postings` (one more entry at the end). */
    private readonly start: Int32Array,
    private readonly postings: Int32Array,
    private readonly keyLength: Uint8Array,
  ) {}

  /** Indexes the keys no longer than `longest` characters; key numbers are positions in `keys`. */
  static build(keys: readonly string[], longest: number): TrigramIndex {
    const numbers = new GramNumbers();
    const keyLength = new Uint8Array(keys.length);
    // Key numbers ordered by length (then number), so each trigram's run comes out in that order:
    // a counting sort by length.
    const atLength = new Int32Array(longest + 2);
    for (let at = 0; at < keys.length; at++) {
      const length = (keys[at] as string).length;
      if (length > longest) continue;
      keyLength[at] = length;
      atLength[length + 1] = (atLength[length + 1] as number) + 1;
    }
    for (let length = 0; length <= longest; length++)
      atLength[length + 1] = (atLength[length + 1] as number) + (atLength[length] as number);
    const order = new Int32Array(atLength[longest + 1] as number);
    for (let at = 0; at < keys.length; at++) {
      const length = (keys[at] as string).length;
      if (length > longest) continue;
      order[atLength[length] as number] = at;
      atLength[length] = (atLength[length] as number) + 1;
    }
    // Every key's distinct trigrams, key after key in that order (kept in fixed-size chunks), and
    // how many keys have each; then each trigram's keys placed in its run.
    const grams = new IntList();
    const gramsFrom = new Int32Array(order.length + 1);
    let seenIn = new Int32Array(1024);
    let keysOf = new Int32Array(1024);
    for (let k = 0; k < order.length; k++) {
      const key = keys[order[k] as number] as string;
      const n = key.length;
      for (let i = -1; i <= n - 2; i++) {
        const a = i < 0 ? 32 : key.charCodeAt(i);
        const c = i + 2 >= n ? 32 : key.charCodeAt(i + 2);
        const id = numbers.id(a, key.charCodeAt(i + 1), c, true);
        if (id >= seenIn.length) {
          seenIn = grownInt32(seenIn, id + 1);
          keysOf = grownInt32(keysOf, id + 1);
        }
        if (seenIn[id] === k + 1) continue;
        seenIn[id] = k + 1;
        keysOf[id] = (keysOf[id] as number) + 1;
        grams.push(id);
      }
      gramsFrom[k + 1] = grams.length;
    }
    const start = new Int32Array(numbers.count + 1);
    for (let id = 0; id < numbers.count; id++) start[id + 1] = (start[id] as number) + (keysOf[id] as number);
    const fill = start.slice(0, numbers.count);
    const postings = new Int32Array(start[numbers.count] as number);
    for (let k = 0; k < order.length; k++) {
      const at = order[k] as number;
      const to = gramsFrom[k + 1] as number;
      for (let g = gramsFrom[k] as number; g < to; g++) {
        const id = grams.at(g);
        postings[fill[id] as number] = at;
        fill[id] = (fill[id] as number) + 1;
      }
    }
    return new TrigramIndex(numbers, start, postings, keyLength);
  }

  /** The distinct trigrams of a phrase that some key has. */
  gramsOf(phrase: string): number[] {
    return gramsOf(this.numbers, phrase, false).filter((id) => id >= 0);
  }

  /** How many distinct trigrams the phrase has, indexed or not. */
  static distinctGrams(phrase: string): number {
    const padded = ` ${phrase} `;
    const seen = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i++) seen.add(padded.slice(i, i + 3));
    return seen.size;
  }

  /** Where a trigram's keys of length lo…hi are in the run: postings from ≤ k < to. */
  span(gram: number, lo: number, hi: number): { from: number; to: number } {
    const end = this.start[gram + 1] as number;
    const from = this.firstAtLeast(this.start[gram] as number, end, lo);
    return { from, to: this.firstAtLeast(from, end, hi + 1) };
  }

  keyAt(k: number): number {
    return this.postings[k] as number;
  }

  private firstAtLeast(from: number, to: number, length: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keyLength[this.postings[mid] as number] as number) < length) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
