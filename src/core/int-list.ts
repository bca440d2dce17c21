/** Values per chunk of an IntList. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
const NO_CHUNK: number[] = [];

/**
 * A growable list of small integers (|v| < 2^30) in fixed-size chunks: an index build pushes
 * millions of them, and a list grown by doubling would allocate and copy twice what it holds.
 *
 * The chunks are plain arrays of small integers, not typed arrays. V8 keeps typed arrays' memory
 * outside its heap and answers every 64 MB of it with a full collection of the heap, which holds
 * the whole knowledge base (a quarter of a second at 100,000 entries); a chunk this large lives in
 * the heap's large-object space instead, which is neither copied by young collections nor counted
 * against that limit. The index's lasting arrays stay typed; the build's scratch lists use these.
 */
export class IntList {
  private readonly chunks: number[][] = [];
  private last: number[] = NO_CHUNK;
  length = 0;

  push(value: number): void {
    const i = this.length & IN_CHUNK;
    if (i === 0) {
      this.last = new Array<number>(CHUNK).fill(0);
      this.chunks.push(this.last);
    }
    this.last[i] = value;
    this.length++;
  }

  at(i: number): number {
    return (this.chunks[i >>> CHUNK_BITS] as number[])[i & IN_CHUNK] as number;
  }

  /** The values pushed, in a typed array of their own length. */
  toArray(): Int32Array {
    const out = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** Posting lists in one array: key k's run is a[start[k] … start[k + 1]) (and b's, when kept). */
export interface Grouped {
  start: Int32Array;
  a: Int32Array;
  b: Int32Array;
}

/**
 * Groups (row, key, value) triples by key, rows ascending within each key: the counting sort behind
 * posting lists, which arrive doc by doc (the row) and are read term by term (the key). A row's
 * triples come together, rows in ascending order, so the row is kept once per row, not per triple.
 */
export class Grouping {
  private readonly keys = new IntList();
  private readonly values: IntList | null;
  private readonly rows = new IntList();
  /** Where each row's triples start. */
  private readonly rowFrom = new IntList();
  private row = -1;
  private counts = new Int32Array(1024);

  constructor(options: { values: boolean }) {
    this.values = options.values ? new IntList() : null;
  }

  add(row: number, key: number, value = 0): void {
    if (row !== this.row) {
      this.row = row;
      this.rows.push(row);
      this.rowFrom.push(this.keys.length);
    }
    this.keys.push(key);
    this.values?.push(value);
    if (key >= this.counts.length) this.counts = grownInt32(this.counts, key + 1);
    this.counts[key] = (this.counts[key] as number) + 1;
  }

  /** The rows (as `a`) and values (as `b`, empty without values) of every key below `keyCount`. */
  group(keyCount: number): Grouped {
    const start = new Int32Array(keyCount + 1);
    for (let k = 0; k < keyCount; k++)
      start[k + 1] = (start[k] as number) + (k < this.counts.length ? (this.counts[k] as number) : 0);
    const fill = start.slice(0, keyCount);
    const n = this.keys.length;
    const a = new Int32Array(n);
    const b = new Int32Array(this.values ? n : 0);
    const rows = this.rows.length;
    for (let r = 0; r < rows; r++) {
      const row = this.rows.at(r);
      const to = r + 1 < rows ? this.rowFrom.at(r + 1) : n;
      for (let i = this.rowFrom.at(r); i < to; i++) {
        const k = this.keys.at(i);
        const at = fill[k] as number;
        fill[k] = at + 1;
        a[at] = row;
        if (this.values) b[at] = this.values.at(i);
      }
    }
    return { start, a, b };
  }
}

/** A copy of `array` with room for at least `least` values (at least twice as many). */
export function grownInt32(array: Int32Array, least: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(least, array.length * 2));
  out.set(array);
  return out;
}

/**
 * A hash of two integers whose low bits are as well mixed as its high ones (MurmurHash3's
 * finaliser), for open-addressed tables that take the low bits as the slot.
 */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
