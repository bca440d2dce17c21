/**
 * The search index, built the fast way (one tokenizer, word numbers, a trie of names, typed arrays),
 * checked against a reference worked out independently from the entries with the plain functions of
 * text.ts: every doc's terms and their counts, titles, lengths, the entities each doc concerns, and the
 * name lexicon. On the shipped knowledge, on a generated knowledge base of 3,000 entries, and on a
 * small one made here for names in text.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateKnowledge } from "../../src/bench/generate.ts";
import { cityOf, quoteContext, searchableFields, titleOf } from "../../src/core/entry-text.ts";
import { FuzzyLexicon } from "../../src/core/fuzzy-lexicon.ts";
import { buildNames, LONGEST_NAME_IN_TEXT, WEAK_NAME_PARTS } from "../../src/core/name-lexicon.ts";
import { buildIndex, DOC_KINDS, type DocKind, type SearchIndex } from "../../src/core/search-index.ts";
import { normalize, stem, terms, words } from "../../src/core/text.ts";
import { Tokenizer } from "../../src/core/tokenizer.ts";
import { loadKnowledgeDir, loadKnowledgeFiles, readKnowledgeDir } from "../../src/knowledge/load.ts";
import type { Entry, KnowledgeBase } from "../../src/knowledge/types.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function load(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledgeDir(dir);
  if (!result.ok) throw new Error(`${dir} does not load: ${result.problems[0]?.message}`);
  return result.kb;
}

const shipped = await load(here("../../knowledge/"));
const generated = generateKnowledge(shipped, 3000).kb;

// ---------------------------------------------------------------------------------------------
// The reference: what the index should hold, from the entries and text.ts alone.
// ---------------------------------------------------------------------------------------------

/** Searched entries in the index's order: facts, quotes, events, deadlines, people. */
function entriesOf(kb: KnowledgeBase): Entry[] {
  return [
    ...kb.facts.map((value) => ({ kind: "facts", value }) as Entry),
    ...kb.quotes.map((value) => ({ kind: "quotes", value }) as Entry),
    ...kb.events.map((value) => ({ kind: "events", value }) as Entry),
    ...kb.deadlines.map((value) => ({ kind: "deadlines", value }) as Entry),
    ...kb.people.map((value) => ({ kind: "people", value }) as Entry),
  ];
}

function displayNames(kb: KnowledgeBase): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of kb.people) names.set(p.id, p.name);
  for (const t of kb.topics) names.set(t.id, t.name);
  for (const e of kb.events) names.set(e.id, e.title);
  for (const d of kb.deadlines) names.set(d.id, d.what);
  return names;
}

/** The ids an entry links to, in order. */
function linkedIds(entry: Entry): string[] {
  switch (entry.kind) {
    case "facts":
      return [...entry.value.about];
    case "quotes":
      return [entry.value.speaker, ...(entry.value.event ? [entry.value.event] : []), ...entry.value.about];
    case "events":
      return [
        entry.value.id,
        ...entry.value.participants,
        ...entry.value.topics,
        ...(entry.value.part_of ? [entry.value.part_of] : []),
      ];
    case "deadlines":
      return [entry.value.id, ...entry.value.set_by, ...entry.value.about];
    case "people":
      return [entry.value.id];
    default:
      return [];
  }
}

/** Every name (normalised) → its ids, in the order names are added: people, topics, events. */
function referenceNames(kb: KnowledgeBase): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (phrase: string, id: string) => {
    const key = normalize(phrase);
    if (!key) return;
    const ids = names.get(key);
    if (!ids) names.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const p of kb.people) {
    for (const phrase of [p.name, ...p.aliases]) add(phrase, p.id);
    const parts = normalize(p.name).split(" ");
    const surname = parts[parts.length - 1] as string;
    if (p.kind === "person" && parts.length > 1 && !WEAK_NAME_PARTS.has(surname)) add(surname, p.id);
  }
  for (const t of kb.topics) for (const phrase of [t.name, ...t.synonyms]) add(phrase, t.id);
  for (const e of kb.events) {
    for (const phrase of [e.title, ...e.aliases]) add(phrase, e.id);
    if (e.kind === "round" || e.kind === "summit") {
      const city = cityOf(e.place);
      if (city) {
        if (!["beijing", "washington"].includes(normalize(city))) add(city, e.id);
        for (const what of ["talks", "round", "summit"]) add(`${city} ${what}`, e.id);
      }
    }
  }
  return names;
}

/** Linked ids, then every name of up to four words in the text (a lone weak word is none), shortest first. */
function referenceEntities(
  entry: Entry,
  textWords: readonly string[],
  names: Map<string, string[]>,
): string[] {
  const entities = new Set(linkedIds(entry));
  for (let length = 1; length <= 4; length++)
    for (let i = 0; i + length <= textWords.length; i++) {
      const phrase = textWords.slice(i, i + length).join(" ");
      if (length === 1 && WEAK_NAME_PARTS.has(phrase)) continue;
      for (const id of names.get(phrase) ?? []) entities.add(id);
    }
  return [...entities];
}

interface Reference {
  entries: Entry[];
  terms: string[][];
  titleTerms: Set<string>[];
  entities: string[][];
  names: Map<string, string[]>;
}

function referenceOf(kb: KnowledgeBase): Reference {
  const entries = entriesOf(kb);
  const display = displayNames(kb);
  const context = quoteContext(kb);
  const names = referenceNames(kb);
  const texts = entries.map((entry) => {
    const quoted = entry.kind === "quotes" ? context.get(entry.value.id) : undefined;
    const text = searchableFields(entry, display).join(" ");
    return quoted ? `${text} ${quoted}` : text;
  });
  return {
    entries,
    terms: texts.map((text) => terms(text)),
    titleTerms: entries.map((entry) => new Set(terms(titleOf(entry)))),
    entities: entries.map((entry, d) =>
      referenceEntities(entry, words(normalize(texts[d] as string)), names),
    ),
    names,
  };
}

/** Term → [docs ascending, counts], from each doc's terms. */
function referencePostings(reference: Reference): Map<string, { docs: number[]; tfs: number[] }> {
  const postings = new Map<string, { docs: number[]; tfs: number[] }>();
  reference.terms.forEach((list, d) => {
    const counts = new Map<string, number>();
    for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      const posting = postings.get(term) ?? { docs: [], tfs: [] };
      postings.set(term, posting);
      posting.docs.push(d);
      posting.tfs.push(count);
    }
  });
  return postings;
}

/** Up to ten differences, so that a failure says where without printing thousands of docs. */
function differences(
  label: string,
  expected: ReadonlyMap<string, unknown>,
  actual: ReadonlyMap<string, unknown>,
): string[] {
  const out: string[] = [];
  const show = (value: unknown) =>
    JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
  for (const [key, value] of expected)
    if (show(value) !== show(actual.get(key)))
      out.push(`${label} ${key}: expected ${show(value)}, got ${show(actual.get(key))}`);
  for (const key of actual.keys())
    if (!expected.has(key)) out.push(`${label} ${key}: unexpected ${show(actual.get(key))}`);
  return out.slice(0, 10);
}

const sideOf = (country: string | undefined) => {
  const c = (country ?? "").toLowerCase();
  return c === "china" ? 1 : c === "united states" || c === "us" || c === "usa" ? 2 : 0;
};

/** Phrases that are no key: word prefixes and character prefixes of keys, keys with more after them. */
function absentPhrases(names: ReadonlyMap<string, unknown>): string[] {
  const absent = new Set<string>(["", " ", "zzqx", "the the", "nothing at all here"]);
  for (const key of names.keys()) {
    const parts = key.split(" ");
    for (let k = 1; k < parts.length; k++) absent.add(parts.slice(0, k).join(" "));
    for (let k = 1; k < parts.length; k++) absent.add(parts.slice(k).join(" "));
    absent.add(key.slice(0, -1));
    absent.add(`${key} ${parts[0]}`);
    absent.add(`${key} zzqx`);
    absent.add(`${key} `);
    absent.add(` ${key}`);
    absent.add(key.replace(" ", "  "));
    absent.add(key.toUpperCase());
    if (parts.length > 1) absent.add([...parts].reverse().join(" "));
  }
  for (const key of names.keys()) absent.delete(key);
  return [...absent];
}

/** Misspellings of keys (a letter dropped, two swapped, one changed), for fuzzy lookups. */
function misspellings(keys: readonly string[], limit: number): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (key.length < 5 || key.length > 30) continue;
    const at = Math.floor(key.length / 2);
    out.push(key.slice(0, at) + key.slice(at + 1));
    out.push(key.slice(0, at - 1) + key[at] + key[at - 1] + key.slice(at + 1));
    out.push(`${key.slice(0, at)}x${key.slice(at + 1)}`);
    out.push(key);
    if (out.length >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The checks, on each knowledge base.
// ---------------------------------------------------------------------------------------------

function checksAgainstReference(name: string, kb: KnowledgeBase): void {
  describe(`the index of ${name} matches the reference`, () => {
    const index: SearchIndex = buildIndex(kb);
    const reference = referenceOf(kb);
    const { docs } = index;

    it("has every entry as a doc, in order, with its kind and table row", () => {
      expect(docs.map((d) => d.id)).toEqual(reference.entries.map((e) => e.value.id));
      expect(docs.map((d) => d.kind)).toEqual(reference.entries.map((e) => e.kind));
      expect(docs.every((d, i) => d.entry.value === reference.entries[i]?.value)).toBe(true);
      expect(Array.from(index.table.kind)).toEqual(docs.map((d) => DOC_KINDS.indexOf(d.kind as DocKind)));
      expect(Array.from(index.table.place)).toEqual(
        reference.entries.map((e) => (e.kind === "people" && e.value.kind === "place" ? 1 : 0)),
      );
      expect(Array.from(index.table.side)).toEqual(
        reference.entries.map((e) => (e.kind === "people" ? sideOf(e.value.country) : 0)),
      );
      expect([...index.table.byId]).toEqual(reference.entries.map((e, i) => [e.value.id, i]));
      expect(index.table.plainIds).toBe(reference.entries.every((e) => /^[a-z0-9-]*$/.test(e.value.id)));
    });

    it("gives each doc the terms of its searchable text (with a quote's context)", () => {
      const wrong = docs
        .map((d, i) => [d.id, d.terms, reference.terms[i]] as const)
        .filter(([, actual, expected]) => JSON.stringify(actual) !== JSON.stringify(expected));
      expect(wrong.slice(0, 5)).toEqual([]);
      for (const [i, d] of docs.entries()) expect(d.termSet).toEqual(new Set(reference.terms[i]));
    });

    it("gives each doc its length in terms, and the average", () => {
      const lengths = reference.terms.map((t) => t.length);
      expect(docs.map((d) => d.length)).toEqual(lengths);
      expect(Array.from(index.table.length)).toEqual(lengths);
      const total = lengths.reduce((a, b) => a + b, 0);
      expect(index.averageLength).toBeCloseTo(total / lengths.length, 10);
    });

    it("posts every term in exactly the docs that have it, ascending, with its count there", () => {
      const expected = referencePostings(reference);
      expect(differences("posting", expected, index.postings)).toEqual([]);
      for (const [term, posting] of index.postings) {
        expect(posting.docs.length, term).toBeGreaterThan(0);
        expect(posting.docs.length, term).toBe(posting.tfs.length);
        expect(index.vocabulary.has(term), term).toBe(true);
      }
    });

    it("posts every title term in exactly the docs whose title has it, ascending", () => {
      const expected = new Map<string, number[]>();
      reference.titleTerms.forEach((set, d) => {
        for (const term of set) expected.set(term, [...(expected.get(term) ?? []), d]);
      });
      expect(differences("title posting", expected, index.titlePostings)).toEqual([]);
      const wrong = docs.filter(
        (d, i) =>
          JSON.stringify([...d.titleTerms].sort()) !==
          JSON.stringify([...(reference.titleTerms[i] as Set<string>)].sort()),
      );
      expect(wrong.map((d) => d.id)).toEqual([]);
    });

    it("gives each doc its linked entities, then the names its text mentions, shortest first", () => {
      const wrong = docs
        .map((d, i) => [d.id, [...d.entities], reference.entities[i]] as const)
        .filter(([, actual, expected]) => JSON.stringify(actual) !== JSON.stringify(expected));
      expect(wrong.slice(0, 5)).toEqual([]);
    });

    it("lists under each entity exactly the docs that concern it, ascending", () => {
      const expected = new Map<string, number[]>();
      reference.entities.forEach((ids, d) => {
        for (const id of ids) expected.set(id, [...(expected.get(id) ?? []), d]);
      });
      expect(differences("entity", expected, index.entityDocs)).toEqual([]);
      // And the other way round, from the docs as the index gives them.
      for (const [id, list] of index.entityDocs) {
        for (let k = 1; k < list.length; k++)
          expect(list[k] as number, id).toBeGreaterThan(list[k - 1] as number);
        for (const d of list) expect(docs[d]?.entities.has(id), `${id} in ${docs[d]?.id}`).toBe(true);
      }
      docs.forEach((doc, d) => {
        for (const id of doc.entities)
          expect(index.entityDocs.get(id)?.includes(d), `${doc.id} under ${id}`).toBe(true);
      });
    });

    it("knows every name under its normalised form, with its ids in order", () => {
      const keys = index.names.keysMatching(() => true);
      expect(keys).toEqual([...reference.names.keys()]);
      expect(index.names.size).toBe(reference.names.size);
      const wrong = [...reference.names].filter(
        ([key, ids]) =>
          JSON.stringify(index.names.exact(key)) !== JSON.stringify(ids) || !index.names.has(key),
      );
      expect(wrong.slice(0, 10)).toEqual([]);
      keys.forEach((key, k) => {
        expect(index.names.valuesAt(k)).toEqual(reference.names.get(key));
      });
    });

    it("knows no phrase that is not a name: prefixes of names, names with more, other spellings", () => {
      const found = absentPhrases(reference.names).filter(
        (p) => index.names.has(p) || index.names.exact(p).length > 0,
      );
      expect(found).toEqual([]);
    });

    it("knows the first word of every name, and the stems of the words a misspelt name may have", () => {
      const keys = [...reference.names.keys()];
      expect(index.nameStarts).toEqual(new Set(keys.map((k) => k.split(" ")[0])));
      const stems = new Set<string>();
      for (const key of keys) {
        const parts = key.split(" ");
        if (parts.length > 5) continue;
        for (const part of parts) {
          stems.add(stem(part));
          if (part.includes("-")) for (const p of part.split("-")) if (p) stems.add(stem(p));
        }
      }
      expect(index.nameWords).toEqual(stems);
      for (const key of keys)
        for (const part of key.split(" ")) expect(index.vocabulary.has(stem(part)), part).toBe(true);
    });

    it("finds misspelt names as a plain fuzzy lexicon of the same names does", () => {
      const plain = new FuzzyLexicon<string>();
      for (const [key, ids] of reference.names) for (const id of ids) plain.add(key, id);
      const phrases = misspellings([...reference.names.keys()], 240);
      const wrong = phrases.filter(
        (p) => JSON.stringify(index.names.fuzzy(p, 0.25, 3)) !== JSON.stringify(plain.fuzzy(p, 0.25, 3)),
      );
      expect(wrong).toEqual([]);
    });
  });
}

checksAgainstReference("the shipped knowledge", shipped);
checksAgainstReference("a generated knowledge base of 3,000 entries", generated);

// ---------------------------------------------------------------------------------------------
// Names in text, on a small knowledge base made for it.
// ---------------------------------------------------------------------------------------------

const EXTRA = `
people:
  - id: mary-close
    name: Mary Close
    aliases: [Close]
    role: to the president, and called
    affiliation: on behalf of nobody
    country: China

  - id: wang-wei
    name: Wang Wei
    country: United States

  - id: xiao-wang
    name: Xiao Wang

topics:
  - id: five-words
    name: Joint Committee of Trade Affairs
    synonyms: [Bilateral Trade Working Group Meeting Series]

  - id: four-words
    name: Joint Committee of Trade
    synonyms: [Framework Consensus Working Group]

  - id: weak-words
    name: China
    synonyms: [Xi, he, Wang, US, the]

  - id: santa-cruz
    name: Santa Cruz

events:
  - id: beijing-summit
    title: Leaders called
    aliases: [on Tuesday at the summit]
    kind: summit
    place: Great Hall of the People, Beijing, China
    start: 2025-10-30
    cite: [madrid-talks-report ¶3]

  - id: london-round
    title: Talks pushed
    aliases: [back]
    kind: round
    place: Lancaster House, London, United Kingdom
    start: 2025-06-09
    cite: [madrid-talks-report ¶3]

facts:
  - id: names-in-text
    text: >-
      The Joint Committee of Trade Affairs met the Framework Consensus Working Group and the Bilateral Trade
      Working Group Meeting Series; China, Xi, Wang, US and he said so. He Lifeng spoke in London near Santa
      Cruz Palace, and Wang Wei spoke.
    date: 2025-09-15
    cite: [madrid-talks-report ¶3]

  - id: names-across-fields
    text: A fact about He
    note: Lifeng, the Beijing summit and the Beijing talks, not Beijing alone
    date: 2025-09-15
    cite: [madrid-talks-report ¶3]

  # Read one after the other: the second ends where the first goes on with the rest of a name.
  - id: longer-text-first
    text: one two three four five Palace Lifeng
    date: 2025-09-15
    cite: [madrid-talks-report ¶3]

  - id: shorter-text-next
    text: one two three
    note: Santa Cruz
    date: 2025-09-15
    cite: [madrid-talks-report ¶3]
`;

async function smallKnowledge(): Promise<KnowledgeBase> {
  const files = await readKnowledgeDir(here("../fixtures/kb-small/"));
  const result = loadKnowledgeFiles([...files, { path: "test/fixtures/kb-small/extra.yaml", text: EXTRA }]);
  if (!result.ok)
    throw new Error(`the small knowledge base does not load: ${JSON.stringify(result.problems[0])}`);
  return result.kb;
}

const small = await smallKnowledge();

describe("names found in the text of entries", () => {
  const kb = small;
  const index = buildIndex(kb);
  const doc = (id: string) => {
    const found = index.docs.find((d) => d.id === id);
    if (!found) throw new Error(`no doc ${id}`);
    return found;
  };

  checksAgainstReference("a small knowledge base made for names in text", kb);

  it("a name of up to four words is found, one of five or more is not", () => {
    expect(LONGEST_NAME_IN_TEXT).toBe(4);
    const entities = doc("names-in-text").entities;
    expect(entities.has("four-words")).toBe(true);
    expect(entities.has("five-words")).toBe(false);
    // The six-word synonym alone does not find its topic either.
    expect(index.names.exact("bilateral trade working group meeting series")).toEqual(["five-words"]);
  });

  it("a lone weak word is no name, but a longer name that starts with one is", () => {
    const entities = doc("names-in-text").entities;
    expect(entities.has("weak-words")).toBe(false);
    expect(index.names.exact("china")).toEqual(["weak-words"]);
    expect(index.names.exact("he")).toEqual(["weak-words"]);
    expect(entities.has("he-lifeng")).toBe(true);
    expect(entities.has("wang-wei")).toBe(true);
    expect(entities.has("xiao-wang")).toBe(false);
    expect(entities.has("santa-cruz")).toBe(true);
    expect(entities.has("palacio-de-santa-cruz")).toBe(true);
    expect(entities.has("london-round")).toBe(true);
    expect(index.entityDocs.get("five-words")).toBeUndefined();
    expect(index.entityDocs.get("weak-words")).toBeUndefined();
  });

  it("a surname stands for a person unless it is weak", () => {
    expect(index.names.exact("wei")).toEqual(["wang-wei"]);
    expect(index.names.exact("wang")).toEqual(["weak-words"]);
    expect(index.names.exact("close")).toEqual(["mary-close"]);
  });

  it("a name may run from one field into the next", () => {
    const entities = doc("names-across-fields").entities;
    expect(entities.has("he-lifeng")).toBe(true);
    expect(entities.has("beijing-summit")).toBe(true);
  });

  it("a name is not read past the end of a text, into the words of the text read before it", () => {
    const first = index.docs.findIndex((d) => d.id === "longer-text-first");
    expect(index.docs[first + 1]?.id).toBe("shorter-text-next");
    // Its words: one two three santa cruz; the buffer they were read into still has "palace" next.
    expect([...doc("shorter-text-next").entities]).toEqual(["santa-cruz"]);
  });

  it("a capital alone names no event, the capital's talks or summit do", () => {
    expect(index.names.has("beijing")).toBe(false);
    expect(index.names.exact("beijing summit")).toEqual(["beijing-summit"]);
    expect(index.names.exact("beijing talks")).toEqual(["beijing-summit"]);
    expect(index.names.exact("london")).toEqual(["london-round"]);
  });

  it("a title that a rewrite joins to the body, or within itself, has the terms of the title read alone", () => {
    // "Mary Close Close" + "to the president": "close to" becomes "near" across the title's end.
    expect(doc("mary-close").titleTerms).toEqual(new Set(terms("Mary Close Close")));
    expect(doc("mary-close").terms).toContain("near");
    expect(index.titlePostings.get(terms("close")[0] as string)).toContain(
      index.docs.indexOf(doc("mary-close")),
    );
    // "Leaders called" + "on Tuesday at the summit": "called on" becomes "urged" within the title.
    expect(doc("beijing-summit").titleTerms).toEqual(
      new Set(terms("Leaders called on Tuesday at the summit")),
    );
    expect(doc("beijing-summit").titleTerms.has(terms("urged")[0] as string)).toBe(true);
    expect(doc("london-round").titleTerms).toEqual(new Set(terms("Talks pushed back")));
  });

  it("buildNames on its own gives the same lexicon as the index", () => {
    const names = buildNames(kb, new Tokenizer());
    expect(names.lexicon.keysMatching(() => true)).toEqual(index.names.keysMatching(() => true));
    for (const key of names.lexicon.keysMatching(() => true))
      expect(names.lexicon.exact(key)).toEqual(index.names.exact(key));
    expect(names.starts).toEqual(index.nameStarts);
  });
});
