import { RANKING, type RankingConfig } from "./ranking-config.ts";
import type { Doc, SearchIndex } from "./search-index.ts";
import type { Analysis } from "./understand.ts";

export interface Ranked {
  doc: Doc;
  score: number;
  /** Share of the question's salient terms the entry contains (1 when there are none). */
  coverage: number;
  /** Share of the names in the question the entry concerns (1 when there are none). */
  entityHit: number;
}

const REPORTED_SPEECH =
  /\b(said|says|told|according to|announced|noted|warned|stated|called|described|remarked|argued|found|urged|pledged|promised|claimed|insisted|reported)\b/i;

const CAUSAL =
  /\b(because|aim(s|ed)? (to|at)|in order to|so that|to ease|objective|purpose|reason|due to|in response|in retaliation|prompted|led to|amid|as a result|hoping|seeking|meant to|signall?ing|driven)\b/i;

function sideOf(country: string | undefined): "china" | "us" | undefined {
  const c = (country ?? "").toLowerCase();
  if (c === "china") return "china";
  if (c === "united states" || c === "us" || c === "usa") return "us";
  return undefined;
}

export function reportsSpeech(doc: Doc): boolean {
  return REPORTED_SPEECH.test(textOf(doc));
}

const NUMBER =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|half)\b/i;

/** The prose of an entry, for the checks that read it (reported speech, reasons, numbers). */
function textOf(doc: Doc): string {
  const e = doc.entry;
  if (e.kind === "facts") return e.value.text;
  if (e.kind === "events") return `${e.value.title} ${e.value.outcome ?? ""}`;
  if (e.kind === "deadlines") return `${e.value.what} ${e.value.consequence}`;
  return "";
}

/**
 * "The first pause", "the latest call": among entries of the same kind that fit about equally
 * well, the question's ordinal picks the earliest or the latest.
 */
function byOrdinal(ranked: Ranked[], analysis: Analysis): Ranked[] {
  const top = ranked[0];
  if (!top || !analysis.ordinal) return ranked;
  const close = ranked
    .slice(0, 6)
    .filter((r) => r.doc.kind === top.doc.kind && r.doc.date && r.score >= top.score * 0.8);
  if (close.length < 2) return ranked;
  const pick = close.reduce((best, r) =>
    (analysis.ordinal === "first" ? r.doc.date < best.doc.date : r.doc.date > best.doc.date) ? r : best,
  );
  return [pick, ...ranked.filter((r) => r !== pick)];
}

export function rank(
  analysis: Analysis,
  index: SearchIndex,
  limit = 12,
  config: RankingConfig = RANKING,
): Ranked[] {
  const { k1: K1, b: B } = config;
  const total = index.docs.length || 1;
  const bm25 = new Map<number, number>();
  for (const term of analysis.terms) {
    const postings = index.postings.get(term);
    if (!postings) continue;
    const idf =
      Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5)) *
      (analysis.weights.get(term) ?? 1);
    for (const { doc, tf } of postings) {
      const length = index.docs[doc]?.length ?? 1;
      const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / index.averageLength));
      bm25.set(doc, (bm25.get(doc) ?? 0) + part);
    }
  }
  const mentioned = analysis.mentions.map((m) => m.id);
  const candidates = new Set(bm25.keys());
  for (const id of mentioned) for (const doc of index.entityDocs.get(id) ?? []) candidates.add(doc);

  // Rare words say more about what is asked than common ones, and a word the knowledge base has
  // never seen ("salary", "lunch") weighs most of all.
  const weight = (t: string) => {
    const n = index.postings.get(t)?.length ?? 0;
    return Math.log(1 + (total + 1) / (n + 0.5));
  };
  // A name that half the knowledge base concerns ("TikTok") tells less than one that few entries do.
  const specificity = (id: string) => {
    const n = index.entityDocs.get(id)?.length ?? 1;
    return 0.5 + Math.min(1, Math.log(1 + total / n) / Math.log(1 + total / 3));
  };
  // A question that names a person or organization is about them: entries without them rank lower.
  const namedParties = mentioned.filter((id) => {
    const entry = index.kb.byId.get(id);
    return entry?.kind === "people" && entry.value.kind !== "place";
  });
  const salient = analysis.salient;
  const salientWeight = salient.reduce((sum, t) => sum + weight(t), 0);
  const questionWeight = analysis.terms.reduce(
    (sum, t) => sum + weight(t) * (analysis.weights.get(t) ?? 1),
    0,
  );
  const ranked: Ranked[] = [];
  for (const at of candidates) {
    const doc = index.docs[at];
    if (!doc) continue;
    const docTerms = doc.termSet;
    const covered = salient.reduce((sum, t) => sum + (docTerms.has(t) ? weight(t) : 0), 0);
    const coverage = salientWeight > 0 ? covered / salientWeight : 1;
    const hits = mentioned.reduce((sum, id) => sum + (doc.entities.has(id) ? specificity(id) : 0), 0);
    const entityHit = mentioned.length
      ? mentioned.filter((id) => doc.entities.has(id)).length / mentioned.length
      : 1;
    // Words of the question in an entry's title count extra, as a title says what the entry is.
    // Names are left out here: an event titled "… of the Madrid talks" is not thereby the Madrid talks.
    const inTitle = analysis.terms.reduce(
      (sum, t) =>
        sum +
        (doc.titleTerms.has(t) && !analysis.named.has(t) ? weight(t) * (analysis.weights.get(t) ?? 1) : 0),
      0,
    );
    const titleMatch = questionWeight > 0 ? inTitle / questionWeight : 0;
    let score =
      (bm25.get(at) ?? 0) +
      config.entity * hits +
      config.coverage * coverage +
      config.title * titleMatch +
      (config.kindFit[analysis.intent][doc.kind] ?? 0);
    // The entry that *is* the person or event asked about beats entries that merely mention it.
    const isPlace = doc.entry.kind === "people" && doc.entry.value.kind === "place";
    // "Who …" is answered by a person or organization, never by the venue itself.
    const fitsIntent = !(analysis.intent === "who" && (doc.kind !== "people" || isPlace));
    if (
      (doc.kind === "people" || doc.kind === "events" || doc.kind === "deadlines") &&
      mentioned.includes(doc.id) &&
      fitsIntent
    ) {
      // The entry itself is the answer when the question asks for nothing more specific than it covers.
      // Scaled by how much of the question the name is: "Madrid talks?" is about the round itself,
      // "when did Trump sign the truce extension after Stockholm" is not.
      const share = analysis.contentWords
        ? Math.min(1, (analysis.namedWords + 1) / analysis.contentWords)
        : 1;
      // When the question asks about the entry as a whole, its own words need not repeat the question's.
      const framing = ["what", "about", "when", "where", "who"].includes(analysis.intent);
      const answered = salient.length ? (framing ? Math.max(coverage, 0.5) : coverage) : 1;
      score += config.itself[analysis.intent] * share * answered;
    }
    // A "when" wants an entry with a date of its own; people and organizations have none.
    if (analysis.intent === "when" && doc.kind === "people") score *= config.undatedOnWhen;
    if (analysis.intent === "who" && isPlace) score *= config.undatedOnWhen;
    if (
      analysis.dates.some((d) => doc.date.slice(5) === d.monthDay && (!d.year || doc.date.startsWith(d.year)))
    )
      score += config.dateMatch;
    // "Who leads the Chinese delegation": the side named decides between the two delegations' leaders.
    if (
      analysis.intent === "who" &&
      doc.entry.kind === "people" &&
      analysis.side &&
      sideOf(doc.entry.value.country) === analysis.side
    )
      score += config.personFact * 2;
    if (
      analysis.intent === "who" &&
      doc.kind === "facts" &&
      [...doc.entities].some((id) => index.kb.byId.get(id)?.kind === "people")
    )
      score += config.personFact;
    if (analysis.intent === "how-many" && NUMBER.test(textOf(doc))) score += config.number;
    if (analysis.intent === "why" && doc.kind === "facts" && CAUSAL.test(textOf(doc))) score += config.causal;
    // Quotes answer "who said"; so do facts that report what someone said. Elsewhere quotes support an answer.
    if (analysis.intent === "who-said" && doc.kind !== "quotes")
      score *= reportsSpeech(doc) ? config.reportedSpeech : config.notSpeech;
    else if (analysis.intent !== "quote" && analysis.intent !== "who-said" && doc.kind === "quotes")
      score *= config.quoteElsewhere;
    if (namedParties.length > 0 && !namedParties.some((id) => doc.entities.has(id)))
      score *= config.withoutNamedParty;
    else if (mentioned.length > 0 && entityHit === 0) score *= config.withoutNamedTopic;
    ranked.push({ doc, score, coverage, entityHit });
  }
  ranked.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
  return byOrdinal(ranked, analysis).slice(0, limit);
}
