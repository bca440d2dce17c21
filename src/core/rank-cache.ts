import { NUMBER } from "./entry-text.ts";
import type { Doc, PostingList, SearchIndex } from "./search-index.ts";
import { escapeRegExp } from "./text.ts";

/**
 * What rank() keeps per index between questions: accumulators indexed by doc number (reused, so a
 * question allocates nothing in proportion to the knowledge base) and facts about entries that
 * take a regular expression to learn, learnt the first time a question needs them.
 */

const REPORTED_SPEECH =
  /\b(said|says|told|according to|announced|noted|warned|stated|called|described|remarked|argued|found|urged|pledged|promised|claimed|insisted|reported)\b/i;

const CAUSAL =
  /\b(because|aim(s|ed)? (to|at)|in order to|so that|to ease|objective|purpose|reason|due to|in response|in retaliation|prompted|led to|amid|as a result|hoping|seeking|meant to|signall?ing|driven)\b/i;

/** The prose of an entry, for the checks that read it (reported speech, reasons, numbers). */
function textOf(doc: Doc): string {
  const e = doc.entry;
  if (e.kind === "facts") return e.value.text;
  if (e.kind === "events") return `${e.value.title} ${e.value.outcome ?? ""}`;
  if (e.kind === "deadlines") return `${e.value.what} ${e.value.consequence}`;
  return "";
}

export function reportsSpeech(doc: Doc): boolean {
  return REPORTED_SPEECH.test(textOf(doc));
}

/** Verbs of reported words, with those of posts and statements ("Trump posted", "MOFCOM added"). */
const SPOKE = `(?:${REPORTED_SPEECH.source.slice(3, -3)}|posted|wrote|tweeted|added|stressed|asked|welcomed|complained|accused|blamed|called for)`;

/**
 * A test of whether an entry reports what someone said under one of their names before the verb
 * ("He Lifeng called on Washington…", "MOFCOM added…"), or "according to" them; not a report by
 * someone else that merely mentions them ("the Treasury said Bessent would meet He Lifeng").
 * Made once per speaker, as it is tried on every candidate answer.
 */
export function speechBy(names: readonly string[]): (doc: Doc) => boolean {
  // Each name whole, and a person's family or given name (Xi Jinping is "Xi"), never a word that
  // is also a pronoun (He Lifeng is not "he").
  const forms = new Set<string>();
  for (const name of names) {
    forms.add(name);
    const parts = name.split(" ").filter((w) => !PRONOUNS.has(w.toLowerCase()));
    if (parts.length > 1)
      for (const part of [parts[0], parts.at(-1)]) if (part && part.length > 1) forms.add(part);
  }
  const who = `(?:${[...forms].map(escapeRegExp).join("|")})`;
  const pattern = new RegExp(`\\b${who}\\b[^.;]{0,60}?\\b${SPOKE}\\b|\\baccording to ${who}\\b`, "i");
  return (doc) => {
    const e = doc.entry;
    return pattern.test(e.kind === "quotes" ? e.value.text : textOf(doc));
  };
}

const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you"]);

export type Trait = "speech" | "number" | "causal" | "person";

const TESTS: Record<Trait, (doc: Doc, index: SearchIndex) => boolean> = {
  speech: reportsSpeech,
  number: (doc) => NUMBER.test(textOf(doc)),
  causal: (doc) => CAUSAL.test(textOf(doc)),
  person: (doc, index) => [...doc.entities].some((id) => index.kb.byId.get(id)?.kind === "people"),
};

export class RankScratch {
  /** A doc's accumulators hold this question's values only when its stamp is the current epoch. */
  private epoch = 0;
  readonly stamp: Float64Array;
  readonly bm25: Float64Array;
  readonly covered: Float64Array;
  readonly inTitle: Float64Array;
  readonly hits: Float64Array;
  readonly hitCount: Int32Array;
  /** The question's epoch when the doc involves a person or organization the question names. */
  readonly party: Float64Array;
  private readonly traits = new Map<Trait, Int8Array>();
  private readonly norms = new Map<string, Float64Array>();
  private readonly parts = new WeakMap<PostingList, Map<string, Float64Array>>();

  constructor(private readonly index: SearchIndex) {
    const n = index.docs.length;
    this.stamp = new Float64Array(n);
    this.bm25 = new Float64Array(n);
    this.covered = new Float64Array(n);
    this.inTitle = new Float64Array(n);
    this.hits = new Float64Array(n);
    this.hitCount = new Int32Array(n);
    this.party = new Float64Array(n);
  }

  nextEpoch(): number {
    return ++this.epoch;
  }

  /** Whether an entry has a trait, tested once per entry and remembered. */
  has(trait: Trait, at: number): boolean {
    let known = this.traits.get(trait);
    if (!known) {
      known = new Int8Array(this.index.docs.length).fill(-1);
      this.traits.set(trait, known);
    }
    let v = known[at] as number;
    if (v === -1) {
      v = TESTS[trait](this.index.docs[at] as Doc, this.index) ? 1 : 0;
      known[at] = v;
    }
    return v === 1;
  }

  /**
   * BM25's term-frequency part of each posting of a term, tf · (K1 + 1) / (tf + K1 · (1 − B + B ·
   * length / average)), worked out the first time a question has the term, so that a question's
   * walk over a long posting list is one multiplication per entry.
   */
  tfParts(postings: PostingList, k1: number, b: number): Float64Array {
    let byConfig = this.parts.get(postings);
    if (!byConfig) {
      byConfig = new Map();
      this.parts.set(postings, byConfig);
    }
    const key = `${k1} ${b}`;
    let parts = byConfig.get(key);
    if (!parts) {
      const norm = this.norm(k1, b);
      const { docs, tfs } = postings;
      parts = new Float64Array(docs.length);
      for (let k = 0; k < docs.length; k++) {
        const tf = tfs[k] as number;
        parts[k] = (tf * (k1 + 1)) / (tf + (norm[docs[k] as number] as number));
      }
      byConfig.set(key, parts);
    }
    return parts;
  }

  /** K1 · (1 − B + B · length / average) of every doc. */
  private norm(k1: number, b: number): Float64Array {
    const key = `${k1} ${b}`;
    let norm = this.norms.get(key);
    if (!norm) {
      const lengths = this.index.table.length;
      norm = new Float64Array(lengths.length);
      for (let at = 0; at < lengths.length; at++)
        norm[at] = k1 * (1 - b + (b * (lengths[at] as number)) / this.index.averageLength);
      this.norms.set(key, norm);
    }
    return norm;
  }
}

const scratches = new WeakMap<SearchIndex, RankScratch>();

export function scratchOf(index: SearchIndex): RankScratch {
  let s = scratches.get(index);
  if (!s) {
    s = new RankScratch(index);
    scratches.set(index, s);
  }
  return s;
}
