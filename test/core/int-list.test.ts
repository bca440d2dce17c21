/**
 * The integer lists behind the index build: IntList (chunked), Grouping (the counting sort behind
 * posting lists), grownInt32 and hashPair, checked against plain arrays.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Grouping, grownInt32, hashPair, IntList } from "../../src/core/int-list.ts";

const CHUNK = 65_536;

describe("IntList", () => {
  it("starts empty", () => {
    const list = new IntList();
    expect(list.length).toBe(0);
    expect(list.toArray()).toEqual(new Int32Array(0));
  });

  it("keeps 200,000 values in order across chunk boundaries", () => {
    const list = new IntList();
    const value = (i: number) => ((i * 7919) % 1_000_003) - 500_000;
    for (let i = 0; i < 200_000; i++) list.push(value(i));
    expect(list.length).toBe(200_000);
    for (const i of [
      0,
      1,
      CHUNK - 1,
      CHUNK,
      CHUNK + 1,
      2 * CHUNK - 1,
      2 * CHUNK,
      3 * CHUNK - 1,
      3 * CHUNK,
      199_999,
    ])
      expect(list.at(i), `at(${i})`).toBe(value(i));
    const array = list.toArray();
    expect(array).toBeInstanceOf(Int32Array);
    expect(array.length).toBe(200_000);
    let wrong = -1;
    for (let i = 0; i < 200_000 && wrong < 0; i++)
      if (array[i] !== value(i) || list.at(i) !== value(i)) wrong = i;
    expect(wrong).toBe(-1);
  });

  it.each([CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK])(
    "toArray() is exactly as long as what was pushed (%i)",
    (n) => {
      const list = new IntList();
      for (let i = 0; i < n; i++) list.push(i);
      const array = list.toArray();
      expect(array.length).toBe(n);
      expect(array[n - 1]).toBe(n - 1);
      expect(array[0]).toBe(0);
    },
  );

  it("keeps negative values and values up to 2^30 in magnitude", () => {
    const list = new IntList();
    const values = [0, -1, 1, 2 ** 30 - 1, -(2 ** 30) + 1, -(2 ** 30), 123_456_789];
    for (const v of values) list.push(v);
    expect(Array.from(list.toArray())).toEqual(values);
    expect(values.map((_, i) => list.at(i))).toEqual(values);
  });

  it("pushes after toArray() go on where the list was", () => {
    const list = new IntList();
    for (let i = 0; i < CHUNK; i++) list.push(i);
    expect(list.toArray().length).toBe(CHUNK);
    list.push(-5);
    expect(list.at(CHUNK)).toBe(-5);
    expect(list.toArray()[CHUNK]).toBe(-5);
    expect(list.at(CHUNK - 1)).toBe(CHUNK - 1);
  });

  it("matches an array (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 30) + 1, max: 2 ** 30 - 1 }), { maxLength: 300 }),
        (values) => {
          const list = new IntList();
          for (const v of values) list.push(v);
          expect(list.length).toBe(values.length);
          expect(Array.from(list.toArray())).toEqual(values);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Triples for a Grouping: rows ascending (a row's triples together), keys and values anything allowed. */
type Triple = [row: number, key: number, value: number];

/** The runs of every key below keyCount, as group() documents them, worked out the plain way. */
function naiveGroup(triples: readonly Triple[], keyCount: number): { rows: number[][]; values: number[][] } {
  const rows: number[][] = Array.from({ length: keyCount }, () => []);
  const values: number[][] = Array.from({ length: keyCount }, () => []);
  for (const [row, key, value] of triples) {
    if (key >= keyCount) continue;
    (rows[key] as number[]).push(row);
    (values[key] as number[]).push(value);
  }
  return { rows, values };
}

/** Reads group()'s runs back into lists per key. */
function runsOf(start: Int32Array, list: Int32Array, keyCount: number): number[][] {
  return Array.from({ length: keyCount }, (_, k) =>
    Array.from(list.subarray(start[k] as number, start[k + 1] as number)),
  );
}

/** Rows in ascending order, some skipped; each row with a few (key, value) pairs, keys repeating or not. */
const triplesArb = fc
  .array(
    fc.record({
      skip: fc.nat(5),
      pairs: fc.array(fc.tuple(fc.nat(40), fc.integer({ min: -(2 ** 30) + 1, max: 2 ** 30 - 1 })), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const triples: Triple[] = [];
    let row = -1;
    for (const { skip, pairs } of rows) {
      row += 1 + skip;
      for (const [key, value] of pairs) triples.push([row, key, value]);
    }
    return triples;
  });

describe("Grouping", () => {
  it("groups by key, rows ascending within each key, with their values", () => {
    const grouping = new Grouping({ values: true });
    grouping.add(0, 2, 5);
    grouping.add(0, 0, 1);
    grouping.add(3, 2, 7);
    grouping.add(4, 0, 2);
    grouping.add(4, 2, 9);
    const { start, a, b } = grouping.group(4);
    expect(Array.from(start)).toEqual([0, 2, 2, 5, 5]);
    expect(Array.from(a)).toEqual([0, 4, 0, 3, 4]);
    expect(Array.from(b)).toEqual([1, 2, 5, 7, 9]);
  });

  it("without values, b is empty", () => {
    const grouping = new Grouping({ values: false });
    grouping.add(1, 1);
    grouping.add(2, 0);
    const { start, a, b } = grouping.group(2);
    expect(Array.from(start)).toEqual([0, 1, 2]);
    expect(Array.from(a)).toEqual([2, 1]);
    expect(b.length).toBe(0);
  });

  it("an empty grouping gives empty runs for every key", () => {
    const { start, a, b } = new Grouping({ values: true }).group(3);
    expect(Array.from(start)).toEqual([0, 0, 0, 0]);
    expect(a.length).toBe(0);
    expect(b.length).toBe(0);
    expect(Array.from(new Grouping({ values: false }).group(0).start)).toEqual([0]);
  });

  it("keys never used, including keys beyond any added, have empty runs", () => {
    const grouping = new Grouping({ values: true });
    grouping.add(5, 3, 1);
    const { start, a } = grouping.group(2000);
    expect(start.length).toBe(2001);
    expect(start[3]).toBe(0);
    expect(start[4]).toBe(1);
    expect(start[2000]).toBe(1);
    expect(Array.from(a)).toEqual([5]);
  });

  it("keys past the first 1,024 and rows past the first chunk", () => {
    const grouping = new Grouping({ values: true });
    const triples: Triple[] = [];
    for (let row = 0; row < 30_000; row += 3)
      for (const key of [row % 5000, 4999 - (row % 5000), 70_000 + (row % 2)])
        triples.push([row, key, row + key]);
    for (const [row, key, value] of triples) grouping.add(row, key, value);
    const keyCount = 70_002;
    const { start, a, b } = grouping.group(keyCount);
    const expected = naiveGroup(triples, keyCount);
    expect(runsOf(start, a, keyCount)).toEqual(expected.rows);
    expect(runsOf(start, b, keyCount)).toEqual(expected.values);
  });

  it("matches a plain grouping, with and without values (fast-check)", () => {
    fc.assert(
      fc.property(triplesArb, fc.nat(50), fc.boolean(), (triples, extraKeys, withValues) => {
        const grouping = new Grouping({ values: withValues });
        for (const [row, key, value] of triples) grouping.add(row, key, value);
        const used = triples.reduce((most, [, key]) => Math.max(most, key + 1), 0);
        const keyCount = used + extraKeys;
        const { start, a, b } = grouping.group(keyCount);
        const expected = naiveGroup(triples, keyCount);
        expect(start.length).toBe(keyCount + 1);
        expect(start[0]).toBe(0);
        expect(start[keyCount]).toBe(triples.length);
        expect(runsOf(start, a, keyCount)).toEqual(expected.rows);
        if (withValues) expect(runsOf(start, b, keyCount)).toEqual(expected.values);
        else expect(b.length).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("group() reads the same when called twice", () => {
    fc.assert(
      fc.property(triplesArb, (triples) => {
        const grouping = new Grouping({ values: true });
        for (const [row, key, value] of triples) grouping.add(row, key, value);
        const keyCount = 41;
        const first = grouping.group(keyCount);
        const second = grouping.group(keyCount);
        expect(second).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it("runs of the keys below keyCount are right even when larger keys were added", () => {
    fc.assert(
      fc.property(triplesArb, fc.nat(40), (triples, keyCount) => {
        const grouping = new Grouping({ values: true });
        for (const [row, key, value] of triples) grouping.add(row, key, value);
        const { start, a, b } = grouping.group(keyCount);
        const expected = naiveGroup(triples, keyCount);
        expect(runsOf(start, a, keyCount)).toEqual(expected.rows);
        expect(runsOf(start, b, keyCount)).toEqual(expected.values);
      }),
      { numRuns: 100 },
    );
  });
});

describe("grownInt32", () => {
  it("copies into an array at least twice as long, or as long as asked", () => {
    const array = Int32Array.of(1, -2, 3);
    const doubled = grownInt32(array, 4);
    expect(doubled.length).toBe(6);
    expect(Array.from(doubled)).toEqual([1, -2, 3, 0, 0, 0]);
    const asked = grownInt32(array, 100);
    expect(asked.length).toBe(100);
    expect(Array.from(asked.subarray(0, 3))).toEqual([1, -2, 3]);
    expect(grownInt32(new Int32Array(0), 1).length).toBe(1);
    expect(grownInt32(new Int32Array(0), 0).length).toBe(0);
    doubled[0] = 9;
    expect(array[0]).toBe(1);
  });
});

describe("hashPair", () => {
  it("is a deterministic 32-bit integer that depends on both numbers and their order", () => {
    expect(hashPair(3, 4)).toBe(hashPair(3, 4));
    expect(Number.isInteger(hashPair(3, 4))).toBe(true);
    expect(hashPair(3, 4) | 0).toBe(hashPair(3, 4));
    expect(hashPair(3, 4)).not.toBe(hashPair(4, 3));
    expect(hashPair(0, 0)).toBe(0);
    expect(hashPair(0, 1)).not.toBe(hashPair(0, 2));
  });

  it("spreads (node, word) pairs of small numbers over the low bits, as an open-addressed table needs", () => {
    const buckets = new Int32Array(1024);
    for (let a = 0; a < 256; a++)
      for (let b = 0; b < 256; b++) {
        const slot = hashPair(a, b) & 1023;
        buckets[slot] = (buckets[slot] as number) + 1;
      }
    // 65,536 pairs in 1,024 buckets: 64 each on average; a weak low-bit mix leaves many empty or crowded.
    const counts = Array.from(buckets);
    expect(Math.min(...counts)).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeLessThan(120);
    const distinct = new Set<number>();
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) distinct.add(hashPair(a, b));
    expect(distinct.size).toBeGreaterThan(65_000);
  });
});
