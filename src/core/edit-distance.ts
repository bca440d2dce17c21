// Three rolling rows, grown as needed and shared: fuzzy lookups call this for every candidate key.
let rows = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("madird" → "madrid" is 1).
 * With `max`, stops as soon as the distance must exceed it and returns max + 1.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  const cols = n + 1;
  if (rows.length < 3 * cols) rows = new Int32Array(3 * cols * 2);
  const d = rows;
  // Rows i-2, i-1 and i live at offsets (i % 3) * cols.
  for (let j = 0; j < cols; j++) d[j] = j;
  let previousBest = 0;
  for (let i = 1; i <= m; i++) {
    const cur = (i % 3) * cols;
    const prev = ((i - 1) % 3) * cols;
    const prev2 = ((i - 2 + 3) % 3) * cols;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    d[cur] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(
        (d[prev + j] as number) + 1,
        (d[cur + j - 1] as number) + 1,
        (d[prev + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj)
        v = Math.min(v, (d[prev2 + j - 2] as number) + 1);
      d[cur + j] = v;
      if (v < best) best = v;
    }
    // No later row can go below the smallest of this one and of the one before (a transposition
    // reaches back two rows), so once both are past the bound the distance is too.
    if (best > max && previousBest > max) return max + 1;
    previousBest = best;
  }
  return Math.min(d[(m % 3) * cols + n] as number, max + 1);
}
