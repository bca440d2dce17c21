import type { Entry, KnowledgeBase } from "../knowledge/types.ts";
import { FuzzyLexicon } from "./fuzzy-lexicon.ts";
import { normalize, stem, terms, words } from "./text.ts";

export type DocKind = "facts" | "quotes" | "events" | "deadlines" | "people";

/** One searchable entry: its words, the entities it concerns, and its date. */
export interface Doc {
  readonly id: string;
  readonly kind: DocKind;
  readonly entry: Entry;
  readonly terms: readonly string[];
  /** The same terms as a set, built once rather than on every question. */
  readonly termSet: ReadonlySet<string>;
  /** Terms of the entry's title or name, which say more than its body. */
  readonly titleTerms: ReadonlySet<string>;
  readonly entities: ReadonlySet<string>;
  readonly date: string;
  readonly length: number;
}

export interface Posting {
  doc: number;
  tf: number;
}

/** Built once per knowledge base; every question is answered against it without rebuilding. */
export interface SearchIndex {
  readonly kb: KnowledgeBase;
  readonly docs: readonly Doc[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  readonly entityDocs: ReadonlyMap<string, readonly number[]>;
  readonly averageLength: number;
  /** Names, aliases and synonyms (normalised) → entity ids. */
  readonly names: FuzzyLexicon<string>;
  /** Every indexed term, for correcting misspelt words. */
  readonly vocabulary: FuzzyLexicon<string>;
  /** Entity id → its display name. */
  readonly displayName: ReadonlyMap<string, string>;
  /** The newest source date: what the knowledge base knows "as of". */
  readonly asOf: string;
}

/** Words too generic to identify a person ("he", "wang") when they stand alone. */
const WEAK_NAME_PARTS = new Set([
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

const GOVERNMENT_SEATS = new Set(["beijing", "washington"]);

function searchableText(entry: Entry, displayName: ReadonlyMap<string, string>): string {
  const name = (id: string) => displayName.get(id) ?? id;
  switch (entry.kind) {
    case "facts":
      return [entry.value.text, entry.value.note ?? ""].join(" ");
    case "quotes":
      return [entry.value.text, name(entry.value.speaker), entry.value.occasion ?? ""].join(" ");
    case "events":
      return [
        entry.value.title,
        entry.value.aliases.join(" "),
        entry.value.place ?? "",
        entry.value.place_aliases.join(" "),
        entry.value.outcome ?? "",
      ].join(" ");
    case "deadlines":
      return [entry.value.what, entry.value.consequence, entry.value.instrument ?? "", "deadline due"].join(
        " ",
      );
    case "people":
      return [
        entry.value.name,
        entry.value.aliases.join(" "),
        entry.value.role ?? "",
        entry.value.affiliation ?? "",
        demonym(entry.value.country),
      ].join(" ");
    default:
      return "";
  }
}

/** "China" → "China Chinese", so "who leads the Chinese delegation" finds the Chinese side. */
function demonym(country: string | undefined): string {
  if (!country) return "";
  const known: Record<string, string> = {
    china: "Chinese",
    "united states": "American US",
    spain: "Spanish",
    "united kingdom": "British UK",
  };
  return `${country} ${known[country.toLowerCase()] ?? ""}`;
}

function titleOf(entry: Entry): string {
  switch (entry.kind) {
    case "events":
      return [entry.value.title, ...entry.value.aliases].join(" ");
    case "deadlines":
      return entry.value.what;
    case "people":
      return [entry.value.name, ...entry.value.aliases].join(" ");
    default:
      return "";
  }
}

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

function dateOf(entry: Entry): string {
  switch (entry.kind) {
    case "facts":
    case "quotes":
      return entry.value.date;
    case "events":
      return entry.value.start;
    case "deadlines":
      return entry.value.due;
    default:
      return "";
  }
}

/**
 * A quote is found by what it is about as well as by its words: the facts that cite the same
 * paragraph of the same source (and concern the speaker) are its context. "What did Greer say
 * about rolling back measures" then finds the quote whose paraphrase talks of rolling back.
 */
function quoteContext(kb: KnowledgeBase): Map<string, string> {
  const factsByCitation = new Map<string, string[]>();
  for (const f of kb.facts) {
    for (const c of f.cite) {
      if (!/\s/.test(c)) continue; // a whole source is too broad; a located paragraph is not
      factsByCitation.set(c, [...(factsByCitation.get(c) ?? []), f.id]);
    }
  }
  const out = new Map<string, string>();
  for (const q of kb.quotes) {
    const texts: string[] = [];
    for (const c of q.cite) {
      for (const id of factsByCitation.get(c) ?? []) {
        const entry = kb.byId.get(id);
        if (entry?.kind === "facts" && entry.value.about.includes(q.speaker)) texts.push(entry.value.text);
      }
    }
    if (texts.length) out.set(q.id, texts.join(" "));
  }
  return out;
}

/** Every name (of up to four words) that occurs in a text. */
function namesIn(tokens: readonly string[], names: FuzzyLexicon<string>): Set<string> {
  const found = new Set<string>();
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const phrase = tokens.slice(i, i + n).join(" ");
      if (n === 1 && WEAK_NAME_PARTS.has(phrase)) continue;
      for (const id of names.exact(phrase)) found.add(id);
    }
  }
  return found;
}

function addNames(names: FuzzyLexicon<string>, id: string, phrases: readonly string[]): void {
  for (const phrase of phrases) {
    const key = normalize(phrase);
    if (key) names.add(key, id);
  }
}

/** Builds the name lexicon: people, places, topics and events under every name they go by. */
function buildNames(kb: KnowledgeBase): FuzzyLexicon<string> {
  const names = new FuzzyLexicon<string>();
  for (const p of kb.people) {
    addNames(names, p.id, [p.name, ...p.aliases]);
    const parts = normalize(p.name).split(" ");
    const surname = parts[parts.length - 1];
    // A person is also known by surname ("Bessent"), unless the surname is too common to be telling.
    if (p.kind === "person" && surname && parts.length > 1 && !WEAK_NAME_PARTS.has(surname))
      names.add(surname, p.id);
  }
  for (const t of kb.topics) addNames(names, t.id, [t.name, ...t.synonyms]);
  for (const e of kb.events) {
    addNames(names, e.id, [e.title, ...e.aliases]);
    // A round of talks is known by its city: "the Madrid talks", "in Geneva".
    if (e.place && (e.kind === "round" || e.kind === "summit")) {
      const parts = e.place.split(",").map((s) => s.trim());
      const city = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
      // Capitals stand for governments ("Washington and Beijing agreed"), so only "Beijing summit" names the event.
      const bare = city && !GOVERNMENT_SEATS.has(normalize(city)) ? [city] : [];
      if (city) addNames(names, e.id, [...bare, `${city} talks`, `${city} round`, `${city} summit`]);
    }
  }
  return names;
}

export function buildIndex(kb: KnowledgeBase): SearchIndex {
  const displayName = new Map<string, string>();
  for (const p of kb.people) displayName.set(p.id, p.name);
  for (const t of kb.topics) displayName.set(t.id, t.name);
  for (const e of kb.events) displayName.set(e.id, e.title);
  for (const d of kb.deadlines) displayName.set(d.id, d.what);

  const entries: Entry[] = [
    ...kb.facts.map((value) => ({ kind: "facts" as const, value })),
    ...kb.quotes.map((value) => ({ kind: "quotes" as const, value })),
    ...kb.events.map((value) => ({ kind: "events" as const, value })),
    ...kb.deadlines.map((value) => ({ kind: "deadlines" as const, value })),
    ...kb.people.map((value) => ({ kind: "people" as const, value })),
  ];

  const names = buildNames(kb);
  const vocabulary = new FuzzyLexicon<string>();
  const postings = new Map<string, Posting[]>();
  const entityDocs = new Map<string, number[]>();
  const docs: Doc[] = [];
  let totalLength = 0;

  const context = quoteContext(kb);
  for (const entry of entries) {
    const text = `${searchableText(entry, displayName)} ${context.get(entry.value.id) ?? ""}`;
    const docTerms = terms(text);
    const index = docs.length;
    const entities = new Set(linkedIds(entry));
    // Names that appear in the text count too, so a fact that says "Greer" is about Greer.
    for (const id of namesIn(words(normalize(text)), names)) entities.add(id);
    docs.push({
      id: entry.value.id,
      kind: entry.kind as DocKind,
      entry,
      terms: docTerms,
      termSet: new Set(docTerms),
      titleTerms: new Set(terms(titleOf(entry))),
      entities,
      date: dateOf(entry),
      length: docTerms.length,
    });
    totalLength += docTerms.length;
    const counts = new Map<string, number>();
    for (const t of docTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      const list = postings.get(t);
      if (list) list.push({ doc: index, tf });
      else postings.set(t, [{ doc: index, tf }]);
      vocabulary.add(t, t);
    }
    for (const id of entities) {
      const list = entityDocs.get(id);
      if (list) list.push(index);
      else entityDocs.set(id, [index]);
    }
  }
  for (const key of names.keysMatching(() => true))
    for (const w of key.split(" ")) vocabulary.add(stem(w), stem(w));

  const dates = kb.sources
    .map((s) => s.published ?? s.covers ?? "")
    .filter(Boolean)
    .sort();
  return {
    kb,
    docs,
    postings,
    entityDocs,
    averageLength: docs.length ? totalLength / docs.length : 1,
    names,
    vocabulary,
    displayName,
    asOf: dates[dates.length - 1] ?? "",
  };
}
