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
  quote: { quotes: 2.5 },
  who: { people: 2.5, facts: 0.5 },
  when: { events: 1.5, deadlines: 1, facts: 0.5 },
  where: { events: 2.5 },
  "how-many": { facts: 1 },
  why: { facts: 1 },
  about: { events: 1.5, people: 1.5, facts: 0.5 },
  deadline: { deadlines: 4 },
  what: { facts: 1, events: 0.5 },
};

const REPORTED_SPEECH = /\b(said|says|told|according to|announced|noted|warned|stated|called|described|remarked|argued)\b/i;

const CAUSAL = /\b(because|aim(s|ed)? (to|at)|in order to|so that|to ease|objective|purpose|reason|due to|after|in response|in retaliation|prompted|led to|amid|as a result|since|hoping|seeking|meant to|signall?ing|driven)\b/i;

function textOf(doc: Doc): string {
  return doc.entry.kind === "facts" ? doc.entry.value.text : "";
}

const IS_BOOST: Record<Analysis["intent"], number> = {
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
  const salient = analysis.salient;
  const salientWeight = salient.reduce((sum, t) => sum + weight(t), 0);
  const ranked: Ranked[] = [];
  for (const at of candidates) {
    const doc = index.docs[at];
    if (!doc) continue;
    const docTerms = new Set(doc.terms);
    const covered = salient.reduce((sum, t) => sum + (docTerms.has(t) ? weight(t) : 0), 0);
    const coverage = salientWeight > 0 ? covered / salientWeight : 1;
    const hits = mentioned.reduce((sum, id) => sum + (doc.entities.has(id) ? specificity(id) : 0), 0);
    const entityHit = mentioned.length ? mentioned.filter((id) => doc.entities.has(id)).length / mentioned.length : 1;
    let score = (bm25.get(at) ?? 0) + 3 * hits + 3 * coverage + (KIND_FIT[analysis.intent][doc.kind] ?? 0);
    // The entry that *is* the person or event asked about beats entries that merely mention it.
    if ((doc.kind === "people" || doc.kind === "events" || doc.kind === "deadlines") && mentioned.includes(doc.id)) {
      // The entry itself is the answer when the question asks for nothing more specific than it covers.
      // Scaled by how much of the question the name is: "Madrid talks?" is about the round itself,
      // "when did Trump sign the truce extension after Stockholm" is not.
      const share = analysis.contentWords ? Math.min(1, (analysis.namedWords + 1) / analysis.contentWords) : 1;
      score += IS_BOOST[analysis.intent] * share * (salient.length ? coverage : 1);
    }
    if (analysis.dates.some((d) => doc.date.slice(5) === d.monthDay && (!d.year || doc.date.startsWith(d.year)))) score += 3;
    if (analysis.intent === "who" && doc.kind === "facts" && [...doc.entities].some((id) => index.kb.byId.get(id)?.kind === "people")) score += 1;
    if (analysis.intent === "why" && doc.kind === "facts" && CAUSAL.test(textOf(doc))) score += 2;
    // Quotes answer "who said"; so do facts that report what someone said. Elsewhere quotes support an answer.
    if (analysis.intent === "who-said" && doc.kind !== "quotes") score *= REPORTED_SPEECH.test(textOf(doc)) ? 0.9 : 0.5;
    else if (analysis.intent !== "quote" && analysis.intent !== "who-said" && doc.kind === "quotes") score *= 0.75;
    ranked.push({ doc, score, coverage, entityHit });
  }
  ranked.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
  return ranked.slice(0, limit);
}
