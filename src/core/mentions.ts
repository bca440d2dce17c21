import { GENERIC } from "./generic-words.ts";
import type { SearchIndex } from "./search-index.ts";
import { canonicalTerm, HAN, isStopword } from "./text.ts";
import type { Mention } from "./understand.ts";

/** Whether any of flags[i], …, flags[i + n - 1] is set. */
function anyIn(flags: readonly boolean[], i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) if (flags[k]) return true;
  return false;
}

/** The words i, …, i + n - 1 of a question, as a phrase. */
function phraseAt(tokens: readonly string[], i: number, n: number): string {
  let phrase = tokens[i] as string;
  for (let k = i + 1; k < i + n; k++) phrase += ` ${tokens[k]}`;
  return phrase;
}

/** Finds names in the question: longest exact phrase first, then close misspellings. */
export function findMentions(
  tokens: readonly string[],
  stems: readonly string[],
  index: SearchIndex,
): { mentions: Mention[]; covered: Set<number> } {
  const mentions: Mention[] = [];
  const covered = new Set<number>();
  const seen = new Set<string>();
  const stop = tokens.map(isStopword);
  // A word neither the knowledge's text nor its names have: the likeliest to be misspelt.
  const unknown = tokens.map(
    (w, i) => !stop[i] && !index.vocabulary.has(canonicalTerm(stems[i] as string)) && !index.names.has(w),
  );
  // A word of some name ("percentage", "lumpur", "talks"), and one that says which name, unlike
  // words any question has ("trade", "talks").
  const ofName = stems.map((s, i) => !stop[i] && index.nameWords.has(s));
  const telling = stems.map((s, i) => ofName[i] === true && !GENERIC.has(s));
  const nameLike = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (!stop[k] && !ofName[k] && !unknown[k]) return false;
    return true;
  };
  const record = (i: number, n: number, ids: readonly string[], phrase: string, distance: number) => {
    for (let k = 0; k < n; k++) covered.add(i + k);
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      mentions.push({ id, phrase, distance });
    }
  };
  const free = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (covered.has(k)) return false;
    return true;
  };
  const allStop = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (!stop[k]) return false;
    return true;
  };
  // Exact names first, longest first; only then misspellings, so that "king charles say" stays
  // "King Charles" + "say" rather than becoming a near miss of a longer name.
  for (let n = Math.min(5, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const first = tokens[i] as string;
      // "bessents salary": a possessive typed without its apostrophe.
      const last = tokens[i + n - 1] as string;
      const possessive = last.length > 4 && last.endsWith("s");
      // Only a word some name begins with can begin one (a one-word name may be the possessive).
      const starts =
        index.nameStarts.has(first) || (n === 1 && possessive && index.nameStarts.has(first.slice(0, -1)));
      if (!starts || !free(i, n) || allStop(i, n)) continue;
      const phrase = phraseAt(tokens, i, n);
      let ids = index.names.exact(phrase);
      if (ids.length === 0 && possessive) ids = index.names.exact(phrase.slice(0, -1));
      if (ids.length) record(i, n, ids, phrase, 0);
    }
  }
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if (!free(i, n) || stop[i] || stop[i + n - 1]) continue;
      const unknownWord = anyIn(unknown, i, n);
      if (!(unknownWord || n >= 2)) continue;
      // Looked up only when it may be a name with a slip in it: several words, each a word of some
      // name or unknown (the slip), at least one of them of a name; and with no unknown word, one
      // that tells which name ("percentage points", "one on one"). A lone unknown word is looked up
      // by itself. Lookups are not cheap, and most phrases of a question are none of these.
      if (n >= 2 && !(nameLike(i, n) && anyIn(ofName, i, n))) continue;
      if (!unknownWord && !anyIn(telling, i, n)) continue;
      const phrase = phraseAt(tokens, i, n);
      if (phrase.length < 5) continue;
      const best = index.names.fuzzy(phrase, phrase.length >= 7 ? 0.3 : 0.2, 1)[0];
      if (best && (unknownWord || best.key.split(" ").length >= n))
        record(i, n, best.values, phrase, best.score);
    }
  }
  return { mentions, covered };
}

/** The names in Chinese characters, per index: found once rather than by a scan of every name per question. */
const hanNames = new WeakMap<SearchIndex, string[]>();

/** Names in Chinese characters, found anywhere in the question (Chinese has no spaces between words). */
export function findHanMentions(normalized: string, index: SearchIndex, mentions: Mention[]): void {
  if (!HAN.test(normalized)) return;
  let keys = hanNames.get(index);
  if (!keys) {
    keys = index.names.keysMatching((k) => HAN.test(k));
    hanNames.set(index, keys);
  }
  for (const key of keys) {
    if (!normalized.includes(key)) continue;
    for (const id of index.names.exact(key)) {
      if (!mentions.some((m) => m.id === id)) mentions.push({ id, phrase: key, distance: 0 });
    }
  }
}
