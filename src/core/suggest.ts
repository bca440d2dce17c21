import Fuse from "fuse.js";
import { theTitle } from "./describe.ts";
import type { Engine } from "./engine.ts";
import { DEFAULT_SUGGESTIONS } from "./messages.ts";
import { normalize } from "./text.ts";

const cache = new WeakMap<Engine, { all: string[]; fuse: Fuse<string> }>();

/** Questions the knowledge base can answer, phrased the way people ask them. */
function phrasings(engine: Engine): string[] {
  const kb = engine.kb;
  const out = new Set<string>(DEFAULT_SUGGESTIONS);
  for (const e of kb.events) {
    if (e.kind === "round" || e.kind === "summit") {
      out.add(`Where were ${theTitle(e.aliases[0] ?? e.title)} held?`);
      out.add(`What came out of ${theTitle(e.aliases[0] ?? e.title)}?`);
    } else if (e.kind !== "session") {
      out.add(`When was ${theTitle(e.aliases[0] ?? e.title)}?`);
    }
  }
  for (const p of kb.people) if (p.kind !== "place") out.add(`Who is ${p.name}?`);
  const speakers = new Set(kb.quotes.map((q) => q.speaker));
  for (const id of speakers) {
    const entry = kb.byId.get(id);
    if (entry?.kind === "people") out.add(`What did ${entry.value.name} say?`);
  }
  for (const t of kb.topics) out.add(`What happened with ${t.name.toLowerCase()}?`);
  out.add("What are the deadlines?");
  out.add("Who are the negotiators?");
  out.add("List the rounds of talks");
  return [...out];
}

/** Up to 25 answerable questions that fit what the user has typed so far. */
export function suggestedQuestions(engine: Engine, typed: string, limit = 25): string[] {
  let entry = cache.get(engine);
  if (!entry) {
    const all = phrasings(engine);
    entry = { all, fuse: new Fuse(all, { ignoreLocation: true, threshold: 0.4 }) };
    cache.set(engine, entry);
  }
  const query = normalize(typed).slice(0, 32);
  if (!query) return entry.all.slice(0, limit);
  const prefixed = entry.all.filter((q) => normalize(q).includes(query));
  const fuzzy = entry.fuse.search(query, { limit }).map((r) => r.item);
  const merged = [...new Set([typed.trim(), ...prefixed, ...fuzzy])].filter(
    (q) => q.length >= 1 && q.length <= 100,
  );
  return merged.slice(0, limit);
}
