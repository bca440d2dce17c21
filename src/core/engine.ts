import type { KnowledgeBase } from "../knowledge/types.ts";
import type { Answer } from "./answer.ts";
import { composeFromRanking, composeList, toAnswer } from "./compose.ts";
import { inOrder, negotiatorsOf } from "./compose-cache.ts";
import { ANSWER_THRESHOLD, confidenceOf } from "./confidence.ts";
import { counterpartOf } from "./counterparts.ts";
import { theTitle } from "./describe.ts";
import { isParty, sideOf } from "./entry-text.ts";
import { headsOf } from "./heads.ts";
import { DEFAULT_SUGGESTIONS, MAX_QUESTION_LENGTH, messages } from "./messages.ts";
import { namesSideItself } from "./question-cues.ts";
import { questionInMessage } from "./question-in-message.ts";
import { type Ranked, rank } from "./rank.ts";
import { reportsSpeech, speechBy } from "./rank-cache.ts";
import { RANKING, type RankingConfig } from "./ranking-config.ts";
import { buildIndex, type Doc, type SearchIndex } from "./search-index.ts";
import { type Analysis, analyze, type Mention } from "./understand.ts";

const SPECULATION =
  /\bshould (i|we|you)\b|\b(is|are) \w+ going to\b|\bpredict|\bforecast|\bwho will\b|\bwill (it|there be) \w+|^will\b|\bwill\b.*\bnext (year|month|week)\b|\bworth (buying|investing)|\binvest in\b|\bdo you think\b|\bwill \w+ still\b/;

/** "The next round", "where did they meet next": the next event of a kind, after the one named. */
const ASKS_NEXT = /\bnext (round|talks|meeting|summit|call)\b|\b(meet|met|round|talks) next\b/;

/** A match scoring at least this share of the best one's is as good a candidate for the answer. */
const CLOSE_SCORE = 0.85;

export interface Engine {
  readonly kb: KnowledgeBase;
  readonly index: SearchIndex;
  ask(question: string, now: Date): Answer;
  /** The ids of the people, topics, events and places a phrase names, misspellings forgiven. */
  resolve(phrase: string): string[];
}

/**
 * Whether an entry is someone's words: a quote of theirs, or a report of what they said, by name
 * when `byName` is their speechBy() test ("He Lifeng called on…"), else any report of speech that
 * concerns them.
 */
function saidBy(doc: Doc, speaker: string, byName: ((doc: Doc) => boolean) | null): boolean {
  const e = doc.entry;
  if (e.kind === "quotes" && e.value.speaker === speaker) return true;
  if (!doc.entities.has(speaker)) return false;
  // A readout quoting them ("Xi noted that…") is their words too.
  return byName ? byName(doc) : e.kind !== "quotes" && reportsSpeech(doc);
}

function suggestionFor(doc: Doc): string | null {
  const e = doc.entry;
  switch (e.kind) {
    case "people":
      return `Who is ${e.value.name}?`;
    case "events":
      return `When was ${theTitle(e.value.title)}?`;
    case "deadlines":
      return `When is the deadline: ${e.value.what}?`;
    case "quotes": {
      const words = e.value.text.split(/\s+/).slice(0, 6).join(" ");
      return `Who said “${words}…”?`;
    }
    default:
      return null;
  }
}

function suggestionsFrom(ranked: readonly Ranked[], index: SearchIndex): string[] {
  const out: string[] = [];
  for (const r of ranked) {
    let s = suggestionFor(r.doc);
    if (!s && r.doc.entry.kind === "facts") {
      const id = r.doc.entry.value.about.find(
        (a) => index.kb.byId.get(a)?.kind === "events" || index.kb.byId.get(a)?.kind === "people",
      );
      const target = id ? index.kb.byId.get(id) : undefined;
      if (target?.kind === "events") s = `What happened at ${theTitle(target.value.title)}?`;
      if (target?.kind === "people") s = `Who is ${target.value.name}?`;
    }
    if (s && !out.includes(s)) out.push(s);
    if (out.length === 3) break;
  }
  for (const d of DEFAULT_SUGGESTIONS) if (out.length < 3 && !out.includes(d)) out.push(d);
  return out;
}

function refusal(
  question: string,
  lead: string,
  suggestions: string[],
  kind: "refusal" | "invalid",
  confidence = 0,
): Answer {
  return {
    question,
    answered: false,
    kind,
    lead,
    text: suggestions.length ? `${lead} ${messages.tryInstead} ${suggestions.join(" · ")}` : lead,
    quote: null,
    entries: [],
    citations: [],
    confidence,
    suggestions,
    asOf: null,
  };
}

export function createEngine(kb: KnowledgeBase, options: { ranking?: RankingConfig } = {}): Engine {
  const index = buildIndex(kb);
  const ranking = options.ranking ?? RANKING;
  function answerAnalyzed(question: string, analysis: Analysis, now: Date): Answer {
    // Parley reports what its sources say; it does not advise or foretell.
    if (SPECULATION.test(analysis.normalized))
      return refusal(
        question,
        messages.speculation,
        suggestionsFrom(rank(analysis, index, 5, ranking), index),
        "refusal",
      );

    if (analysis.list) {
      const listed = composeList(kb, analysis, now);
      if (listed) return toAnswer(question, listed, 0.9, analysis);
    }
    let ranked = rank(analysis, index, 30, ranking);
    // "What did King Charles say?": only his words will do, quoted or reported, and without them
    // Parley says so rather than quote someone else.
    if (analysis.intent === "quote") {
      // "What did Taiwan's government say…": someone the knowledge does not know said nothing in it.
      if (analysis.speakers?.length === 0)
        return refusal(question, messages.notInSources, suggestionsFrom(ranked, index), "refusal");
      const speaker = analysis.mentions.find(
        (m) => isParty(kb, m.id) && (!analysis.speakers || analysis.speakers.includes(m.id)),
      );
      if (speaker) {
        // The words asked for are the speaker's own, or a report of them; never someone else's.
        const name = index.displayName.get(speaker.id) ?? speaker.id;
        const entry = kb.byId.get(speaker.id);
        const names = entry?.kind === "people" ? [entry.value.name, ...entry.value.aliases] : [name];
        // Their own words under one of their names first, then any report of speech about them.
        const byName = speechBy(names);
        const own =
          ranked.find((r) => saidBy(r.doc, speaker.id, byName)) ??
          ranked.find((r) => saidBy(r.doc, speaker.id, null));
        if (!own) {
          return kb.quotes.some((q) => q.speaker === speaker.id)
            ? refusal(question, messages.notInSources, suggestionsFrom(ranked, index), "refusal")
            : refusal(
                question,
                messages.noQuotesFrom(name),
                [`Who is ${name}?`, ...DEFAULT_SUGGESTIONS].slice(0, 3),
                "refusal",
              );
        }
        ranked = [own, ...ranked.filter((r) => r !== own)];
      }
    }
    // "Who runs MOFCOM": the person at its head, rather than the ministry itself; "Bessent's
    // counterpart": the one across the table from him, rather than Bessent; "the next round after
    // Madrid": that round, rather than Madrid.
    const direct = analysis.asksHead
      ? (personThrough(analysis, "organization", onlyHead) ?? sideLead(analysis))
      : analysis.asksCounterpart
        ? personThrough(analysis, "person", (person) => counterpartOf(kb, person))
        : nextOfKind(analysis);
    if (direct) {
      const answer: Ranked = { doc: direct, score: ranked[0]?.score ?? 1, coverage: 1, entityHit: 1 };
      return toAnswer(
        question,
        composeFromRanking(kb, [answer, ...ranked.filter((r) => r.doc !== direct)], analysis, now),
        0.9,
        analysis,
      );
    }
    let top = ranked[0];
    if (!top) return refusal(question, messages.offTopic, [...DEFAULT_SUGGESTIONS], "refusal");
    let confidence = confidenceOf(top, analysis, index);
    // The best match may miss what is asked ("how much … does ByteDance keep") while one that
    // scores nearly as well speaks to it: answer from that one rather than refuse.
    if (confidence < ANSWER_THRESHOLD) {
      const bar = top.score * CLOSE_SCORE;
      const close = ranked.slice(1, 6).filter((r) => r.score >= bar);
      for (const r of close) {
        const c = confidenceOf(r, analysis, index);
        if (c < ANSWER_THRESHOLD) continue;
        top = r;
        confidence = c;
        ranked = [r, ...ranked.filter((other) => other !== r)];
        break;
      }
    }
    if (confidence < ANSWER_THRESHOLD) {
      const lead = analysis.mentions.length ? messages.notInSources : messages.offTopic;
      return refusal(
        question,
        lead,
        suggestionsFrom(ranked, index),
        "refusal",
        Math.round(confidence * 100) / 100,
      );
    }
    return toAnswer(question, composeFromRanking(kb, ranked, analysis, now), confidence, analysis);
  }
  /** The indexed entry of an id. */
  function docOf(id: string | undefined): Doc | undefined {
    const at = id === undefined ? undefined : index.table.byId.get(id);
    return at === undefined ? undefined : index.docs[at];
  }

  /**
   * The entry of the person a question asks for through the one person or organization (of `kind`)
   * it names: the head of an organization ("who runs MOFCOM"), someone's counterpart ("Bessent's
   * opposite number").
   */
  function personThrough(
    analysis: Analysis,
    kind: "person" | "organization",
    find: (id: string) => string | undefined,
  ): Doc | undefined {
    const named = analysis.mentions.filter((m) => {
      const entry = kb.byId.get(m.id);
      return entry?.kind === "people" && entry.value.kind === kind;
    });
    return named.length === 1 ? docOf(find((named[0] as Mention).id)) : undefined;
  }

  /**
   * "Who's running China's side": of that side's negotiators, the one at the most rounds, when the
   * question names no one.
   */
  function sideLead(analysis: Analysis): Doc | undefined {
    if (!analysis.side || !namesSideItself(analysis.normalized)) return undefined;
    if (analysis.mentions.some((m) => isParty(kb, m.id))) return undefined;
    return docOf(negotiatorsOf(kb).find(({ person }) => sideOf(person.country) === analysis.side)?.person.id);
  }

  /** "After Madrid, where was the next round": the next event of the kind the question counts from. */
  function nextOfKind(analysis: Analysis): Doc | undefined {
    const after = analysis.after;
    if (!after || !ASKS_NEXT.test(analysis.normalized)) return undefined;
    const anchor = kb.byId.get(after.id);
    if (anchor?.kind !== "events") return undefined;
    return docOf(
      inOrder(kb).find(
        (e) => e.kind === anchor.value.kind && e.id !== anchor.value.id && e.start >= after.date,
      )?.id,
    );
  }

  const onlyHead = (organization: string) => {
    const heads = headsOf(index, organization);
    return heads.length === 1 ? heads[0] : undefined;
  };

  /**
   * Whether the opening of a question says nothing the knowledge knows ("hey random one", "ok so"),
   * rather than what the question is about ("EO 14258 — what date…", "'respects the will of
   * enterprises' — whose line…").
   */
  function namesNothing(opening: string, framed: boolean): boolean {
    const analysis = analyze(opening, index);
    const names = analysis.mentions.length > 0 || analysis.after !== undefined || analysis.dates.length > 0;
    if (names || analysis.fragment !== undefined) return false;
    // "My question is this: …" frames what follows; "14258, what date…" may not.
    return framed || analysis.salient.every((t) => !index.postings.has(t));
  }
  return {
    kb,
    index,
    resolve(phrase: string): string[] {
      return analyze(phrase.slice(0, 200), index).mentions.map((m) => m.id);
    },
    ask(rawQuestion: string, now: Date): Answer {
      const question = rawQuestion.trim();
      if (question === "")
        return refusal(question, messages.emptyQuestion, [...DEFAULT_SUGGESTIONS], "invalid");
      if (question.length > MAX_QUESTION_LENGTH)
        return refusal(question.slice(0, 80), messages.tooLong(question.length), [], "invalid");
      // A message that says more than its question is answered by the question, when that names
      // something Parley knows and can be answered; otherwise by all of it.
      const asked = questionInMessage(question, namesNothing);
      const analysis = asked ? analyze(asked, index) : null;
      // …or when the rest of the message names nothing ("compliance team wants the timestamp").
      if (
        asked &&
        analysis &&
        (analysis.mentions.length > 0 || namesNothing(question.replace(asked, " "), true))
      ) {
        const answer = answerAnalyzed(asked, analysis, now);
        if (answer.answered) return { ...answer, question };
      }
      return answerAnalyzed(question, analyze(question, index), now);
    },
  };
}
