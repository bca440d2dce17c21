import Fuse from "fuse.js";
import type { KnowledgeBase } from "../knowledge/types.ts";

/**
 * The naive way to build Parley: one fuse.js index over every entry's full text, queried with the
 * whole question. It is the yardstick the engine's latency is compared with.
 */
export interface NaiveDoc {
  id: string;
  text: string;
}

export function naiveDocs(kb: KnowledgeBase): NaiveDoc[] {
  const name = (id: string) => {
    const e = kb.byId.get(id);
    return e?.kind === "people" ? e.value.name : id;
  };
  return [
    ...kb.facts.map((f) => ({ id: f.id, text: f.text })),
    ...kb.quotes.map((q) => ({ id: q.id, text: `${q.text} ${name(q.speaker)}` })),
    ...kb.events.map((e) => ({ id: e.id, text: `${e.title} ${e.outcome ?? ""}`.trim() })),
    ...kb.deadlines.map((d) => ({ id: d.id, text: `${d.what} ${d.consequence}` })),
    ...kb.people.map((p) => ({ id: p.id, text: [p.name, ...p.aliases, p.role ?? ""].join(" ").trim() })),
  ];
}

export interface NaiveIndex {
  search(question: string): string | undefined;
}

export function buildNaive(kb: KnowledgeBase): NaiveIndex {
  const fuse = new Fuse(naiveDocs(kb), {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  return {
    search: (question) => fuse.search(question)[0]?.item.id,
  };
}
