import { hashPair } from "./int-list.ts";

/** Ints per slot: the two keys, the value + 1 (0: an empty slot), and one to align slots. */
const SLOT = 4;

/**
 * A map from pairs of non-negative integers to non-negative integers, open-addressed in one typed
 * array, kept at most half full. A slot holds all a probe reads, so a lookup touches one cache
 * line: index builds make hundreds of thousands of them (the name trie's edges, say).
 */
export class IntPairMap {
  private table: Int32Array;
  private size = 0;

  /** `expected`: about how many pairs it will hold, so that it need not grow. */
  constructor(expected = 0) {
    let slots = 1 << 10;
    while (slots < expected * 2) slots *= 2;
    this.table = new Int32Array(SLOT * slots);
  }

  /** The value of (a, b), or -1. */
  get(a: number, b: number): number {
    const table = this.table;
    const mask = table.length / SLOT - 1;
    for (let slot = hashPair(a, b) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const held = table[at + 2] as number;
      if (held === 0) return -1;
      if (table[at] === a && table[at + 1] === b) return held - 1;
    }
  }

  /** Sets the value of (a, b), which must not be in the map yet. */
  add(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 * SLOT > this.table.length) this.grow();
    place(this.table, a, b, value + 1);
    this.size++;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at + 2] !== 0)
        place(this.table, old[at] as number, old[at + 1] as number, old[at + 2] as number);
  }
}

function place(table: Int32Array, a: number, b: number, held: number): void {
  const mask = table.length / SLOT - 1;
  let slot = hashPair(a, b) & mask;
  while (table[slot * SLOT + 2] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT;
  table[at] = a;
  table[at + 1] = b;
  table[at + 2] = held;
}
