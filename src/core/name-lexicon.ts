import type { Event, Person, Topic } from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { cityOf } from "./entry-text.ts";
import { FuzzyLexicon } from "./fuzzy-lexicon.ts";
import { IntList } from "./int-list.ts";
import { NameTree } from "./name-tree.ts";
import { Tokenizer } from "./tokenizer.ts";

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
/** Names of up to this many words may be found by a misspelling (see Names.fuzzyWords). */
const LONGEST_FUZZY_NAME = 5;

const GOVERNMENT_SEATS = new Set(["beijing", "washington"]);

/** The name lexicon and what the index keeps of the names besides it, gathered in one pass over them. */
export interface Names {
  /** People, places, topics and events under every name they go by (normalised) → their ids. */
  readonly lexicon: NameLexicon;
  /** Every word of every name, in order of first appearance. */
  readonly words: readonly string[];
  /**
   * The words of names a misspelt phrase of a question may be (see findMentions): a phrase of up
   * to four words is within three edits only of names of up to five, so longer titles are left out.
   */
  readonly fuzzyWords: readonly string[];
  /** The first word of every name. */
  readonly starts: Set<string>;
}

/**
 * The lexicon of names, whose keys are found through the tree of their word numbers rather than a
 * map of their texts: the tree is needed anyway to find names in text, and a knowledge base of
 * 100,000 entries has some 150,000 names, whose texts were costly to hash and compare.
 */
export class NameLexicon extends FuzzyLexicon<string> {
  /**
   * Every name as a tree of its word numbers, so that reading a text word by word finds every
   * name in it without building a phrase at each position. A node's name is a key of the lexicon.
   * In text, only names of up to four words count, and a lone weak word ("he", "china") is none.
   */
  readonly tree: NameTree;
  /** The word numbers of key k are partWords[partStart[k] … partStart[k + 1]). */
  readonly partWords = new IntList();
  readonly partStart = new IntList();

  /** `expectedNames`: about how many names will be added (see NameTree). */
  constructor(
    private readonly tokenizer: Tokenizer,
    expectedNames = 0,
  ) {
    super();
    // Names average two to three words and share few prefixes: about one edge per name.
    this.tree = new NameTree(expectedNames);
    this.partStart.push(0);
  }

  override add(key: string, value: string): void {
    this.addName(value, key);
  }

  /**
   * Adds `id` under a name as it is written, normalised; returns how many words the name has (0:
   * none, not added). Its word numbers are left in the tokenizer's `out`.
   */
  addName(id: string, phrase: string): number {
    const count = this.tokenizer.parts(phrase);
    this.addWords(id, count);
    return count;
  }

  addNames(id: string, phrases: readonly string[]): void {
    for (let i = 0; i < phrases.length; i++) this.addName(id, phrases[i] as string);
  }

  /** Adds `id` under the name made of the tokenizer's word numbers out[0 … count). */
  private addWords(id: string, count: number): void {
    if (count === 0) return;
    const words = this.tokenizer.out;
    const node = this.tree.insert(words, count);
    const known = this.tree.keyAt(node);
    if (known >= 0) {
      this.addValue(known, id);
      return;
    }
    this.tree.setKey(node, this.push(this.tokenizer.joined(count), id));
    for (let k = 0; k < count; k++) this.partWords.push(words[k] as number);
    this.partStart.push(this.partWords.length);
  }

  protected override find(key: string): number {
    const parts = key.split(" ");
    const words = new Int32Array(parts.length);
    for (let k = 0; k < parts.length; k++) {
      const w = this.tokenizer.numberOf(parts[k] as string);
      if (w < 0) return -1;
      words[k] = w;
    }
    const node = this.tree.find(words, words.length);
    return node < 0 ? -1 : this.tree.keyAt(node);
  }
}

/**
 * Builds the name lexicon: people, places, topics and events under every name they go by.
 * Names are normalised by `tokenizer`, whose word numbers the tree is keyed by.
 */
export function buildNames(kb: KnowledgeBase, tokenizer: Tokenizer = new Tokenizer()): Names {
  let expected = 0;
  for (let i = 0; i < kb.people.length; i++) expected += 2 + (kb.people[i] as Person).aliases.length;
  for (let i = 0; i < kb.topics.length; i++) expected += 1 + (kb.topics[i] as Topic).synonyms.length;
  for (let i = 0; i < kb.events.length; i++) expected += 5 + (kb.events[i] as Event).aliases.length;
  const names = new NameLexicon(tokenizer, expected);
  // Indexed loops throughout: a knowledge base of 100,000 entries has some 150,000 names.
  for (let i = 0; i < kb.people.length; i++) {
    const p = kb.people[i] as Person;
    const count = names.addName(p.id, p.name);
    // A person is also known by surname ("Bessent"), unless the surname is too common to be telling.
    const surname = count > 1 ? tokenizer.word(tokenizer.out[count - 1] as number) : "";
    names.addNames(p.id, p.aliases);
    if (p.kind === "person" && surname && !WEAK_NAME_PARTS.has(surname)) names.addName(p.id, surname);
  }
  for (let i = 0; i < kb.topics.length; i++) {
    const t = kb.topics[i] as Topic;
    names.addName(t.id, t.name);
    names.addNames(t.id, t.synonyms);
  }
  for (let i = 0; i < kb.events.length; i++) {
    const e = kb.events[i] as Event;
    names.addName(e.id, e.title);
    names.addNames(e.id, e.aliases);
    // A round of talks is known by its city: "the Madrid talks", "in Geneva".
    if (e.kind === "round" || e.kind === "summit") {
      const city = cityOf(e.place);
      if (city) {
        // Capitals stand for governments ("Washington and Beijing agreed"), so only "Beijing summit" names the event.
        if (!GOVERNMENT_SEATS.has(tokenizer.joined(tokenizer.parts(city)))) names.addName(e.id, city);
        names.addNames(e.id, [`${city} talks`, `${city} round`, `${city} summit`]);
      }
    }
  }
  return gather(names, tokenizer);
}

/** The word lists, from every distinct name in the order it was first added. */
function gather(lexicon: NameLexicon, tokenizer: Tokenizer): Names {
  const { partWords, partStart } = lexicon;
  const words: string[] = [];
  const fuzzyWords: string[] = [];
  const starts = new Set<string>();
  // Per word number: 1 once listed in words, 2 once in fuzzyWords, 4 once in starts.
  const listed = new Uint8Array(tokenizer.wordCount);
  const list = (w: number, flag: number, into: { push(word: string): unknown }) => {
    if (((listed[w] as number) & flag) !== 0) return;
    listed[w] = (listed[w] as number) | flag;
    into.push(tokenizer.word(w));
  };
  const startsList = { push: (word: string) => starts.add(word) };
  for (let k = 0; k < lexicon.size; k++) {
    const from = partStart.at(k);
    const to = partStart.at(k + 1);
    list(partWords.at(from), 4, startsList);
    for (let i = from; i < to; i++) list(partWords.at(i), 1, words);
    if (to - from <= LONGEST_FUZZY_NAME) for (let i = from; i < to; i++) list(partWords.at(i), 2, fuzzyWords);
  }
  lexicon.tree.seal((word) => !WEAK_NAME_PARTS.has(tokenizer.word(word)));
  return { lexicon, words, fuzzyWords, starts };
}
