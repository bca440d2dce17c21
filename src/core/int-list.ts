/** A growable list of int32s, unboxed: an index build pushes millions of them. */
export class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i] as number;
  }

  /** The values pushed, in a typed array of their own length. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Groups (key, a, b) triples by key, keeping the order they were added in within each key: the
 * counting sort behind posting lists, which arrive doc by doc and are read term by term.
 */
export class Grouping {
  private readonly keys = new IntList();
  private readonly a = new IntList();
  private readonly b = new IntList();

  add(key: number, a: number, b = 0): void {
    this.keys.push(key);
    this.a.push(a);
    this.b.push(b);
  }

  /** `start[k]` … `start[k + 1]` is key k's run in `a` and `b`. */
  group(keyCount: number): { start: Int32Array; a: Int32Array; b: Int32Array } {
    const start = new Int32Array(keyCount + 1);
    const n = this.keys.length;
    for (let i = 0; i < n; i++) {
      const k = this.keys.at(i);
      start[k + 1] = (start[k + 1] as number) + 1;
    }
    for (let k = 0; k < keyCount; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const fill = start.slice(0, keyCount);
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = this.keys.at(i);
      const to = fill[k] as number;
      fill[k] = to + 1;
      a[to] = this.a.at(i);
      b[to] = this.b.at(i);
    }
    return { start, a, b };
  }
}
