import type { RankScratch, Trait } from "./rank-cache.ts";
import type { RankingConfig } from "./ranking-config.ts";
import { DOC_KINDS, type Doc, type SearchIndex } from "./search-index.ts";
import type { Analysis } from "./understand.ts";

/**
 * Scoring the candidates of a question, once their matches are summed (see rank.ts): bonuses and
 * multipliers by kind of question, and the few best kept in order.
 */

const FACTS = DOC_KINDS.indexOf("facts");
const QUOTES = DOC_KINDS.indexOf("quotes");
const PEOPLE = DOC_KINDS.indexOf("people");
const EVENTS = DOC_KINDS.indexOf("events");
const DEADLINES = DOC_KINDS.indexOf("deadlines");

/** Which per-entry trait, if any, changes an entry's score for this kind of question. */
function traitFor(intent: Analysis["intent"]): Trait | null {
  if (intent === "who") return "person";
  if (intent === "how-many") return "number";
  if (intent === "why") return "causal";
  if (intent === "who-said") return "speech";
  return null;
}

export interface Scored {
  at: number;
  score: number;
  coverage: number;
  entityHit: number;
}

/** The best few candidates, best first: score, then id (as a full sort by score and id would order them). */
export class Top {
  readonly items: Scored[] = [];

  constructor(
    private readonly keep: number,
    private readonly docs: readonly Doc[],
    private readonly plainIds: boolean,
  ) {}

  /** The score a candidate must beat (or tie with a smaller id) to get in; -Infinity while not full. */
  get bar(): number {
    return this.items.length < this.keep
      ? Number.NEGATIVE_INFINITY
      : (this.items[this.keep - 1] as Scored).score;
  }

  private beats(score: number, at: number, other: Scored): boolean {
    if (score !== other.score) return score > other.score;
    const a = (this.docs[at] as Doc).id;
    const b = (this.docs[other.at] as Doc).id;
    // Slugs (a-z, 0-9, hyphens) compare alike with localeCompare and with <, which is far cheaper.
    return this.plainIds ? a < b : a.localeCompare(b) < 0;
  }

  enters(score: number, at: number): boolean {
    return this.items.length < this.keep || this.beats(score, at, this.items[this.keep - 1] as Scored);
  }

  add(item: Scored): void {
    if (!this.enters(item.score, item.at)) return;
    let i = this.items.length;
    while (i > 0 && this.beats(item.score, item.at, this.items[i - 1] as Scored)) i--;
    this.items.splice(i, 0, item);
    if (this.items.length > this.keep) this.items.pop();
  }
}

const TRAITS: readonly (Trait | null)[] = [null, "person", "number", "causal", "speech"];

/**
 * What scoring a candidate reads of the question and of the weights, as the plain fields of one
 * object: the candidate loop then reads nothing whose shape varies between questions.
 */
export class Question {
  readonly intent: Analysis["intent"];
  readonly kindFit: Float64Array;
  readonly entity: number;
  readonly coverage: number;
  readonly title: number;
  readonly salientWeight: number;
  readonly questionWeight: number;
  readonly hasSalient: boolean;
  /** The question asks about an entry as a whole ("what", "about", "when", "where", "who"). */
  readonly framing: boolean;
  /** The bonus of the entry that is what the question names, scaled by the name's share of the question. */
  readonly itself: number;
  readonly undatedOnWhen: number;
  readonly dates: Analysis["dates"];
  readonly dateMatch: number;
  /** See Analysis.after: entries dated before the event, and its own, are not what the question asks about. */
  readonly after: string | undefined;
  readonly anchor: number;
  readonly byAnchor: number;
  readonly personFact: number;
  /** 1 for the Chinese side, 2 for the US side, -1 for none. */
  readonly side: number;
  /** Index in TRAITS of the trait of the entry's prose that counts for this kind of question. */
  readonly trait: number;
  readonly traitBonus: number;
  readonly reportedSpeech: number;
  readonly notSpeech: number;
  /** The multiplier for quotes: below 1 unless the question asks for a quote or who said something. */
  readonly quoteElsewhere: number;
  readonly parties: boolean;
  readonly withoutNamedParty: number;
  readonly mentioned: number;
  readonly withoutNamedTopic: number;
  /** See boundOf; `bounded` false when no bound holds. */
  readonly bounded: boolean;
  readonly boundAdd: number;
  readonly boundTimes: number;

  constructor(
    analysis: Analysis,
    config: RankingConfig,
    sums: {
      salientWeight: number;
      questionWeight: number;
      itselfShare: boolean;
      parties: boolean;
      mentioned: number;
      /** The doc number of the event the question counts from (see Analysis.after), or -1. */
      anchor: number;
    },
  ) {
    const intent = analysis.intent;
    this.intent = intent;
    this.kindFit = Float64Array.from(DOC_KINDS, (k) => config.kindFit[intent][k] ?? 0);
    this.entity = config.entity;
    this.coverage = config.coverage;
    this.title = config.title;
    this.salientWeight = sums.salientWeight;
    this.questionWeight = sums.questionWeight;
    this.hasSalient = analysis.salient.length > 0;
    this.framing = ["what", "about", "when", "where", "who"].includes(intent);
    // Scaled by how much of the question the name is: "Madrid talks?" is about the round itself,
    // "when did Trump sign the truce extension after Stockholm" is not.
    const share = analysis.contentWords ? Math.min(1, (analysis.namedWords + 1) / analysis.contentWords) : 1;
    this.itself = config.itself[intent] * share;
    this.undatedOnWhen = config.undatedOnWhen;
    this.dates = analysis.dates;
    this.dateMatch = config.dateMatch;
    this.after = analysis.after?.date;
    this.anchor = sums.anchor;
    this.byAnchor = config.byAnchor;
    this.personFact = config.personFact;
    this.side = analysis.side === "china" ? 1 : analysis.side === "us" ? 2 : -1;
    const trait = traitFor(intent);
    this.trait = TRAITS.indexOf(trait);
    this.traitBonus =
      trait === "person"
        ? config.personFact
        : trait === "number"
          ? config.number
          : trait === "causal"
            ? config.causal
            : 0;
    this.reportedSpeech = config.reportedSpeech;
    this.notSpeech = config.notSpeech;
    this.quoteElsewhere = intent !== "quote" && intent !== "who-said" ? config.quoteElsewhere : 1;
    this.parties = sums.parties;
    this.withoutNamedParty = config.withoutNamedParty;
    this.mentioned = sums.mentioned;
    this.withoutNamedTopic = config.withoutNamedTopic;
    const bound = boundOf(
      config,
      intent,
      analysis.dates.length > 0,
      analysis.after !== undefined,
      sums.itselfShare ? share : 0,
      trait,
    );
    this.bounded = bound !== null;
    this.boundAdd = bound?.add ?? 0;
    this.boundTimes = bound?.times ?? 1;
  }
}

const PERSON = TRAITS.indexOf("person");
const NUMBER_TRAIT = TRAITS.indexOf("number");
const CAUSAL_TRAIT = TRAITS.indexOf("causal");
const SPEECH = TRAITS.indexOf("speech");

/** The part of a score that a trait of the entry's prose and the names it involves decide. */
function finish(
  q: Question,
  base: number,
  kind: number,
  withTrait: boolean,
  hasParty: boolean,
  hitCount: number,
): number {
  let v = base;
  if (withTrait && q.trait !== SPEECH) v += q.traitBonus;
  // Quotes answer "who said"; so do facts that report what someone said. Elsewhere quotes support an answer.
  if (q.trait === SPEECH && kind !== QUOTES) v *= withTrait ? q.reportedSpeech : q.notSpeech;
  else if (kind === QUOTES) v *= q.quoteElsewhere;
  if (q.parties && !hasParty) v *= q.withoutNamedParty;
  else if (q.mentioned > 0 && hitCount === 0) v *= q.withoutNamedTopic;
  return v;
}

/** How long after an event an entry still counts as soon after it ("where did Bessent go after Madrid"). */
const AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether a date ("2025-09-15", or "2025-09" for some day that month) is before a day. */
function isBefore(date: string, day: string): boolean {
  return date < day.slice(0, date.length);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** Scores every candidate of the question, keeping the best few in `top`. */
export function scoreAll(
  q: Question,
  candidates: readonly number[],
  scratch: RankScratch,
  epoch: number,
  index: SearchIndex,
  itself: ReadonlySet<number>,
  top: Top,
): void {
  const { bm25, covered, inTitle, hits, hitCount, party } = scratch;
  const { docs, table } = index;
  const intent = q.intent;
  const who = intent === "who";
  for (let c = 0; c < candidates.length; c++) {
    const at = candidates[c] as number;
    const kind = table.kind[at] as number;
    const coverage = q.salientWeight > 0 ? (covered[at] as number) / q.salientWeight : 1;
    const titleMatch = q.questionWeight > 0 ? (inTitle[at] as number) / q.questionWeight : 0;
    let score =
      (bm25[at] as number) +
      q.entity * (hits[at] as number) +
      q.coverage * coverage +
      q.title * titleMatch +
      (q.kindFit[kind] as number);
    // Most candidates share a common word or two and nothing else: what they could still gain
    // (bonuses, multipliers) is bounded, and once the best few are known most fall short of them.
    if (q.bounded && Math.max(0, score + q.boundAdd) * q.boundTimes < top.bar) continue;
    const isPlace = table.place[at] === 1;
    // The entry that *is* the person or event asked about beats entries that merely mention it.
    // "Who …" is answered by a person or organization, never by the venue itself; "where …" by
    // an event or a place, never by a person or organization, which has no place of its own.
    const fitsIntent = who
      ? kind === PEOPLE && !isPlace
      : !(intent === "where" && kind === PEOPLE && !isPlace);
    if ((kind === PEOPLE || kind === EVENTS || kind === DEADLINES) && fitsIntent && itself.has(at)) {
      // The entry itself is the answer when the question asks for nothing more specific than it covers.
      const answered = q.hasSalient ? (q.framing ? Math.max(coverage, 0.5) : coverage) : 1;
      score += q.itself * answered;
    }
    // A "when" wants an entry with a date of its own; people and organizations have none.
    if (intent === "when" && kind === PEOPLE) score *= q.undatedOnWhen;
    if (who && isPlace) score *= q.undatedOnWhen;
    if (q.dates.length > 0) {
      const date = (docs[at] as Doc).date;
      if (q.dates.some((d) => date.slice(5) === d.monthDay && (!d.year || date.startsWith(d.year))))
        score += q.dateMatch;
    }
    if (q.after !== undefined) {
      const date = (docs[at] as Doc).date;
      // An undated entry (a person) cannot say what happened after it either; "after" most often
      // means next, so the sooner after, the better.
      if (!date || isBefore(date, q.after) || at === q.anchor) score *= q.byAnchor;
      else score += q.dateMatch * Math.max(0, 1 - Math.max(0, daysBetween(q.after, date)) / AFTER_DAYS);
    }
    // "Who leads the Chinese delegation": the side named decides between the two delegations' leaders.
    if (who && kind === PEOPLE && table.side[at] === q.side) score += q.personFact * 2;
    // …and "the lead negotiator for China" is nobody on the other side, however well the words fit.
    else if (who && kind === PEOPLE && q.side > 0 && table.side[at] !== 0) score *= q.undatedOnWhen;

    // The rest depends on a trait of the entry's prose, learnt by a regular expression: both
    // outcomes are scored first, and the trait only tested when either would make the cut.
    const hasParty = party[at] === epoch;
    const count = hitCount[at] as number;
    const traitApplies =
      ((q.trait === PERSON || q.trait === CAUSAL_TRAIT) && kind === FACTS) ||
      q.trait === NUMBER_TRAIT ||
      (q.trait === SPEECH && kind !== QUOTES);
    let final: number;
    if (traitApplies) {
      const yes = finish(q, score, kind, true, hasParty, count);
      const no = finish(q, score, kind, false, hasParty, count);
      if (!top.enters(Math.max(yes, no), at)) continue;
      final = scratch.has(TRAITS[q.trait] as Trait, at) ? yes : no;
    } else {
      final = finish(q, score, kind, false, hasParty, count);
    }
    if (!top.enters(final, at)) continue;
    top.add({ at, score: final, coverage, entityHit: q.mentioned ? count / q.mentioned : 1 });
  }
}

/**
 * The most a candidate's score can still grow after its sum of matches: `add` is every bonus it
 * might get, `times` every multiplier above 1 it might get: its final score is at most
 * (sum + add) · times. Null when a weight is negative, as then no such bound holds and every
 * candidate is scored in full.
 */
function boundOf(
  config: RankingConfig,
  intent: Analysis["intent"],
  dated: boolean,
  anchored: boolean,
  itselfShare: number,
  trait: Trait | null,
): { add: number; times: number } | null {
  const multipliers = [
    config.undatedOnWhen,
    config.byAnchor,
    config.reportedSpeech,
    config.notSpeech,
    config.quoteElsewhere,
    config.withoutNamedParty,
    config.withoutNamedTopic,
  ];
  const bonuses = [config.itself[intent], config.dateMatch, config.personFact, config.number, config.causal];
  // The sum of matches is never negative either, given weights that are not.
  const weights = [config.entity, config.coverage, config.title, ...Object.values(config.kindFit[intent])];
  if ([...multipliers, ...bonuses, ...weights].some((v) => v < 0)) return null;
  let add =
    config.itself[intent] * itselfShare + (dated ? config.dateMatch : 0) + (anchored ? config.dateMatch : 0);
  if (intent === "who") add += config.personFact * 3;
  if (trait === "number") add += config.number;
  if (trait === "causal") add += config.causal;
  const times = multipliers.reduce((product, m) => product * Math.max(1, m), 1);
  return { add, times };
}
