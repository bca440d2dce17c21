import type { SearchIndex } from "./search-index.ts";
import { normalize } from "./text.ts";

/** A role that heads what it names ("Minister of Commerce", "US Treasury Secretary", "CEO of …"). */
const HEAD_ROLE =
  /\b(minister|secretary|director|director-general|chairman|chair|president|ceo|chief executive|head|governor|administrator|representative)\b/i;
/** …unless it is a deputy's or an aide's ("Vice Minister", "Press Secretary", "Chief of Staff"). */
const NOT_HEAD = /\b(vice|deputy|assistant|press|former|spokes\w*|security|of staff)\b/i;

const cache = new WeakMap<SearchIndex, Map<string, string[]>>();

/** The organizations an affiliation names: the whole of it, or what it gives in brackets ("(MOFCOM)"). */
function organizationsOf(affiliation: string, index: SearchIndex): readonly string[] {
  const whole = index.names.exact(normalize(affiliation));
  if (whole.length > 0) return whole;
  const bracketed = /\(([^)]+)\)/.exec(affiliation)?.[1];
  return bracketed ? index.names.exact(normalize(bracketed)) : [];
}

/**
 * The people who head an organization ("who runs MOFCOM" → the Minister of Commerce), read once per
 * index from each person's role and affiliation.
 */
export function headsOf(index: SearchIndex, organization: string): readonly string[] {
  let heads = cache.get(index);
  if (!heads) {
    heads = new Map();
    for (const p of index.kb.people) {
      if (p.kind !== "person" || !p.role || !p.affiliation) continue;
      const title = p.role.split(";")[0] as string;
      if (!HEAD_ROLE.test(title) || NOT_HEAD.test(title)) continue;
      for (const org of organizationsOf(p.affiliation, index))
        heads.set(org, [...(heads.get(org) ?? []), p.id]);
    }
    cache.set(index, heads);
  }
  return heads.get(organization) ?? [];
}
