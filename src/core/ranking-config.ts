import type { Doc } from "./search-index.ts";
import type { Intent } from "./understand.ts";

/**
 * Every weight the ranking uses, in one place. The values were chosen by measuring answer
 * accuracy on one half of the evaluation questions and confirming it on the other half
 * (see README, "Answer quality"); change them the same way, never for a single question.
 */
export interface RankingConfig {
  /** BM25 term-frequency saturation and length normalisation. */
  k1: number;
  b: number;
  /** Per name in the question that the entry concerns (scaled by how specific the name is). */
  entity: number;
  /** For covering the question's telling words. */
  coverage: number;
  /** For question words in the entry's title or name. */
  title: number;
  /** For the entry whose date the question names ("the June 5 call"). */
  dateMatch: number;
  /** For facts that give a reason, on "why" questions. */
  causal: number;
  /** For entries that state a number, on "how many/much/long" questions. */
  number: number;
  /** For facts that involve a person, on "who" questions. */
  personFact: number;
  /** Multiplier for quotes on questions that don't ask for one. */
  quoteElsewhere: number;
  /** Multipliers for non-quotes on "who said" questions: reported speech, anything else. */
  reportedSpeech: number;
  notSpeech: number;
  /** Multiplier for entries that involve none of the people or organizations the question names. */
  withoutNamedParty: number;
  /** Multiplier for entries that concern none of the names (topics, events) the question uses. */
  withoutNamedTopic: number;
  /** Multiplier for people and organizations on "when" questions. */
  undatedOnWhen: number;
  /** Multiplier for entries undated or dated no later than the event a question counts from ("after Madrid"). */
  byAnchor: number;
  /** For the entry that *is* the event, person or deadline asked about, by kind of question. */
  itself: Record<Intent, number>;
  /** How well each kind of entry suits each kind of question. */
  kindFit: Record<Intent, Partial<Record<Doc["kind"], number>>>;
}

export const RANKING: Readonly<RankingConfig> = Object.freeze({
  k1: 1.2,
  b: 0.6,
  entity: 3,
  coverage: 3,
  title: 4,
  dateMatch: 3,
  causal: 2,
  personFact: 1,
  number: 1.5,
  quoteElsewhere: 0.75,
  reportedSpeech: 0.9,
  notSpeech: 0.5,
  undatedOnWhen: 0.5,
  byAnchor: 0.5,
  withoutNamedParty: 0.6,
  withoutNamedTopic: 0.8,
  itself: {
    who: 6,
    about: 6,
    where: 6,
    when: 6,
    what: 3,
    deadline: 4,
    "how-many": 1,
    why: 0,
    quote: 0,
    "who-said": 0,
  },
  kindFit: {
    "who-said": { quotes: 4 },
    quote: { quotes: 2.5 },
    who: { people: 2.5, facts: 0.5 },
    when: { events: 1.5, deadlines: 1, facts: 0.5 },
    where: { events: 2.5 },
    "how-many": { facts: 1 },
    why: { facts: 1 },
    about: { events: 1.5, people: 1.5, facts: 0.5 },
    deadline: { deadlines: 4 },
    what: { facts: 1, events: 0.5 },
  },
});
