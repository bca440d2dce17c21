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

const K1 = 1.2;
const B = 0.6;

/** How well each kind of entry suits each kind of question. */
const KIND_FIT: Record<Analysis["intent"], Partial<Record<Doc["kind"], number>>> = {
  "who-said": { quotes: 4 },
  quote: { quotes: 4 },
  who: { people: 2.5, facts: 0.5 },
  when: { events: 1.5, deadlines: 1, facts: 0.5 },
  where: { events: 2.5 },
  "how-many": { facts: 1 },
  why: { facts: 1 },
  about: { events: 1.5, people: 1.5, facts: 0.5 },
  deadline: { deadlines: 4 },
  what: { facts: 1, events: 0.5 },
};

export function rank(analysis: Analysis, index: SearchIndex, limit = 12): Ranked[] {
  const total = index.docs.length || 1;
  const bm25 = new Map<number, number>();
  for (const term of analysis.terms) {
    const postings = index.postings.get(term);
    if (!postings) continue;
    const idf = Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5));
    for (const { doc, tf } of postings) {
      const length = index.docs[doc]?.length ?? 1;
      const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / index.averageLength));
      bm25.set(doc, (bm25.get(doc) ?? 0) + part);
    }
  }
  const mentioned = analysis.mentions.map((m) => m.id);
  const candidates = new Set(bm25.keys());
  for (const id of mentioned) for (const doc of index.entityDocs.get(id) ?? []) candidates.add(doc);

  const salient = analysis.salient;
  const ranked: Ranked[] = [];
  for (const at of candidates) {
    const doc = index.docs[at];
    if (!doc) continue;
    const docTerms = new Set(doc.terms);
    const covered = salient.filter((t) => docTerms.has(t)).length;
    const coverage = salient.length ? covered / salient.length : 1;
    const hits = mentioned.filter((id) => doc.entities.has(id)).length;
    const entityHit = mentioned.length ? hits / mentioned.length : 1;
    let score = (bm25.get(at) ?? 0) + 3 * hits + 3 * coverage + (KIND_FIT[analysis.intent][doc.kind] ?? 0);
    // The entry that *is* the person or event asked about beats entries that merely mention it.
    if ((doc.kind === "people" || doc.kind === "events") && mentioned.includes(doc.id)) {
      score += analysis.intent === "who" || analysis.intent === "about" || analysis.intent === "where" || analysis.intent === "when" ? 4 : 1;
    }
    if (analysis.intent === "who-said" && doc.kind !== "quotes") score *= 0.3;
    ranked.push({ doc, score, coverage, entityHit });
  }
  ranked.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
  return ranked.slice(0, limit);
}
