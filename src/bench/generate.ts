import { cityOf } from "../core/entry-text.ts";
import { crossCheck } from "../knowledge/cross-check.ts";
import type { LocatedEntry } from "../knowledge/parse-file.ts";
import type { Deadline, Event, Fact, Person, Quote, Source, Topic } from "../knowledge/schema.ts";
import { entrySchemas, type Kind } from "../knowledge/schema.ts";
import type { Entry, KnowledgeBase } from "../knowledge/types.ts";
import { properNounsOf, Renamer } from "./rename.ts";

export type GenerationMode = "copies" | "worlds";

/**
 * Synthetic knowledge bases shaped like the shipped one, for measuring Parley at scale.
 *
 * A generated knowledge base of N entries holds every shipped entry unchanged (so real questions
 * keep their real answers) plus N − shipped clones. Clones come in "generations": generation g is a
 * copy of the whole shipped world (sources, people, topics, events, facts, quotes, deadlines, so the
 * kinds keep their real proportions), every clone id suffixed `-g<g>` and every reference and
 * citation pointing at the clone of the same generation, so cross-references stay valid. The last
 * generation is a random subset. Two ways to vary the text:
 *
 * - "copies" (the load): the same talks told again. Names, cities and titles get a made-up word
 *   added; prose (fact and quote text, consequences) is shuffled with a share of its words swapped
 *   for words of the shipped knowledge. Every generation mentions the real people and countries,
 *   so their posting lists grow with the size, as in a knowledge base with many sources on the same
 *   talks. A shuffled copy can outscore the entry it copies, so a question may have many answers.
 * - "worlds" (the judge): other talks. Every proper noun of the shipped knowledge (people,
 *   places, countries, organisations, companies; not the United States or the calendar) is renamed
 *   to a made-up one for the generation, and prose keeps its order with about a tenth of its
 *   common words swapped. A question about the real talks then has one right answer at any size.
 */

/** The id of generation g's clone of an entry. */
export const cloneId = (id: string, g: number) => `${id}-g${g}`;

/** The shipped entry an id is a clone of, or the id itself for a shipped entry. */
export const originalId = (id: string) => id.replace(/-g\d+$/, "");

/** mulberry32: a small, fast, seeded PRNG, so every run builds the same knowledge. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function shuffle<T>(rand: Rand, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Every entry of a knowledge base, in the loader's kind order. */
export function entriesOf(kb: KnowledgeBase): Entry[] {
  return [
    ...kb.sources.map((value) => ({ kind: "sources" as const, value })),
    ...kb.people.map((value) => ({ kind: "people" as const, value })),
    ...kb.topics.map((value) => ({ kind: "topics" as const, value })),
    ...kb.events.map((value) => ({ kind: "events" as const, value })),
    ...kb.facts.map((value) => ({ kind: "facts" as const, value })),
    ...kb.quotes.map((value) => ({ kind: "quotes" as const, value })),
    ...kb.deadlines.map((value) => ({ kind: "deadlines" as const, value })),
  ];
}

/** Words of the shipped prose, the pool that varied clone text is drawn from. */
function vocabularyOf(kb: KnowledgeBase): string[] {
  const texts = [
    ...kb.facts.map((f) => f.text),
    ...kb.quotes.map((q) => q.text),
    ...kb.events.map((e) => `${e.title} ${e.outcome ?? ""}`),
    ...kb.deadlines.map((d) => `${d.what} ${d.consequence}`),
    ...kb.people.map((p) => p.role ?? ""),
  ];
  return texts.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 0);
}

const ONSETS = [
  "b",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "dr",
  "kr",
  "st",
  "tr",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const CODAS = ["", "", "", "n", "r", "l", "k", "th"];

/** Made-up proper names ("Treloun", "Vasikor"): unique, never a word of the shipped knowledge. */
class NameMaker {
  private readonly used: Set<string>;
  constructor(
    private readonly rand: Rand,
    taken: Iterable<string>,
  ) {
    this.used = new Set([...taken].map((w) => w.toLowerCase()));
  }

  next(): string {
    for (;;) {
      const syllables = 3 + (this.rand() < 0.3 ? 1 : 0);
      let w = "";
      for (let i = 0; i < syllables; i++) w += pick(this.rand, ONSETS) + pick(this.rand, VOWELS);
      w += pick(this.rand, CODAS);
      if (w.length < 6 || this.used.has(w)) continue;
      this.used.add(w);
      return w.charAt(0).toUpperCase() + w.slice(1);
    }
  }
}

interface Generation {
  /** Maps an id to its clone in this generation, or leaves it alone when it was not cloned. */
  id(id: string): string;
  cite(citation: string): string;
  cloned(id: string): boolean;
}

class Varier {
  constructor(
    private readonly rand: Rand,
    private readonly vocabulary: readonly string[],
  ) {}

  /** Swaps a share of the words for shipped vocabulary, then shuffles them when asked. */
  text(text: string, swap: number, reorder: boolean): string {
    const words = text.split(/\s+/).filter(Boolean);
    const out = words.map((w) => (this.rand() < swap ? pick(this.rand, this.vocabulary) : w));
    return (reorder ? shuffle(this.rand, out) : out).join(" ");
  }
}

/**
 * How a generation changes the text of what it clones: "copies" add a made-up word to names and
 * shuffle prose; "worlds" rename proper nouns and keep prose in order (see the module comment).
 */
interface TextStyle {
  /** A name or title: changed so it names something else (`word` is the clone's own made-up word). */
  name(text: string, word: string): string;
  /** Prose, varied by `swap` (the share of words swapped). */
  prose(text: string, swap: number): string;
  /** A short description (a role, what a deadline is for), varied but never reordered. */
  varied(text: string, swap: number): string;
  /** Short text kept as it is in copies (roles, places, occasions). */
  plain(text: string): string;
  /** Text about where a round was held, moved from `city` to `newCity` in copies. */
  place(text: string, city: string | undefined, newCity: string): string;
  /** What a deadline is for, made to be another deadline's (`suffix`: the generation's word). */
  heading(text: string, suffix: string): string;
}

function copiesStyle(vary: Varier): TextStyle {
  return {
    name: (text, word) => `${text} ${word}`,
    prose: (text, swap) => vary.text(text, swap, true),
    varied: (text, swap) => vary.text(text, swap, false),
    plain: (text) => text,
    place: (text, city, newCity) => (city ? text.split(city).join(newCity) : text),
    heading: (text, suffix) => `${vary.text(text, 0.25, false)} — ${suffix}`,
  };
}

function worldsStyle(renamer: Renamer, vary: Varier): TextStyle {
  return {
    name: (text, word) => (renamer.changes(text) ? renamer.text(text) : `${text} ${word}`),
    // Fewer words swapped (a tenth or so), only common ones, in place: prose about other talks.
    prose: (text, swap) => vary.text(renamer.text(text), swap / 3, false),
    varied: (text, swap) => vary.text(renamer.text(text), swap / 3, false),
    plain: (text) => renamer.text(text),
    place: (text) => renamer.text(text),
    heading: (text, suffix) =>
      renamer.changes(text) ? renamer.text(text) : `${vary.text(text, 0.25 / 3, false)} — ${suffix}`,
  };
}

function cloneEntry(
  entry: Entry,
  gen: Generation,
  suffix: string,
  names: NameMaker,
  style: TextStyle,
): Entry {
  const id = gen.id(entry.value.id);
  const cites = (list: readonly string[]) => list.map((c) => gen.cite(c));
  const ids = (list: readonly string[]) => list.map((i) => gen.id(i));
  switch (entry.kind) {
    case "sources": {
      const s = entry.value;
      const value: Source = { ...s, id, title: `${style.plain(s.title)} (${names.next()})` };
      return { kind: "sources", value };
    }
    case "people": {
      const p = entry.value;
      const word = names.next();
      const value: Person = {
        ...p,
        id,
        name: style.name(p.name, word),
        aliases: p.aliases.map((a) => style.name(a, word)),
        ...(p.role ? { role: style.varied(p.role, 0.25) } : {}),
        ...(p.affiliation ? { affiliation: style.plain(p.affiliation) } : {}),
        ...(p.country ? { country: style.plain(p.country) } : {}),
        cite: cites(p.cite),
      };
      return { kind: "people", value };
    }
    case "topics": {
      const t = entry.value;
      const word = names.next();
      const value: Topic = {
        ...t,
        id,
        name: style.name(t.name, word),
        synonyms: t.synonyms.map((s) => style.name(s, word)),
      };
      return { kind: "topics", value };
    }
    case "events": {
      const e = entry.value;
      const city = cityOf(e.place);
      const newCity = names.next();
      const relocate = (text: string) => style.place(text, city, newCity);
      const title = relocate(e.title);
      const value: Event = {
        ...e,
        id,
        title: title === e.title ? `${e.title} — ${suffix}` : title,
        aliases: e.aliases.map((a) => {
          const moved = relocate(a);
          return moved === a ? `${a} ${suffix}` : moved;
        }),
        ...(e.place ? { place: relocate(e.place) } : {}),
        place_aliases: e.place_aliases.map((a) => `${relocate(a)} ${suffix}`),
        ...(e.outcome ? { outcome: style.prose(relocate(e.outcome), 0.3) } : {}),
        participants: ids(e.participants),
        ...(e.part_of ? { part_of: gen.id(e.part_of) } : {}),
        topics: ids(e.topics),
        cite: cites(e.cite),
      };
      return { kind: "events", value };
    }
    case "facts": {
      const f = entry.value;
      const value: Fact = {
        ...f,
        id,
        text: style.prose(f.text, 0.35),
        about: ids(f.about),
        disputes: f.disputes.filter((d) => gen.cloned(d)).map((d) => gen.id(d)),
        ...(f.note ? { note: style.prose(f.note, 0.35) } : {}),
        cite: cites(f.cite),
      };
      return { kind: "facts", value };
    }
    case "quotes": {
      const q = entry.value;
      const value: Quote = {
        ...q,
        id,
        text: style.prose(q.text, 0.35),
        speaker: gen.id(q.speaker),
        ...(q.event ? { event: gen.id(q.event) } : {}),
        ...(q.occasion ? { occasion: style.plain(q.occasion) } : {}),
        about: ids(q.about),
        cite: cites(q.cite),
      };
      return { kind: "quotes", value };
    }
    case "deadlines": {
      const d = entry.value;
      // A chain of extensions is only cloned whole: a clone never points into the shipped chain.
      const { superseded_by: next, ...rest } = d;
      const value: Deadline = {
        ...rest,
        id,
        what: style.heading(d.what, suffix),
        consequence: style.prose(d.consequence, 0.35),
        ...(d.instrument ? { instrument: style.plain(d.instrument) } : {}),
        set_by: ids(d.set_by),
        about: ids(d.about),
        history: d.history.map((h) => ({ ...h, cite: cites(h.cite) })),
        ...(next && gen.cloned(next) ? { superseded_by: gen.id(next) } : {}),
        cite: cites(d.cite),
      };
      return { kind: "deadlines", value };
    }
    default:
      throw new Error("unknown entry kind");
  }
}

/** Kinds other entries refer to: a first generation of other talks that is partial clones them first. */
const REFERRED: ReadonlySet<Entry["kind"]> = new Set(["sources", "people", "topics", "events"]);

/**
 * The entries of the last, partial generation: a random subset. For other talks with no whole
 * generation before it, the entries others refer to come first, so that its clones can refer to
 * clones rather than to the real talks.
 */
function partialGeneration(
  rand: Rand,
  originals: readonly Entry[],
  count: number,
  mode: GenerationMode,
  g: number,
): Entry[] {
  if (mode === "copies" || g > 1) return shuffle(rand, [...originals]).slice(0, count);
  const referred = originals.filter((e) => REFERRED.has(e.kind));
  const rest = originals.filter((e) => !REFERRED.has(e.kind));
  return [...shuffle(rand, referred), ...shuffle(rand, rest)].slice(0, count);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export interface Generated {
  kb: KnowledgeBase;
  /** Milliseconds spent generating, validating (schemas + cross-check) and freezing. */
  generateMs: number;
  validateMs: number;
}

/**
 * A knowledge base of exactly `size` entries (every kind counted, as in `byId`), built from the
 * shipped one. Entries pass the same schemas and cross-check as loaded knowledge, and are frozen.
 */
export function generateKnowledge(
  base: KnowledgeBase,
  size: number,
  options: { mode?: GenerationMode; seed?: number } = {},
): Generated {
  const mode = options.mode ?? "copies";
  const seed = options.seed ?? 20250915;
  const started = performance.now();
  const rand = prng(seed ^ size);
  const originals = entriesOf(base);
  if (size < originals.length)
    throw new Error(`cannot generate ${size} entries: the shipped knowledge alone has ${originals.length}`);
  const vocabulary = vocabularyOf(base);
  const names = new NameMaker(
    rand,
    vocabulary.map((w) => w.replace(/[^\p{L}]/gu, "")),
  );
  const vary = new Varier(rand, vocabulary);
  // Other worlds swap in common words only: a real name swapped in would bring the real talks back.
  const common = new Varier(
    rand,
    vocabulary.filter((w) => !/\p{Lu}|\p{Script=Han}/u.test(w)),
  );
  const proper = mode === "worlds" ? properNounsOf(base) : new Set<string>();

  const all: Entry[] = [...originals];
  let remaining = size - originals.length;
  for (let g = 1; remaining > 0; g++) {
    const chosen =
      remaining >= originals.length ? originals : partialGeneration(rand, originals, remaining, mode, g);
    const clonedIds = new Set(chosen.map((e) => e.value.id));
    // What a partial generation did not clone, its clones refer to where they can: in other talks,
    // to the previous (whole) generation, so that no clone links to the real talks.
    const elsewhere = (id: string) => (mode === "worlds" && g > 1 ? cloneId(id, g - 1) : id);
    const gen: Generation = {
      cloned: (id) => clonedIds.has(id),
      id: (id) => (clonedIds.has(id) ? cloneId(id, g) : elsewhere(id)),
      cite: (c) => {
        const [source = c, ...locator] = c.split(/\s+/);
        return [gen.id(source), ...locator].join(" ");
      },
    };
    const suffix = names.next();
    const style =
      mode === "copies" ? copiesStyle(vary) : worldsStyle(new Renamer(proper, () => names.next()), common);
    for (const entry of chosen) all.push(cloneEntry(entry, gen, suffix, names, style));
    remaining -= chosen.length;
  }
  const generateMs = performance.now() - started;

  // The same checks loaded knowledge passes: every entry against its schema, then every reference.
  const validated = performance.now();
  const located: LocatedEntry[] = [];
  const problems: string[] = [];
  for (const entry of all) {
    const result = entrySchemas[entry.kind as Kind].safeParse(entry.value);
    if (!result.success) problems.push(`${entry.value.id}: ${result.error.issues[0]?.message ?? "invalid"}`);
    else
      located.push({
        entry: { kind: entry.kind, value: result.data } as Entry,
        file: "generated",
        locate: () => ({ line: 1, column: 1 }),
      });
  }
  if (problems.length === 0)
    for (const p of crossCheck(located)) problems.push(`${p.id}: ${p.path} ${p.message}`);
  if (problems.length > 0)
    throw new Error(`generated knowledge (${size}) is invalid:\n${problems.slice(0, 10).join("\n")}`);

  const byId = new Map<string, Entry>();
  const kb = { sources: [], people: [], topics: [], events: [], facts: [], quotes: [], deadlines: [] } as {
    [K in Entry["kind"]]: Extract<Entry, { kind: K }>["value"][];
  };
  for (const { entry } of located) {
    byId.set(entry.value.id, entry);
    (kb[entry.kind] as Entry["value"][]).push(entry.value);
  }
  deepFreeze(kb);
  const validateMs = performance.now() - validated;
  return {
    kb: Object.freeze({ ...kb, byId, version: `generated-${mode}-${size}-${seed}` }),
    generateMs,
    validateMs,
  };
}
