import type { Fact, Quote } from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import type { Answer, SupportingQuote } from "./answer.ts";
import { CitationList } from "./citations.ts";
import { chainAsOf, eventsWith } from "./compose-cache.ts";
import { canonicalDates, formatDate, formatRange } from "./dates.ts";
import { deadlineSetBy, describeDeadline, describeEvent, describePerson, nameOf } from "./describe.ts";
import { messages } from "./messages.ts";
import type { Ranked } from "./rank.ts";
import type { Doc } from "./search-index.ts";
import { terms } from "./text.ts";
import type { Analysis } from "./understand.ts";

export { composeList } from "./compose-list.ts";

/** A runner-up scoring at least this share of the best entry joins the answer. */
const SECOND_ANSWER = 0.7;
/** …or this share, when it comes from the same paragraph of the same source. */
const SIBLING_ANSWER = 0.4;
/** The share of a further sentence's words that must be new for it to join. */
const NOVELTY = 0.4;

export interface Composition {
  lead: string;
  /** The answer states facts that may have changed since its sources were written. */
  dated?: boolean;
  entries: string[];
  quote: SupportingQuote | null;
  citations: CitationList;
}

function citeOf(doc: Doc): readonly string[] {
  return "cite" in doc.entry.value ? doc.entry.value.cite : [];
}

function supportingQuote(kb: KnowledgeBase, q: Quote, citations: CitationList): SupportingQuote {
  return {
    id: q.id,
    text: q.text,
    speaker: nameOf(kb, q.speaker),
    speakerId: q.speaker,
    date: q.date,
    occasion: q.occasion ?? null,
    attribution: q.attribution,
    citation: citations.add(q.cite, 1),
  };
}

function sentence(text: string, contextDate: string): string {
  return canonicalDates(text.trim(), contextDate).replace(/([^.!?])$/, "$1.");
}

function factSentence(fact: Fact, intent: Analysis["intent"]): string {
  const text = sentence(fact.text, fact.date);
  if (intent === "when") return `${formatRange(fact.date, fact.until)}: ${text}`;
  return text;
}

/** The direct answer for the best-ranked entry. */
function leadFor(kb: KnowledgeBase, top: Doc, analysis: Analysis, now: Date): string {
  const entry = top.entry;
  switch (entry.kind) {
    case "facts":
      return factSentence(entry.value, analysis.intent);
    case "quotes": {
      const q = entry.value;
      const who = nameOf(kb, q.speaker);
      const when = `${formatDate(q.date)}${q.occasion ? `, ${q.occasion}` : ""}`;
      const disputed =
        q.attribution === "disputed" ? ` The attribution is disputed${q.note ? `: ${q.note}` : "."}` : "";
      if (analysis.intent === "who-said") return `${who} said it (${when}).${disputed}`;
      return `${who} said this (${when}).${disputed}`;
    }
    case "events": {
      const e = entry.value;
      if (analysis.intent === "where" && e.place)
        return `${e.title}: held at ${e.place}, ${formatRange(e.start, e.end)}.`;
      if (analysis.intent === "when") {
        const span =
          e.end && e.end !== e.start
            ? `from ${formatDate(e.start)} to ${formatDate(e.end)}`
            : `on ${formatDate(e.start)}`;
        return `${e.title}${e.status === "held" ? "" : ` (${e.status})`}: ${span}${e.place ? `, ${e.place}` : ""}.`;
      }
      const outcome = e.outcome ? ` ${sentence(e.outcome, e.start)}` : "";
      return `${describeEvent(e)}${outcome}`;
    }
    case "deadlines": {
      const d = entry.value;
      const consequence = analysis.intent === "when" ? "" : ` If missed: ${sentence(d.consequence, d.due)}`;
      const chain = chainAsOf(kb, d, now);
      const history =
        chain.length > 1 ? ` The deadline moved: ${chain.map((c) => formatDate(c.due)).join(" → ")}.` : "";
      const origin = analysis.asksOrigin ? ` ${deadlineSetBy(kb, d)}` : "";
      return `${describeDeadline(kb, d, now)}${origin}${consequence}${history}`;
    }
    case "people":
      return describePerson(entry.value);
    default:
      return "";
  }
}

/**
 * Only entries that add something join an answer: one that mostly repeats what is said is left
 * out. The terms of the answer so far are worked out once per sentence added, and those of each
 * entry's own sentence once per entry.
 */
class Novelty {
  private knownAt = -1;
  private known: ReadonlySet<string> = new Set();
  private readonly own = new Map<Doc, ReadonlySet<string>>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly sentences: readonly string[],
    private readonly analysis: Analysis,
    private readonly now: Date,
  ) {}

  addsSomething(doc: Doc): boolean {
    // Sentences are only ever added, so their number says whether the known terms are current.
    if (this.knownAt !== this.sentences.length) {
      this.known = new Set(terms(this.sentences.join(" ")));
      this.knownAt = this.sentences.length;
    }
    let own = this.own.get(doc);
    if (!own) {
      own = new Set(terms(leadFor(this.kb, doc, this.analysis, this.now)));
      this.own.set(doc, own);
    }
    let fresh = 0;
    for (const t of own) if (!this.known.has(t)) fresh++;
    return own.size > 0 && fresh / own.size >= NOVELTY;
  }
}

export function composeFromRanking(
  kb: KnowledgeBase,
  ranked: readonly Ranked[],
  analysis: Analysis,
  now: Date,
): Composition {
  const citations = new CitationList(kb);
  const top = ranked[0] as Ranked;
  const entries = [top.doc.id];
  const sentences = [leadFor(kb, top.doc, analysis, now)];
  const novelty = new Novelty(kb, sentences, analysis, now);
  citations.add(citeOf(top.doc), 8);
  let quote: SupportingQuote | null = null;

  if (top.doc.entry.kind === "quotes") {
    quote = supportingQuote(kb, top.doc.entry.value, citations);
  }
  if (top.doc.entry.kind === "deadlines") {
    // The answer names every date the deadline moved through, so each one is cited.
    for (const link of chainAsOf(kb, top.doc.entry.value, now)) {
      if (link.id === top.doc.id) continue;
      citations.add(link.cite, 1);
      entries.push(link.id);
    }
  }
  if (top.doc.kind === "people" && analysis.plural) {
    // "Who are the managing investors?": every person or organization that fits about as well.
    const others = ranked.slice(1, 6).filter((r) => r.doc.kind === "people" && r.score >= top.score * 0.8);
    for (const r of others) {
      if (r.doc.entry.kind !== "people") continue;
      sentences.push(describePerson(r.doc.entry.value));
      citations.add(r.doc.entry.value.cite, 1);
      entries.push(r.doc.id);
    }
  }
  if (top.doc.entry.kind === "facts") {
    // Where sources disagree, say so and give the other claim with its own source.
    for (const otherId of top.doc.entry.value.disputes.slice(0, 1)) {
      const other = kb.byId.get(otherId);
      if (other?.kind !== "facts") continue;
      sentences.push(`${messages.disputed} ${sentence(other.value.text, other.value.date)}`);
      citations.add(other.value.cite, 2);
      entries.push(otherId);
    }
  }
  if (top.doc.entry.kind === "people") {
    const person = top.doc.entry.value;
    const events = eventsWith(kb, person.id).slice(0, 4);
    if (events.length)
      sentences.push(`Took part in: ${events.map((e) => `${e.title} (${formatDate(e.start)})`).join("; ")}.`);
  }
  if (top.doc.kind !== "quotes" && top.doc.kind !== "people" && analysis.intent !== "who-said") {
    // A close runner-up that says something the first does not makes a better two-sentence answer.
    const disputed = top.doc.entry.kind === "facts" ? top.doc.entry.value.disputes : [];
    const novel = (r: Ranked) => novelty.addsSomething(r.doc);
    // Tested after the cheap tests of score and source wherever it is used: whether an entry adds
    // something takes its sentence to be written.
    const eligible = (r: Ranked) =>
      (r.doc.kind === "facts" || r.doc.kind === "events" || r.doc.kind === "deadlines") &&
      !entries.includes(r.doc.id) &&
      !disputed.includes(r.doc.id) &&
      novel(r);
    // A fact from the same paragraph of the same source is the natural next sentence, even if it ranks lower.
    const paragraph = new Set(citeOf(top.doc).filter((c) => /\s/.test(c)));
    const sibling = ranked
      .slice(1, 6)
      .find(
        (r) =>
          r.score >= top.score * SIBLING_ANSWER && citeOf(r.doc).some((c) => paragraph.has(c)) && eligible(r),
      );
    const second =
      sibling ?? ranked.slice(1, 4).find((r) => r.score >= top.score * SECOND_ANSWER && eligible(r));
    if (second) {
      sentences.push(leadFor(kb, second.doc, analysis, now));
      citations.add(citeOf(second.doc), 3);
      entries.push(second.doc.id);
      // A third sentence only from the same paragraph again: enough to finish the thought, no more.
      const third =
        sibling &&
        ranked
          .slice(1, 6)
          .find(
            (r) =>
              r.score >= top.score * SIBLING_ANSWER &&
              citeOf(r.doc).some((c) => paragraph.has(c)) &&
              eligible(r),
          );
      if (third) {
        sentences.push(leadFor(kb, third.doc, analysis, now));
        citations.add(citeOf(third.doc), 3);
        entries.push(third.doc.id);
      }
    }
  }
  const added = entries.length > 1;
  if (
    !added &&
    (top.doc.kind === "people" || top.doc.kind === "events") &&
    ["about", "what", "how-many", "why"].includes(analysis.intent)
  ) {
    // An entity's own entry says what it is; the best fact about it says what the question asks.
    const detail = ranked
      .slice(1, 10)
      .find(
        (r) =>
          (r.doc.kind === "facts" || r.doc.kind === "events") &&
          !entries.includes(r.doc.id) &&
          r.doc.entities.has(top.doc.id) &&
          r.coverage >= top.coverage &&
          novelty.addsSomething(r.doc),
      );
    if (detail) {
      sentences.push(leadFor(kb, detail.doc, analysis, now));
      citations.add(citeOf(detail.doc), 3);
      entries.push(detail.doc.id);
    }
  }
  if (!quote) {
    const mentioned = new Set([top.doc.id, ...top.doc.entities]);
    const candidate = ranked
      .slice(1, 8)
      .find(
        (r) =>
          r.doc.entry.kind === "quotes" &&
          r.score >= top.score * 0.5 &&
          [...r.doc.entities].some((id) => mentioned.has(id)),
      );
    if (candidate?.doc.entry.kind === "quotes") {
      quote = supportingQuote(kb, candidate.doc.entry.value, citations);
      entries.push(candidate.doc.id);
    }
  }
  return { lead: sentences.join(" "), entries, quote, citations, dated: top.doc.kind === "facts" };
}

export function toAnswer(question: string, c: Composition, confidence: number, analysis: Analysis): Answer {
  const asOf = c.citations.newestDate;
  // "As of" belongs to facts that may have changed since; a person's card or a dated event needs none.
  const lead =
    analysis.presentTense && c.dated && asOf && !c.lead.includes("\n")
      ? `${messages.asOf(formatDate(asOf))}: ${c.lead}`
      : c.lead;
  const quoteLine = c.quote ? `\n“${c.quote.text}” — ${c.quote.speaker}, ${formatDate(c.quote.date)}` : "";
  return {
    question,
    answered: true,
    kind: "answer",
    lead,
    text: `${lead}${quoteLine}`,
    quote: c.quote,
    entries: c.entries,
    citations: c.citations.items,
    confidence: Math.round(confidence * 100) / 100,
    suggestions: [],
    asOf,
  };
}
