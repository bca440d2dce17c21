import type { KnowledgeBase } from "../knowledge/types.ts";
import { FuzzyLexicon } from "./fuzzy-lexicon.ts";
import { normalize as plainNormalize } from "./text.ts";

/** Words too generic to identify a person ("he", "wang") when they stand alone. */
export const WEAK_NAME_PARTS = new Set([
  "he",
  "li",
  "wang",
  "xi",
  "us",
  "the",
  "de",
  "of",
  "and",
  "china",
  "chinese",
]);

/** Names of up to this many words are found in the text of entries. */
export const LONGEST_NAME_IN_TEXT = 4;
/** Names of up to this many words may be found by a misspelling (see NameParts.fuzzyWords). */
const LONGEST_FUZZY_NAME = 5;

const GOVERNMENT_SEATS = new Set(["beijing", "washington"]);

function addNames(
  names: FuzzyLexicon<string>,
  id: string,
  phrases: readonly string[],
  normalize: (text: string) => string,
): void {
  for (const phrase of phrases) {
    const key = normalize(phrase);
    if (key) names.add(key, id);
  }
}

/**
 * Builds the name lexicon: people, places, topics and events under every name they go by.
 * `normalize` may be a Tokenizer's, which gives the same keys faster when there are many names.
 */
export function buildNames(
  kb: KnowledgeBase,
  normalize: (text: string) => string = plainNormalize,
): FuzzyLexicon<string> {
  const names = new FuzzyLexicon<string>();
  for (const p of kb.people) {
    addNames(names, p.id, [p.name, ...p.aliases], normalize);
    const parts = normalize(p.name).split(" ");
    const surname = parts[parts.length - 1];
    // A person is also known by surname ("Bessent"), unless the surname is too common to be telling.
    if (p.kind === "person" && surname && parts.length > 1 && !WEAK_NAME_PARTS.has(surname))
      names.add(surname, p.id);
  }
  for (const t of kb.topics) addNames(names, t.id, [t.name, ...t.synonyms], normalize);
  for (const e of kb.events) {
    addNames(names, e.id, [e.title, ...e.aliases], normalize);
    // A round of talks is known by its city: "the Madrid talks", "in Geneva".
    if (e.place && (e.kind === "round" || e.kind === "summit")) {
      const parts = e.place.split(",").map((s) => s.trim());
      const city = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
      // Capitals stand for governments ("Washington and Beijing agreed"), so only "Beijing summit" names the event.
      const bare = city && !GOVERNMENT_SEATS.has(normalize(city)) ? [city] : [];
      if (city)
        addNames(names, e.id, [...bare, `${city} talks`, `${city} round`, `${city} summit`], normalize);
    }
  }
  return names;
}

/** A word of a name: the ids of the name that ends with it, and the words that may follow. */
export interface NameNode {
  ids?: readonly string[];
  next?: Map<string, NameNode>;
}

/** What the index keeps of the names besides the lexicon, gathered in one pass over them. */
export interface NameParts {
  /**
   * The names findable in text (up to four words) as a tree of their words, so that reading a
   * text word by word finds every name without building a phrase at each position. A lone weak
   * word ("he", "china") is not a name in text.
   */
  readonly tree: Map<string, NameNode>;
  /** Every word of every name. */
  readonly words: Set<string>;
  /**
   * The words of names a misspelt phrase of a question may be (see findMentions): a phrase of up
   * to four words is within three edits only of names of up to five, so longer titles are left out.
   */
  readonly fuzzyWords: Set<string>;
  /** The first word of every name. */
  readonly starts: Set<string>;
}

export function nameParts(names: FuzzyLexicon<string>): NameParts {
  const tree = new Map<string, NameNode>();
  const words = new Set<string>();
  const fuzzyWords = new Set<string>();
  const starts = new Set<string>();
  for (const key of names.keysMatching(() => true)) {
    const parts = key.split(" ");
    starts.add(parts[0] as string);
    for (const part of parts) words.add(part);
    if (parts.length <= LONGEST_FUZZY_NAME) for (const part of parts) fuzzyWords.add(part);
    if (parts.length > LONGEST_NAME_IN_TEXT || (parts.length === 1 && WEAK_NAME_PARTS.has(key))) continue;
    let level = tree;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k] as string;
      let node = level.get(part);
      if (!node) {
        node = {};
        level.set(part, node);
      }
      if (k === parts.length - 1) node.ids = names.exact(key);
      else {
        node.next ??= new Map();
        level = node.next;
      }
    }
  }
  return { tree, words, fuzzyWords, starts };
}
