import type { KnowledgeBase } from "../knowledge/types.ts";
import { eventsWith } from "./compose-cache.ts";
import { sideOf } from "./entry-text.ts";

/**
 * Someone's counterpart ("Bessent's opposite number"): of the people on the other side, the one
 * who took part in the most of the same events. Undefined when no one on the other side did.
 */
export function counterpartOf(kb: KnowledgeBase, personId: string): string | undefined {
  const person = kb.byId.get(personId);
  if (person?.kind !== "people") return undefined;
  const side = sideOf(person.value.country);
  if (!side) return undefined;
  const together = new Map<string, number>();
  for (const event of eventsWith(kb, personId))
    for (const id of new Set(event.participants)) {
      const other = kb.byId.get(id);
      if (other?.kind !== "people" || other.value.kind !== "person") continue;
      const otherSide = sideOf(other.value.country);
      if (otherSide && otherSide !== side) together.set(id, (together.get(id) ?? 0) + 1);
    }
  let best: string | undefined;
  for (const [id, count] of together) if (!best || count > (together.get(best) as number)) best = id;
  return best;
}
