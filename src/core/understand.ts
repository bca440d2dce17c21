import { MONTH_WORDS } from "./dates.ts";
import { editDistance } from "./edit-distance.ts";
import { isParty } from "./entry-text.ts";
import { GENERIC } from "./generic-words.ts";
import { findHanMentions, findMentions } from "./mentions.ts";
import { anchorAfter, isUnknownCompound, shoutedFragment, speakersNamed } from "./question-cues.ts";
import type { SearchIndex } from "./search-index.ts";
import { canonicalTerm, HAN, isStopword, normalize, stem, words } from "./text.ts";

export type Intent =
  | "who-said"
  | "quote"
  | "who"
  | "when"
  | "where"
  | "how-many"
  | "why"
  | "about"
  | "deadline"
  | "what";
export type ListKind = "deadlines" | "people" | "participants" | "rounds" | "calls" | "events" | "sources";

export interface Mention {
  id: string;
  phrase: string;
  /** 0 for an exact name, up to ~0.25 for a misspelling. */
  distance: number;
}

export interface Analysis {
  question: string;
  normalized: string;
  intent: Intent;
  list?: ListKind;
  mentions: Mention[];
  /** Every content term of the question, misspellings corrected. */
  terms: string[];
  /** The thing asked for ("which *hotel*", "how many *reporters*"), when the question names one. */
  focus?: string;
  /** Terms that were part of a name in the question. */
  named: Set<string>;
  /** How much each term counts in ranking: telling words fully, names less, generic words little. */
  weights: Map<string, number>;
  /** Terms the answer must speak to: not a name already matched, not a generic word of the domain. */
  salient: string[];
  /** Quoted words, for "who said '…'". */
  fragment?: string;
  /** Present tense ("is", "currently"): the answer should say "as of" when. */
  presentTense: boolean;
  /**
   * "Where did Bessent go after Madrid": the event the question counts from, and the first day that
   * counts as after it (see anchorAfter). Entries from before then, and the event's own, are not
   * what the question asks about.
   */
  after?: { id: string; date: string };
  /** "How much did … spend / cost / pay", "what is … worth": the answer must be a sum of money. */
  asksMoney: boolean;
  /** "Who set the deadline", "under which executive order": who made a rule, and by what act. */
  asksOrigin: boolean;
  /** "Who runs MOFCOM", "who heads the Treasury": the person at the head of what is named. */
  asksHead: boolean;
  /** "Bessent's counterpart", "his opposite number on the Chinese side". */
  asksCounterpart: boolean;
  /** The people and organizations named as the speaker in "what did … say" (undefined: no such phrase). */
  speakers?: string[];
  /** The side of the talks the question names ("the Chinese delegation", "US negotiators"). */
  side?: "china" | "us";
  /** "The first …" or "the latest …": which end of a series is meant. */
  ordinal?: "first" | "last";
  /** "Who are …", "which … were": the question expects more than one. */
  plural: boolean;
  /** Month-day dates named in the question ("june 5" → "06-05"), with the year when given. */
  dates: { monthDay: string; year?: string }[];
  /** How many content words the question has, and how many of them were names. */
  contentWords: number;
  namedWords: number;
}

const INTENT_RULES: [RegExp, Intent][] = [
  [
    /\bwho (said|says|told|called|described|stated|remarked|warned|claimed|wrote|posted|put it)\b|\bwhose (words|quote|line)|\bsaid by\b|\bwho is quoted\b/,
    "who-said",
  ],
  [
    /\bwhat (is|was|were) [a-z ]{1,30} (position|stance|view|views|line) (on|about)\b|\bwhat did .+ (say|said|tell|post|write|warn|claim)\b|\bquotes? (from|by|of|about)\b|\bin (his|her|their) (own )?words\b|\bwhat has .+ said\b/,
    "quote",
  ],
  [
    /\bdeadlines?\b|\bdue (date|by)\b|\bcut-?off\b|\bexpir(e|y|es|ed|ation)\b|\bruns? out\b|\bran out\b|\blapse[sd]?\b/,
    "deadline",
  ],
  [
    /^(when|what date|what day|which day|what time|how soon|since when)\b|\b(date|dates|when)\s*$|\bwhen (is|was|did|does|will|are|were)\b|\bwhat date\b|\bwhich date\b|\bdate of\b|\bon what day\b/,
    "when",
  ],
  [
    /^(where)\b|\bwhere (is|was|did|were|are|will)\b|\bwhat (city|venue|country|building|location|place)\b|\bwhich (city|venue|country|building|place)\b|\bvenue\b|\blocation\b/,
    "where",
  ],
  [
    /\bhow (many|much|long|high|low|big)\b|\bwhat (percentage|percent|rate|level|share|stake|size)\b|\bnumber of\b/,
    "how-many",
  ],
  [/^why\b|\bwhy (is|was|did|does|do|are|were|would|has)\b|\breason\b|\bhow come\b|\bwhat caused\b/, "why"],
  [/^(who|whos)\b|\bwhos\b|\bwho (is|was|are|were|led|leads|heads|headed)\b/, "who"],
  [
    /\btell me about\b|\b(overview|background|summary|summarize|explain|recap|rundown)\b|\b(walk|run|take) me through\b|\bfill me in\b|\bcatch me up\b|\bwhat (is|was|are|were) (the )?[a-z]+( [a-z]+){0,3}$/,
    "about",
  ],
];

const LIST_RULES: [RegExp, ListKind][] = [
  [
    /\bwho (went|came|travell?ed|attended|took part|participated|joined|was there|were there|accompanied)\b|\bwho did .+ (bring|take) (with|along|to)\b|\bwho (was|were) (at|in|on)\b|\b(who|members|list|names)\b.*\b(delegation|delegations|team|delegates|participants|attendees|line-?up)\b/,
    "participants",
  ],
  [/\b(list|all|which|what|how many)\b.*\b(phone calls|calls|video calls)\b|^calls\b/, "calls"],
  [
    /\b(all|every|list|which|what)\b.*\bdeadlines\b|^deadlines\b|\bdeadlines (list|overview)\b|\bupcoming deadlines?\b|\bdeadline (extensions|changes|history)\b|\b(list|all)\b.*\bextensions\b/,
    "deadlines",
  ],
  [
    /\b(who are|list|all|which are)\b.*\b(negotiators|delegates|delegations|people|officials|players|participants)\b|^(negotiators|people)\b/,
    "people",
  ],
  [
    /\b(list|all|how many|which|what are)\b.*\b(rounds|rounds of talks)\b|^rounds\b|\b(list|all) (the )?talks\b|\bwhere have they met\b|\b(which|what) (\w+ )?cities\b|\bvenues\b|\beach round\b/,
    "rounds",
  ],
  [/\b(timeline|chronology|sequence of events|list (the |all )?events)\b/, "events"],
  [/\b(list|all)\b.*\bsources\b|^sources\b|\bwhat sources\b/, "sources"],
];

const ASKS_WORDING =
  /\bwhat (was|is|were) (the|his|her|their) (exact )?(phrase|wording|words|expression|line|quote)\b|\bexact words\b|\bhow did (he|she|they) put it\b/;
/** Words a chat message opens with before its question word ("ok so who's…", "hey, when…"). */
const CHAT_OPENING =
  /^(?:(?:ok|okay|so|well|hey|hi|hello|um|uh|right|alright|yo|and|but|also|quick question|quick one)\s+)+/;
/** A clause of time or condition before the question proper ("When they extended the truce, how…"). */
const LEADING_CLAUSE =
  /^\s*(when|after|before|once|since|while|if)\b[^,?]{3,80},\s*(?=(how|what|which|who|whom|where|why|did|does|do|was|were|is|are|can)\b)/i;
const WHICH_ROLE =
  /^(which|what) ([a-z]+ ){0,3}(buyer|company|firm|agency|official|minister|ministry|negotiator|spokesperson|spokesman|spokeswoman|envoy|ambassador|investor|executive|regulator|court|body|authority|commission|office|department)\b/;

const ASKS_HEAD =
  /\bwhos? (is |was )?(\w+ )?(running|runs|ran|heads|headed|heading|leads|leading|in charge of|the (head|chief|boss|leader) of)\b/;
const ASKS_ORIGIN =
  /\bwho (\w+ )?(set|made|imposed|announced|ordered|signed|decided)\b|\bset by\b|\bunder (which|what)\b|\b(which|what) (executive )?(order|orders|law|statute|instrument|eo|eos)\b|\b(eo|order) (number|numbers|no)\b/;
const ASKS_MONEY =
  /\bhow much\b.*\b(spen[dt]|spending|costs?|costing|pa(y|id|ys)|worth|valued?|price[ds]?|budget|fees?|charged?|invest(ed)?|earn(ed|s)?|fined?)\b|\bwhat (is|was) .+ worth\b|\bhow much money\b/;
const PRESENT = /\b(is|are|currently|now|still|latest|current|today|status)\b/;

/**
 * Chat spellings of question words ("wen is the deadline", "wat did greer say"). Only the first
 * word of a question, and only before a verb, is read this way: "wen" may be a name elsewhere.
 */
const QUESTION_WORD_SLIPS: Readonly<Record<string, string>> = {
  wen: "when",
  whn: "when",
  wehn: "when",
  wat: "what",
  wht: "what",
  waht: "what",
  hw: "how",
  hwo: "how",
  wher: "where",
  whr: "where",
  whre: "where",
  wich: "which",
  whcih: "which",
};
const SLIPPED_QUESTION_WORD =
  /^([a-z]+)(?= (is|was|are|were|did|does|do|will|can|could|has|had|have|many|much|long)\b)/;

function withQuestionWord(normalized: string): string {
  return normalized.replace(SLIPPED_QUESTION_WORD, (word) => QUESTION_WORD_SLIPS[word] ?? word);
}

function correct(word: string, index: SearchIndex, stemmed = stem(word)): string {
  const s = canonicalTerm(stemmed);
  // Short words are too often real words we simply don't know ("steel" is not a typo of "steep").
  if (index.vocabulary.has(s) || word.length < 6 || /\d/.test(word)) return s;
  const best = index.vocabulary.fuzzy(s, 0.3, 1)[0];
  // One slip per word, two in a long one: "tarrifs" is a typo, "interpreters" is not "internet".
  if (!best || editDistance(s, best.key) > (s.length >= 10 ? 2 : 1)) return s;
  // A known word inside a longer one is another word ("senate" is not "seat"), unless the longer
  // one only has a letter typed twice ("tariiffs").
  if (best.key.length < s.length && !isDoubledLetterOf(s, best.key)) return s;
  return best.key;
}

/** Whether `longer` is `shorter` with one letter typed twice. */
function isDoubledLetterOf(longer: string, shorter: string): boolean {
  for (let i = 1; i < longer.length; i++)
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

const MONTHS = MONTH_WORDS;

function sideIn(normalized: string): { side?: "china" | "us" } {
  const china = /\b(china|chinas|chinese|beijing|xis)\b/.test(normalized);
  const us = /\b(us|american|americans|washington|trumps|united states)\b/.test(normalized);
  if (china && !us) return { side: "china" };
  if (us && !china) return { side: "us" };
  return {};
}

function datesIn(normalized: string): { monthDay: string; year?: string }[] {
  const out: { monthDay: string; year?: string }[] = [];
  const pattern = new RegExp(
    `\\b(?:(\\d{1,2}) (${MONTHS.join("|")})|(${MONTHS.join("|")}) (\\d{1,2}))(?:st|nd|rd|th)?\\b(?: (\\d{4}))?`,
    "g",
  );
  for (const m of normalized.matchAll(pattern)) {
    const month = MONTHS.indexOf(m[2] ?? m[3] ?? "") + 1;
    const day = Number(m[1] ?? m[4]);
    if (month < 1 || day < 1 || day > 31) continue;
    out.push({
      monthDay: `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      ...(m[5] ? { year: m[5] } : {}),
    });
  }
  return out;
}

export function analyze(question: string, index: SearchIndex): Analysis {
  const normalized = withQuestionWord(normalize(question));
  const tokens = words(normalized);
  // Apostrophes inside words ("it's") are set aside so they don't read as quotation marks.
  const fragmentMatch = /["“”']([^"“”']{6,})["“”']/.exec(question.replace(/(\w)'(\w)/g, "$1\u2032$2"));
  const fragment = fragmentMatch?.[1]?.replace(/\u2032/g, "'") ?? shoutedFragment(question);

  // "When they extended the truce, how many points…": the question is the main clause's.
  const clause = LEADING_CLAUSE.exec(question);
  const asked = (clause ? withQuestionWord(normalize(question.slice(clause[0].length))) : normalized).replace(
    CHAT_OPENING,
    "",
  );
  let intent: Intent = "what";
  for (const [rule, kind] of INTENT_RULES) {
    if (rule.test(asked)) {
      intent = kind;
      break;
    }
  }
  // "… said the app would keep its 'Chinese …' something, what was the phrase": the words are asked for.
  if (fragment && intent !== "quote") intent = ASKS_WORDING.test(normalized) ? "quote" : "who-said";
  let list: ListKind | undefined;
  for (const [rule, kind] of LIST_RULES) {
    if (rule.test(normalized)) {
      list = kind;
      break;
    }
  }

  const stems = tokens.map(stem);
  const { mentions, covered } = findMentions(tokens, stems, index);
  findHanMentions(normalized, index, mentions);
  // The characters of a name written in Chinese are the name, as a name in letters is.
  tokens.forEach((w, i) => {
    if (HAN.test(w) && mentions.some((m) => HAN.test(m.phrase) && m.phrase.includes(w))) covered.add(i);
  });
  const after = anchorAfter(normalized, mentions, index);
  // "Which Chinese state buyer bought…" asks for someone (one: "which officials" asks for a list),
  // unless it names who it is about.
  if (
    intent === "what" &&
    !list &&
    WHICH_ROLE.test(normalized) &&
    !mentions.some((m) => isParty(index.kb, m.id))
  )
    intent = "who";
  const contentTerms: string[] = [];
  const salient: string[] = [];
  const weights = new Map<string, number>();
  const named = new Set<string>();
  // Words someone quotes are the words to find, however vague they are elsewhere ("issues").
  const quoted = new Set(fragment ? words(normalize(fragment)) : []);
  tokens.forEach((w, i) => {
    if (isStopword(w) || isUnknownCompound(tokens, i, index)) return;
    const t = correct(w, index, stems[i]);
    contentTerms.push(t);
    const generic = !quoted.has(w) && (GENERIC.has(t) || GENERIC.has(stems[i] as string));
    if (!covered.has(i) && !generic) salient.push(t);
    if (covered.has(i)) named.add(t);
    const weight = generic ? 0.3 : covered.has(i) ? 0.6 : 1;
    weights.set(t, Math.max(weights.get(t) ?? 0, weight));
  });
  // The word right after "which", "what" (or "what was the") or "how many" is what the answer must
  // be about, as is the last word of "who is the Swedish PM (who …)".
  let focus: string | undefined;
  const focusMatch =
    /\b(?:which|what|how many)\s+(?:(?:is|was|are|were) the\s+)?([a-z]+)/.exec(normalized) ??
    /^whos? (?:is |was )?the (?:[a-z]+ ){0,2}?([a-z]+)(?: (?:who|that|which|of|in|at|for|with|from|on)\b|$)/.exec(
      normalized,
    );
  if (focusMatch?.[1] && !isStopword(focusMatch[1])) {
    const t = stem(focusMatch[1]);
    const at = tokens.indexOf(focusMatch[1]);
    if (!GENERIC.has(t) && !(at >= 0 && covered.has(at))) focus = correct(focusMatch[1], index);
  }
  let namedWords = 0;
  tokens.forEach((w, i) => {
    if (!isStopword(w) && covered.has(i)) namedWords++;
  });
  // Every field is present, absent ones as undefined, so that every analysis has the same shape
  // and the code reading it stays compiled for one shape.
  return {
    question,
    normalized,
    intent,
    dates: datesIn(normalized),
    plural: /\b(who|which|what) (are|were)\b/.test(normalized),
    side: sideIn(normalized).side,
    ordinal: /\b(latest|last|most recent|final|newest)\b/.test(normalized)
      ? "last"
      : /\b(first|original|originally|initial|earliest)\b/.test(normalized) ||
          (intent === "when" && /\b(start|started|begin|began|kick off|kicked off)\b/.test(normalized))
        ? "first"
        : undefined,
    contentWords: contentTerms.length,
    namedWords,
    list,
    mentions,
    terms: [...new Set(contentTerms)],
    weights,
    named,
    focus,
    after,
    salient: [...new Set(salient)],
    fragment,
    presentTense: PRESENT.test(normalized),
    asksMoney: ASKS_MONEY.test(normalized),
    asksOrigin: intent === "who" || ASKS_ORIGIN.test(normalized),
    asksHead: ASKS_HEAD.test(normalized),
    asksCounterpart: /\b(counterpart|counterparts|opposite number|opposite numbers)\b/.test(normalized),
    speakers: speakersNamed(normalized, mentions, index),
  };
}
