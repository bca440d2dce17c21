import type { Deadline, Event, Person } from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { deadlineChainAsOf, deadlinesByRelevance, eventsInOrder, negotiators } from "./describe.ts";

/**
 * What answers read of the whole knowledge base (deadlines by relevance, each deadline's chain of
 * extensions, events in order, who took part in what, the negotiators, lists of events), worked
 * out once per knowledge base rather than on every question, as each scans every deadline or event. What depends on the date is kept for
 * the day (UTC) it was worked out on. The lists are shared: callers must not change them.
 */

interface Daily {
  day: string;
  byRelevance?: Deadline[];
  chains: Map<string, Deadline[]>;
}

interface Lasting {
  events?: Event[];
  /** Person id → the events (not sessions) they took part in, in the knowledge base's order. */
  participation?: Map<string, Event[]>;
  negotiators?: { person: Person; rounds: number }[];
  /** List answers of events ("list the rounds"), by the list's name. */
  eventLists: Map<string, Event[]>;
}

const daily = new WeakMap<KnowledgeBase, Daily>();
const lasting = new WeakMap<KnowledgeBase, Lasting>();

function today(kb: KnowledgeBase, now: Date): Daily {
  const day = now.toISOString().slice(0, 10);
  let cache = daily.get(kb);
  if (cache?.day !== day) {
    cache = { day, chains: new Map() };
    daily.set(kb, cache);
  }
  return cache;
}

function always(kb: KnowledgeBase): Lasting {
  let cache = lasting.get(kb);
  if (!cache) {
    cache = { eventLists: new Map() };
    lasting.set(kb, cache);
  }
  return cache;
}

export function chainAsOf(kb: KnowledgeBase, d: Deadline, now: Date): readonly Deadline[] {
  const cache = today(kb, now);
  let chain = cache.chains.get(d.id);
  if (!chain) {
    chain = deadlineChainAsOf(kb, d, now);
    cache.chains.set(d.id, chain);
  }
  return chain;
}

export function byRelevance(kb: KnowledgeBase, now: Date): readonly Deadline[] {
  const cache = today(kb, now);
  cache.byRelevance ??= deadlinesByRelevance(kb, now);
  return cache.byRelevance;
}

export function inOrder(kb: KnowledgeBase): readonly Event[] {
  const cache = always(kb);
  cache.events ??= eventsInOrder(kb);
  return cache.events;
}

/**
 * A list of events worked out once per knowledge base under its name: leaving out the repeats of
 * thousands of events takes longer than any question may.
 */
export function eventList(kb: KnowledgeBase, name: string, make: () => Event[]): readonly Event[] {
  const cache = always(kb);
  let list = cache.eventLists.get(name);
  if (!list) {
    list = make();
    cache.eventLists.set(name, list);
  }
  return list;
}

export function negotiatorsOf(kb: KnowledgeBase): readonly { person: Person; rounds: number }[] {
  const cache = always(kb);
  cache.negotiators ??= negotiators(kb);
  return cache.negotiators;
}

export function eventsWith(kb: KnowledgeBase, person: string): readonly Event[] {
  const cache = always(kb);
  if (!cache.participation) {
    cache.participation = new Map();
    for (const e of kb.events) {
      if (e.kind === "session") continue;
      for (const id of new Set(e.participants)) {
        const list = cache.participation.get(id);
        if (list) list.push(e);
        else cache.participation.set(id, [e]);
      }
    }
  }
  return cache.participation.get(person) ?? [];
}
