import type { KnowledgeBase } from "../knowledge/types.ts";

/**
 * Renaming the proper nouns of the shipped knowledge, so that a generated entry can be about
 * another negotiation (other people, places, countries, companies) rather than a copy of a real
 * one: then a question about the real talks still has exactly one right answer at any size.
 */

/** A word that starts with a capital (or is "U.S."/"U.K."), or a run of Chinese characters. */
const TOKEN = /U\.S\.|U\.K\.|\p{Lu}[\p{L}\p{N}]*|\p{Script=Han}+/gu;
const HAN = /^\p{Script=Han}+$/u;
/** A word written in lowercase, not part of an id or an address ("madrid-talks-report", "…/madrid/"). */
const LOWERCASE_WORD = /(?<![\p{L}\p{N}\-/.])\p{Ll}[\p{L}\p{N}]*(?![\p{L}\p{N}\-/.])/gu;

/** Proper nouns every world shares: calendar words, and "I". */
const SHARED = new Set(
  (
    "January February March April May June July August September October November December " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday I"
  ).split(" "),
);

/**
 * The United States' names, renamed in every world like the other side's although "us" is also a
 * pronoun: each generated world is talks between two other countries.
 */
const US = ["US", "U.S.", "USA", "United", "States", "America", "American", "Americans", "Washington"];

/**
 * Capitalised words of titles and institutions, which other talks have too ("Vice Premier",
 * "Supreme Court", "Ministry of Commerce"): they stay, and only what is particular is renamed.
 */
const GENERIC = new Set(
  (
    "President Premier Vice Secretary Minister Ministry Chairman Representative Chancellor King CEO VP PM FM " +
    "Department Dept Council Court Supreme Congress Treasury Agriculture Industry Commerce Section Union " +
    "Republic Center Centre Central Television TV Corporation Corp Ltd LLC HQ JV Fund Studies Resources " +
    "Reserves Regulation House White Bill State People Party Bureau Office Trade Economic Affairs Foreign " +
    "National Security Administration Market Group Company Embassy Hall Great Strategic International " +
    "Commission General Customs Tariff Joint Statement Summit Round Talks Palace Lake Silver Powers Act"
  ).split(" "),
);

/** What a country's people and things are called, so that its demonym moves with it. */
const DEMONYMS: Readonly<Record<string, string>> = {
  China: "Chinese",
  "United States": "American",
  Spain: "Spanish",
  "United Kingdom": "British",
  Sweden: "Swedish",
  Switzerland: "Swiss",
  Malaysia: "Malaysian",
  France: "French",
  Japan: "Japanese",
  Korea: "Korean",
  "South Korea": "South Korean",
};

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The words of the knowledge's names (people, organisations, places, topics, event places) that
 * are proper nouns: never written in lowercase anywhere in the knowledge ("China", "Bessent",
 * "TikTok", but not "Court" when "court" is also written), with Chinese names and demonyms.
 */
export function properNounsOf(kb: KnowledgeBase): Set<string> {
  const lowercase = new Set<string>();
  const everyText: string[] = [];
  const seen = (text: string | undefined) => {
    if (text) everyText.push(text);
  };
  for (const f of kb.facts) [f.text, f.note].forEach(seen);
  for (const q of kb.quotes) [q.text, q.occasion].forEach(seen);
  for (const e of kb.events) [e.title, e.outcome, e.place].forEach(seen);
  for (const d of kb.deadlines) [d.what, d.consequence, d.instrument].forEach(seen);
  for (const p of kb.people) [p.role, p.affiliation].forEach(seen);
  for (const text of everyText) for (const w of text.match(LOWERCASE_WORD) ?? []) lowercase.add(w);

  const candidates: string[] = [];
  const named = (text: string | undefined) => {
    if (text) candidates.push(...tokensOf(text));
  };
  for (const p of kb.people) {
    named(p.name);
    for (const a of p.aliases) named(a);
    named(p.country);
    const demonym = p.country ? DEMONYMS[p.country] : undefined;
    if (demonym) named(demonym);
  }
  for (const t of kb.topics) {
    named(t.name);
    for (const s of t.synonyms) named(s);
  }
  for (const e of kb.events) {
    named(e.place);
    for (const a of e.place_aliases) named(a);
  }
  const proper = new Set<string>(US);
  for (const token of candidates) {
    if (SHARED.has(token) || GENERIC.has(token) || token.length < 2) continue;
    if (HAN.test(token) || !lowercase.has(token.toLowerCase())) proper.add(token);
  }
  return proper;
}

/** One world's names: every proper noun of the shipped knowledge mapped to a made-up one. */
export class Renamer {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly proper: ReadonlySet<string>,
    private readonly invent: () => string,
  ) {}

  /** The text with its proper nouns renamed, the same way every time within this world. */
  text(text: string): string {
    return text.replace(TOKEN, (token) => (this.proper.has(token) ? this.nameFor(token) : token));
  }

  /** Whether renaming changes the text. */
  changes(text: string): boolean {
    return tokensOf(text).some((t) => this.proper.has(t));
  }

  private nameFor(token: string): string {
    let name = this.names.get(token);
    if (!name) {
      const made = this.invent();
      // An acronym stays one ("IEEPA" → "DRAKOU"), a name stays capitalised.
      name =
        token.length > 1 && token === token.toUpperCase() && !HAN.test(token) ? made.toUpperCase() : made;
      this.names.set(token, name);
    }
    return name;
  }
}
