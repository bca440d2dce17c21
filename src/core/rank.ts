import { type RankScratch, reportsSpeech, scratchOf } from "./rank-cache.ts";
import { Question, scoreAll, Top } from "./rank-score.ts";
import { RANKING, type RankingConfig } from "./ranking-config.ts";
import type { Doc, SearchIndex } from "./search-index.ts";
import type { Analysis } from "./understand.ts";

export { reportsSpeech };

const NO_DOCS = new Int32Array(0);

export interface Ranked {
  doc: Doc;
  score: number;
  /** Share of the question's salient terms the entry contains (1 when there are none). */
  coverage: number;
  /** Share of the names in the question the entry concerns (1 when there are none). */
  entityHit: number;
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

/** A doc's accumulators are cleared the first time a question reaches it, and it becomes a candidate. */
function touch(scratch: RankScratch, epoch: number, candidates: number[], at: number): void {
  if (scratch.stamp[at] === epoch) return;
  scratch.stamp[at] = epoch;
  scratch.bm25[at] = 0;
  scratch.covered[at] = 0;
  scratch.inTitle[at] = 0;
  scratch.hits[at] = 0;
  scratch.hitCount[at] = 0;
  candidates.push(at);
}

/** BM25 (and, for a salient term, coverage) of one term of the question, over its postings. */
function addTerm(
  scratch: RankScratch,
  epoch: number,
  candidates: number[],
  docs: Int32Array,
  parts: Float64Array,
  idf: number,
  cover: number,
): void {
  const { bm25, covered } = scratch;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k] as number;
    touch(scratch, epoch, candidates, doc);
    bm25[doc] = (bm25[doc] as number) + idf * (parts[k] as number);
    if (cover) covered[doc] = (covered[doc] as number) + cover;
  }
}

/** One name of the question, over the entries that concern it. */
function addEntity(
  scratch: RankScratch,
  epoch: number,
  candidates: number[],
  docs: ArrayLike<number>,
  spec: number,
): void {
  const { hits, hitCount } = scratch;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k] as number;
    touch(scratch, epoch, candidates, doc);
    hits[doc] = (hits[doc] as number) + spec;
    hitCount[doc] = (hitCount[doc] as number) + 1;
  }
}

/**
 * The entries that best answer a question, best first. Each term's and each name's share of every
 * score is added while walking its postings, so that what is left per candidate is arithmetic
 * (rank-score.ts).
 */
export function rank(
  analysis: Analysis,
  index: SearchIndex,
  limit = 12,
  config: RankingConfig = RANKING,
): Ranked[] {
  const { docs, table } = index;
  const total = docs.length || 1;
  const scratch = scratchOf(index);
  const epoch = scratch.nextEpoch();
  const { stamp, covered, inTitle, party } = scratch;
  const candidates: number[] = [];

  // Rare words say more about what is asked than common ones, and a word the knowledge base has
  // never seen ("salary", "lunch") weighs most of all.
  const weight = (t: string) => {
    const n = index.postings.get(t)?.docs.length ?? 0;
    return Math.log(1 + (total + 1) / (n + 0.5));
  };
  const asked = (t: string) => analysis.weights.get(t) ?? 1;
  const salient = analysis.salient;
  const salientWeight = salient.reduce((sum, t) => sum + weight(t), 0);
  const questionWeight = analysis.terms.reduce((sum, t) => sum + weight(t) * asked(t), 0);
  // Coverage is summed in the order of the salient terms; when that is also their order among the
  // question's terms (it nearly always is) it is gathered in the same pass over the postings.
  const salientAt = new Set(salient);
  const salientInTerms = analysis.terms.filter((t) => salientAt.has(t));
  const inOrder =
    salientInTerms.length === salient.length && salientInTerms.every((t, i) => t === salient[i]);

  for (const term of analysis.terms) {
    const postings = index.postings.get(term);
    if (!postings) continue;
    const at = postings.docs;
    const idf = Math.log(1 + (total - at.length + 0.5) / (at.length + 0.5)) * asked(term);
    const cover = inOrder && salientAt.has(term) ? weight(term) : 0;
    addTerm(scratch, epoch, candidates, at, scratch.tfParts(postings, config.k1, config.b), idf, cover);
  }
  const mentioned = analysis.mentions.map((m) => m.id);
  // A name that half the knowledge base concerns ("TikTok") tells less than one that few entries do.
  const specificity = (id: string) => {
    const n = index.entityDocs.get(id)?.length ?? 1;
    return 0.5 + Math.min(1, Math.log(1 + total / n) / Math.log(1 + total / 3));
  };
  for (const id of mentioned) {
    const spec = specificity(id);
    addEntity(scratch, epoch, candidates, index.entityDocs.get(id) ?? NO_DOCS, spec);
  }
  if (!inOrder) {
    for (const term of salient) {
      const at = index.postings.get(term)?.docs;
      if (!at) continue;
      const w = weight(term);
      for (let k = 0; k < at.length; k++) {
        const doc = at[k] as number;
        if (stamp[doc] === epoch) covered[doc] = (covered[doc] as number) + w;
      }
    }
  }
  // Words of the question in an entry's title count extra, as a title says what the entry is.
  // Names are left out here: an event titled "… of the Madrid talks" is not thereby the Madrid talks.
  for (const term of analysis.terms) {
    if (analysis.named.has(term)) continue;
    const titled = index.titlePostings.get(term);
    if (!titled) continue;
    const w = weight(term) * asked(term);
    for (let k = 0; k < titled.length; k++) {
      const doc = titled[k] as number;
      // Only candidates are scored: a title that shares a word with the question is matched by its body too.
      if (stamp[doc] === epoch) inTitle[doc] = (inTitle[doc] as number) + w;
    }
  }

  // A question that names a person or organization is about them: entries without them rank lower.
  const namedParties = mentioned.filter((id) => {
    const entry = index.kb.byId.get(id);
    return entry?.kind === "people" && entry.value.kind !== "place";
  });
  for (const id of namedParties) for (const doc of index.entityDocs.get(id) ?? NO_DOCS) party[doc] = epoch;
  // The entries that *are* a person, event or deadline the question names.
  const itself = new Set<number>();
  for (const id of mentioned) {
    const at = table.byId.get(id);
    if (at !== undefined) itself.add(at);
  }

  // Only the best few are kept, in order; byOrdinal looks at the first six.
  const top = new Top(Math.max(limit, 6), docs, table.plainIds);
  const q = new Question(analysis, config, {
    salientWeight,
    questionWeight,
    itselfShare: itself.size > 0,
    parties: namedParties.length > 0,
    mentioned: mentioned.length,
    anchor: analysis.after ? (table.byId.get(analysis.after.id) ?? -1) : -1,
  });
  scoreAll(q, candidates, scratch, epoch, index, itself, top);
  const ranked = top.items.map((r) => ({
    doc: docs[r.at] as Doc,
    score: r.score,
    coverage: r.coverage,
    entityHit: r.entityHit,
  }));
  return byOrdinal(ranked, analysis).slice(0, limit);
}
