import { grownInt32 } from "./int-list.ts";
import { Numbering } from "./numbering.ts";
import { foldDiacritics, foldLower, phrases, wordLocal, words } from "./text.ts";

/**
 * A piece (folded and lowercased) that a cross-word rewrite of normalize() could start in and that
 * needs the whole text to tell: "u." (of "u. s."), a month abbreviation (before a day), or a piece
 * that folding split (a few characters fold to a space).
 */
const WHOLE_TEXT = /\bu\.|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\s/;
/**
 * A piece that ends in a word a rewrite joins to the next piece: "close" to, "pushed" back,
 * "called" on, "on" hold or ice. The whole text is needed only when the next piece starts with
 * one of those words.
 */
const JOINS_NEXT = /\b(?:(close)|(push(?:ed|es|ing)?)|(call(?:ed|s|ing)?)|(on))$/;
const FOLLOWERS: readonly (readonly string[])[] = [[], ["to"], ["back"], ["on"], ["hold", "ice"]];
/** A piece that wordLocal() leaves as it is: most of them. */
const PLAIN = /^[a-z0-9]+$/;

const NON_ASCII = /[\u0080-\uffff]/;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Whether a UTF-16 code unit is whitespace to JavaScript's \s. */
function isSpace(c: number): boolean {
  return c > 32 ? c >= 160 && isWideSpace(c) : c === 32 || (c >= 9 && c <= 13);
}

/** Whether a code unit from 160 up is whitespace to JavaScript's \s. */
function isWideSpace(c: number): boolean {
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether a code unit is one of \w's (regular expressions' word boundaries are ASCII). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** Whether `text` starts with the word `word` (a \b after it). */
function startsWithWord(text: string, word: string): boolean {
  return text.startsWith(word) && !isWordChar(text.charCodeAt(word.length));
}

function startsWithAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (startsWithWord(text, words[i] as string)) return true;
  return false;
}

/** A name's parts: its normalised text cut at spaces. */
function splitParts(local: string): string[] {
  return local.split(" ").filter(Boolean);
}
const UNREAD = -1;

/** Ints per slot of a PieceTable: hash, number + 1 (0: an empty slot), where in the pool, length. */
const SLOT = 4;

/**
 * Distinct strings (substrings of texts, found without cutting them out) numbered by an
 * open-addressed table of their FNV-1a hashes. A slot holds all a probe needs and the strings'
 * characters are kept together in one pool: a lookup touches two small arrays rather than a string
 * somewhere in the heap, which matters when there are millions of lookups.
 */
class PieceTable {
  private slots = new Int32Array(SLOT << 12);
  private count = 0;
  private pool = new Uint16Array(1 << 14);
  private poolLength = 0;

  /** The number of text[from, to) whose hash is `hash`, or -1. */
  lookup(text: string, from: number, to: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const held = slots[at + 1] as number;
      if (held === 0) return -1;
      if (slots[at] !== hash || slots[at + 3] !== length) continue;
      const start = slots[at + 2] as number;
      let k = 0;
      while (k < length && this.pool[start + k] === text.charCodeAt(from + k)) k++;
      if (k === length) return held - 1;
    }
  }

  /** Numbers text[from, to) (not in the table yet). */
  add(text: string, from: number, to: number, hash: number, number: number): void {
    const length = to - from;
    if (this.poolLength + length > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + length));
      grown.set(this.pool);
      this.pool = grown;
    }
    const start = this.poolLength;
    for (let k = 0; k < length; k++) this.pool[start + k] = text.charCodeAt(from + k);
    this.poolLength += length;
    // Kept at most half full, so that probes stay short.
    if (++this.count * 2 * SLOT > this.slots.length) this.rehash();
    place(this.slots, hash, number + 1, start, length);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at + 1] !== 0)
        place(
          this.slots,
          old[at] as number,
          old[at + 1] as number,
          old[at + 2] as number,
          old[at + 3] as number,
        );
  }
}

function place(slots: Int32Array, hash: number, held: number, start: number, length: number): void {
  const mask = slots.length / SLOT - 1;
  let slot = hash & mask;
  while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT;
  slots[at] = hash;
  slots[at + 1] = held;
  slots[at + 2] = start;
  slots[at + 3] = length;
}

/**
 * The words of each piece, read when first needed. Most pieces are one word, kept in `first`
 * without an array of its own; the others' words are in `more`.
 */
class PieceWords {
  /** Per piece: its word, -2 - k when its words are more[k] (none, or several), or UNREAD. */
  private readonly first: number[] = [];
  private readonly more: Int32Array[] = [];

  constructor(
    /** The words of a piece's normalised text. */
    private readonly read: (local: string) => readonly string[],
    private readonly number: (word: string) => number,
  ) {}

  addPiece(): void {
    this.first.push(UNREAD);
  }

  /** Appends the words of `piece` to out[n …]; returns the new count and leaves `out` grown in `holder`. */
  append(piece: number, local: string, holder: { out: Int32Array }, n: number): number {
    let first = this.first[piece] as number;
    if (first === UNREAD) first = this.learn(piece, local);
    if (first >= 0) {
      if (n === holder.out.length) holder.out = grownInt32(holder.out, n + 1);
      holder.out[n] = first;
      return n + 1;
    }
    const own = this.more[-first - 2] as Int32Array;
    if (n + own.length > holder.out.length) holder.out = grownInt32(holder.out, n + own.length);
    for (let k = 0; k < own.length; k++) holder.out[n + k] = own[k] as number;
    return n + own.length;
  }

  private learn(piece: number, local: string): number {
    const list = this.read(local);
    let first: number;
    if (list.length === 1) first = this.number(list[0] as string);
    else {
      const own = new Int32Array(list.length);
      for (let k = 0; k < list.length; k++) own[k] = this.number(list[k] as string);
      first = -2 - this.more.length;
      this.more.push(own);
    }
    this.first[piece] = first;
    return first;
  }
}

/**
 * normalize() and words(normalize()) for many texts that share most of their words, as an index
 * build has (100,000 entries: two million words, twenty thousand distinct ones), with every
 * distinct word numbered.
 *
 * Every step of normalize() but the cross-word rewrites works within a whitespace-separated piece
 * (folding, lowercasing, wordLocal), so each distinct piece is normalised once and remembered.
 * Pieces are found by a hash of their characters, so a text is never cut into strings, and a
 * text's words come out as numbers in a reused buffer: allocating a string or an object per word
 * is what made index builds slow. A text where a rewrite may apply goes the whole-text way instead.
 */
export class Tokenizer {
  /** The words of the last tokens() or parts() call, as word numbers: out[0] … out[count - 1]. */
  out = new Int32Array(1024);
  /** See tokensOf(). */
  marked = -1;
  /** Pieces as they occur in texts, and pieces of rewritten texts (already lowercased). */
  private readonly raw = new PieceTable();
  private readonly rewritten = new PieceTable();
  /** Per piece: its lowercased and normalised texts, how it takes part in rewrites, its words and name parts. */
  private readonly lowered: string[] = [];
  private readonly locals: string[] = [];
  private readonly wholeText: boolean[] = [];
  /** The word (an index into FOLLOWERS) which, starting the next piece, makes a rewrite. */
  private readonly joins: number[] = [];
  /** Per piece: words(local), and local.split(" ") (a name's parts). */
  private readonly pieceWords = new PieceWords(words, (w) => this.wordNumber(w));
  private readonly pieceParts = new PieceWords(splitParts, (w) => this.wordNumber(w));
  /** The pieces of the text being read (cutOut[0 … count)), whether a rewrite may apply, and the word that would make one. */
  private cutOut = new Int32Array(256);
  private count = 0;
  private whole = false;
  private follower = 0;
  private readonly wordNumbering = new Numbering();

  /** How many distinct words (and name parts) have been numbered. */
  get wordCount(): number {
    return this.wordNumbering.list.length;
  }

  /** The text of a word number. */
  word(n: number): string {
    return this.wordNumbering.list[n] as string;
  }

  /** The number of a word, or -1 when it was never numbered. */
  numberOf(word: string): number {
    return this.wordNumbering.find(word);
  }

  /** The number of a word, numbering it if it is new. */
  wordNumber(word: string): number {
    return this.wordNumbering.number(word);
  }

  /** The words out[0 … count) joined by spaces (after parts(), the text normalised). */
  joined(count: number): string {
    if (count === 1) return this.word(this.out[0] as number);
    const parts = new Array<string>(count);
    for (let k = 0; k < count; k++) parts[k] = this.word(this.out[k] as number);
    return parts.join(" ");
  }

  /** words(normalize(text)) as word numbers in `out`; returns how many. */
  tokens(text: string): number {
    this.begin();
    this.cut(text);
    return this.words(text);
  }

  /**
   * words(normalize(texts.join(" "))) as word numbers in `out`; returns how many. Each text is read
   * where it is, without joining them. With `mark`, `marked` is then how many of the words are
   * those of the first `mark` texts (words(normalize(texts.slice(0, mark).join(" "))).length), or
   * -1 when that can't be told from these words (a rewrite may have joined words across texts).
   */
  tokensOf(texts: readonly string[], mark = 0): number {
    this.begin();
    let markPiece = 0;
    for (let i = 0; i < texts.length; i++) {
      this.cut(texts[i] as string);
      if (i + 1 === mark) markPiece = this.count;
    }
    if (mark > texts.length) markPiece = this.count;
    return this.words(texts, this.whole ? -1 : markPiece);
  }

  /**
   * normalize(text).split(" ") as word numbers in `out` (a name's parts); returns how many.
   * normalize(text) is the parts' words joined by spaces.
   */
  parts(text: string): number {
    this.begin();
    this.cut(text);
    if (this.whole) this.cutRewritten(text);
    let n = 0;
    for (let p = 0; p < this.count; p++) {
      const piece = this.cutOut[p] as number;
      n = this.pieceParts.append(piece, this.locals[piece] as string, this, n);
    }
    return n;
  }

  /** The words of the pieces cut, or of the rewritten text when a rewrite may apply. */
  private words(text: string | readonly string[], markPiece = -1): number {
    if (this.whole) this.cutRewritten(typeof text === "string" ? text : text.join(" "));
    this.marked = markPiece === 0 ? 0 : -1;
    let n = 0;
    for (let p = 0; p < this.count; p++) {
      const piece = this.cutOut[p] as number;
      n = this.pieceWords.append(piece, this.locals[piece] as string, this, n);
      if (p + 1 === markPiece) this.marked = n;
    }
    return n;
  }

  private begin(): void {
    this.count = 0;
    this.whole = false;
    this.follower = 0;
  }

  /**
   * Adds the pieces of a text to cutOut, noting whether a rewrite may apply (then only the
   * rewritten text's pieces will do).
   */
  private cut(text: string): void {
    this.scan(text, false);
  }

  /** Replaces the pieces cut by those of the text lowercased and rewritten. */
  private cutRewritten(original: string): void {
    this.count = 0;
    this.scan(phrases(foldLower(original)), true);
  }

  /** Cuts a text into pieces at whitespace; `rewritten`: the text is already lowercased and rewritten. */
  private scan(text: string, rewritten: boolean): void {
    let from = 0;
    // FNV-1a of the piece so far, over its UTF-16 code units, worked out in the same pass that
    // looks for the spaces between pieces: reading the text once is most of the work.
    let hash = FNV_OFFSET;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (!isSpace(c)) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        continue;
      }
      if (i > from) this.cutPiece(text, from, i, hash, rewritten);
      from = i + 1;
      hash = FNV_OFFSET;
    }
    if (length > from) this.cutPiece(text, from, length, hash, rewritten);
  }

  private cutPiece(text: string, from: number, to: number, hash: number, rewritten: boolean): void {
    const table = rewritten ? this.rewritten : this.raw;
    let piece = table.lookup(text, from, to, hash);
    if (piece < 0) {
      const own = text.slice(from, to);
      piece = rewritten ? this.addPiece(own, wordLocal(own), false, 0) : this.addRaw(own);
      table.add(text, from, to, hash, piece);
    }
    if (!rewritten) {
      const follower = this.follower;
      if (
        follower !== 0 &&
        startsWithAny(this.lowered[piece] as string, FOLLOWERS[follower] as readonly string[])
      )
        this.whole = true;
      if (this.wholeText[piece]) this.whole = true;
      this.follower = this.joins[piece] as number;
    }
    if (this.count === this.cutOut.length) this.cutOut = grownInt32(this.cutOut, this.count + 1);
    this.cutOut[this.count++] = piece;
  }

  private addRaw(raw: string): number {
    // foldLower(), keeping the folded text for the sigma's sake.
    const folded = NON_ASCII.test(raw) ? foldDiacritics(raw) : raw;
    const lowered = folded.toLowerCase();
    // Lowercasing is per character except for a capital sigma (or what folds to one: Ϲ, 𝚺),
    // whose form depends on the letters around it, beyond the whitespace that ends the piece
    // (U+FEFF is both): whole-text way too.
    const whole = WHOLE_TEXT.test(lowered) || folded.includes("\u03a3");
    const joins = JOINS_NEXT.exec(lowered);
    const follower = !joins ? 0 : joins[1] ? 1 : joins[2] ? 2 : joins[3] ? 3 : 4;
    const local = PLAIN.test(lowered) ? lowered : wordLocal(lowered);
    return this.addPiece(lowered, local, whole, follower);
  }

  private addPiece(lowered: string, local: string, whole: boolean, follower: number): number {
    const piece = this.locals.length;
    this.lowered.push(lowered);
    this.locals.push(local);
    this.wholeText.push(whole);
    this.joins.push(follower);
    this.pieceWords.addPiece();
    this.pieceParts.addPiece();
    return piece;
  }
}
