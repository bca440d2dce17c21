import { foldLower, normalize, phrases, wordLocal, words } from "./text.ts";

/**
 * A piece (folded and lowercased) that one of the cross-word rewrites of normalize() could start
 * in: "u.", a word that ends the piece and may go on in the next ("close" to, "pushed" back,
 * "called" on), a month abbreviation, or a piece that folding split (a few characters fold to a
 * space). Only texts with such a piece need the whole-text path.
 */
const REWRITE_START =
  /\bu\.|\b(?:close|push(?:ed|es|ing)?|call(?:ed|s|ing)?)$|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\s/;

/** JavaScript's \s, by UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
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

/** What is kept of a distinct piece: its normalised text and, once asked for, its words read. */
interface Piece {
  readonly local: string;
  /** Whether a text holding this piece may need a cross-word rewrite. */
  readonly rewrite: boolean;
  read: readonly unknown[] | undefined;
}

/**
 * normalize() and words(normalize()) for many texts that share most of their words, as an index
 * build has (100,000 entries: two million words, twenty thousand distinct ones).
 *
 * Every step of normalize() but the cross-word rewrites works within a whitespace-separated piece
 * (folding, lowercasing, wordLocal), so each distinct piece is normalised once and remembered.
 * Pieces are found by a hash of their characters in an open-addressed table, so a text is never
 * cut into strings. A text with a piece that may start a rewrite goes the whole-text way instead.
 * `reader` turns each word into whatever the caller keeps about it (its term, say), once per piece.
 */
export class Tokenizer<W> {
  /** Piece number + 1 at the slot its hash leads to; 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);
  private readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  private readonly pieces: Piece[] = [];
  /** Pieces of rewritten texts, by their (already normalised-case) text. */
  private readonly rewritten = new Map<string, Piece>();
  /** Pieces of the texts given to normalize(), by their text. */
  private readonly named = new Map<string, Piece>();

  constructor(private readonly reader: (word: string) => W) {}

  /**
   * The same as normalize(text), for short texts such as names. Kept apart from tokens(): names
   * are strings of every kind (slices, concatenations), and sharing the scanner with them leaves it
   * compiled for all kinds, twice as slow on entry texts.
   */
  normalize(text: string): string {
    let out = "";
    for (const raw of text.split(/\s+/)) {
      if (!raw) continue;
      let piece = this.named.get(raw);
      if (!piece) {
        piece = pieceOf(raw);
        this.named.set(raw, piece);
      }
      if (piece.rewrite) return normalize(text);
      if (piece.local) out = out ? `${out} ${piece.local}` : piece.local;
    }
    return out;
  }

  /** The same as words(normalize(text)), each word read. */
  tokens(text: string): W[];
  /** The same into `out` (for reuse: whatever it held is overwritten), returning how many. */
  tokens(text: string, out: W[]): number;
  tokens(text: string, into?: W[]): W[] | number {
    const out = into ?? [];
    let n = 0;
    for (const piece of this.cut(text)) {
      piece.read ??= words(piece.local).map((w) => this.reader(w));
      const own = piece.read as readonly W[];
      for (let j = 0; j < own.length; j++) out[n++] = own[j] as W;
    }
    if (!into) return out;
    return n;
  }

  /** The pieces of a text; those of its rewritten form when one of them may start a rewrite. */
  private cut(text: string): Piece[] {
    const out: Piece[] = [];
    let rewrite = false;
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
      if (i > from) {
        const piece = this.find(text, from, i);
        rewrite ||= piece.rewrite;
        out.push(piece);
      }
      from = i + 1;
    }
    if (!rewrite) return out;
    const lowered = phrases(foldLower(text));
    return lowered
      .split(/\s+/)
      .filter(Boolean)
      .map((p) => {
        let piece = this.rewritten.get(p);
        if (!piece) {
          piece = { local: wordLocal(p), rewrite: false, read: undefined };
          this.rewritten.set(p, piece);
        }
        return piece;
      });
  }

  /** The piece text[from, to), normalised when first seen. */
  private find(text: string, from: number, to: number): Piece {
    // FNV-1a over the piece's UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = (this.slots[slot] as number) - 1;
      if (held < 0) break;
      if (this.hashes[held] === hash && same(this.texts[held] as string, text, from, to))
        return this.pieces[held] as Piece;
    }
    const own = text.slice(from, to);
    const piece = pieceOf(own);
    this.texts.push(own);
    this.hashes.push(hash);
    this.pieces.push(piece);
    this.place(this.pieces.length - 1);
    // Kept at most half full, so that probes stay short.
    if (this.pieces.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let p = 0; p < this.pieces.length; p++) this.place(p);
    }
    return piece;
  }

  private place(piece: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[piece] as number) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = piece + 1;
  }
}

function pieceOf(raw: string): Piece {
  const lowered = foldLower(raw);
  // Lowercasing is per character except for a capital sigma, whose form depends on the letters
  // around it, beyond the whitespace that ends the piece (U+FEFF is both): whole-text way too.
  const rewrite = REWRITE_START.test(lowered) || raw.includes("\u03a3");
  return { local: wordLocal(lowered), rewrite, read: undefined };
}

/** Whether `piece` is text[from, to). */
function same(piece: string, text: string, from: number, to: number): boolean {
  if (piece.length !== to - from) return false;
  for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}
