/**
 * Cues a question gives beyond its words: the event it counts from ("after Madrid"), who it asks
 * the words of ("what did Taiwan's government say"), a quote typed in capitals, and hyphenated
 * words written together.
 */
import { isParty } from "./entry-text.ts";
import type { SearchIndex } from "./search-index.ts";
import { escapeRegExp, stem } from "./text.ts";
import type { Analysis, Mention } from "./understand.ts";

/**
 * The event a question counts from ("after Madrid", "since the Busan summit", "following that Oct 17
 * call"), taken out of the mentions: it says when, not what, the question is about. What counts as
 * after it starts the day after a round of several days, and on the day of a one-day event (what
 * was said after a call is reported that day).
 */
export function anchorAfter(normalized: string, mentions: Mention[], index: SearchIndex): Analysis["after"] {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const entry = index.kb.byId.get(m.id);
    if (entry?.kind !== "events") continue;
    const phrase = escapeRegExp(m.phrase);
    if (!new RegExp(`\\b(after|since|following) (\\S+ ){0,3}${phrase}\\b`).test(normalized)) continue;
    mentions.splice(i, 1);
    const { start, end } = entry.value;
    return { id: m.id, date: end && end > start ? dayAfter(end) : start };
  }
  return undefined;
}

function dayAfter(isoDay: string): string {
  return new Date(Date.parse(isoDay) + 86_400_000).toISOString().slice(0, 10);
}

const SPEAKER_PHRASE =
  /\bwhat (?:did|does|has|have|had) (.+?) (?:say|said|tell|told|post|posted|write|wrote|warn|warned|claim|claimed)\b/;
/** The words for either side of the talks. */
const SIDE_NAMES = "china|chinas|chinese|beijing|beijings|us|american|americans|washington|washingtons";
/** A side of the talks or a pronoun: "what did the Chinese side say" names no one in particular. */
const SIDE_WORDS = new RegExp(
  `^(the )?((${SIDE_NAMES}|both|either)( (side|sides|government|delegation|team|officials|negotiators))?|they|he|she|it|them)$`,
);
/** A side of the talks as a whole ("China's side", "the US team"), not something of it ("the Chinese press briefing"). */
const SIDE_ITSELF = new RegExp(`\\b(${SIDE_NAMES}) (side|delegation|team|negotiators|negotiating team)\\b`);

/** Whether a question is about a side of the talks as a whole ("who's running China's side"). */
export function namesSideItself(normalized: string): boolean {
  return SIDE_ITSELF.test(normalized);
}

/** A document that says something ("what did China's readout say"), rather than a speaker. */
const DOCUMENT_WORDS =
  /\b(readout|statement|sheet|report|reports|order|announcement|memo|post|article|paper|law|ruling|decision|notice|document|agreement|deal|framework|text|outline)\b/;

/**
 * Who "what did … say" asks about: the people and organizations named in its subject ("what did
 * Taiwan's government say about Xi's warning" names none, Xi being what was said about). Undefined
 * when there is no such subject, or it is a side of the talks or a pronoun.
 */
export function speakersNamed(
  normalized: string,
  mentions: readonly Mention[],
  index: SearchIndex,
): string[] | undefined {
  const subject = SPEAKER_PHRASE.exec(normalized)?.[1];
  if (!subject || SIDE_WORDS.test(subject) || DOCUMENT_WORDS.test(subject)) return undefined;
  return mentions.filter((m) => subject.includes(m.phrase) && isParty(index.kb, m.id)).map((m) => m.id);
}

/**
 * Words typed in capitals inside a question that is not ("RELATIONSHIP IS EXCELLENT in all caps —
 * who posted that"): a quote written as it was posted, when three words or more.
 */
export function shoutedFragment(question: string): string | undefined {
  if (!/[a-z]/.test(question)) return undefined;
  return /\b[A-Z][A-Z'’]+(?:[ ,]+[A-Z][A-Z'’]*){2,}\b/.exec(question)?.[0];
}

/**
 * Whether tokens[i] is a hyphenated word written together ("mid-october" → "midoctober", which
 * words() gives after its parts) that the knowledge never uses: its parts already say it.
 */
export function isUnknownCompound(tokens: readonly string[], i: number, index: SearchIndex): boolean {
  const w = tokens[i] as string;
  let joined = "";
  for (let k = i - 1; k >= 0 && joined.length < w.length; k--) {
    joined = `${tokens[k]}${joined}`;
    if (joined === w && k < i - 1) return !index.postings.has(stem(w)) && !index.names.has(w);
  }
  return false;
}
