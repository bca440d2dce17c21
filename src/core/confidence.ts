/** How sure Parley is that an answer answers: the rules that turn a best match into a refusal. */

import { isParty, statesMoney, statesNumber } from "./entry-text.ts";
import type { Ranked } from "./rank.ts";
import type { Doc, SearchIndex } from "./search-index.ts";
import { normalize } from "./text.ts";
import type { Analysis } from "./understand.ts";

/** Below this an answer would be a guess, and Parley refuses instead. */
export const ANSWER_THRESHOLD = 0.6;

/** Whether an entry has the words someone quoted, as they were quoted. */
function hasFragment(doc: Doc, fragment: string): boolean {
  const e = doc.entry;
  const text = e.kind === "quotes" || e.kind === "facts" ? e.value.text : "";
  const words = normalize(fragment);
  return words.length > 0 && ` ${normalize(text)} `.includes(` ${words} `);
}

/** How sure Parley is that the best match answers the question (0–1; below ANSWER_THRESHOLD it refuses). */
export function confidenceOf(top: Ranked, analysis: Analysis, index: SearchIndex): number {
  // The very words asked about ("who said 'at this juncture'") settle it, however the rest is put.
  if (analysis.fragment && hasFragment(top.doc, analysis.fragment)) return 0.95;
  // Words the knowledge base has never seen ("salary", "weather") mean the question is about something else.
  const unknown = analysis.salient.filter((t) => !index.postings.has(t) && !index.names.has(t)).length;
  if (analysis.salient.length > 0 && unknown / analysis.salient.length > 0.5)
    return Math.min(0.4, 0.3 + 0.1 * top.coverage);
  // One unknown word alongside others the entry doesn't cover either: the question is about something we lack.
  if (unknown > 0 && top.coverage < 0.3) return 0.45;
  const strength = Math.min(1, top.score / 15);
  // A count or an amount of something the knowledge base never mentions ("how much did Spain spend").
  if (analysis.intent === "how-many" && unknown > 0 && top.coverage < 0.5) return 0.45;
  // "How much did Spain spend": an answer without a sum of money is not one; "how many people
  // were in the delegation", one without a number.
  if (analysis.asksMoney && !statesMoney(top.doc.entry)) return 0.45;
  if (analysis.intent === "how-many" && !statesNumber(top.doc.entry)) return 0.45;
  // "How many reporters": an answer that never mentions reporters has no count of them.
  if (analysis.intent === "how-many" && analysis.focus && !top.doc.termSet.has(analysis.focus)) return 0.5;
  // The thing asked for ("which hotel") is something the knowledge base never mentions.
  if (analysis.focus && !index.postings.has(analysis.focus) && !index.names.has(analysis.focus)) return 0.45;
  // A question that names someone is not answered by an entry about someone else.
  const people = analysis.mentions.filter((m) => isParty(index.kb, m.id));
  if (people.length > 0 && !people.some((m) => top.doc.entities.has(m.id))) return 0.5;
  if (analysis.mentions.length > 0) {
    // Naming what we know is not enough when the question asks about something the entry never mentions.
    // (One uncovered word is often just a paraphrase; two or more that the entry never mentions are not.)
    if (analysis.salient.length > 0 && top.coverage < 0.2) return 0.45 + 0.1 * top.entityHit;
    return Math.min(1, 0.3 + 0.35 * top.entityHit + 0.25 * top.coverage + 0.1 * strength);
  }
  // A question that names nothing we know must share its telling words with the entry.
  if (top.coverage < 0.6) return 0.25 + 0.3 * top.coverage;
  return Math.min(1, 0.25 + 0.55 * top.coverage + 0.2 * strength);
}
