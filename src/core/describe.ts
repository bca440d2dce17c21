import type { Deadline, Event, Person, Quote } from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { daysFrom, formatDate, formatRange, relativeDay } from "./dates.ts";

/** One-line descriptions of entries, shared by answers and by the list commands. */

export function nameOf(kb: KnowledgeBase, id: string): string {
  const entry = kb.byId.get(id);
  if (!entry) return id;
  switch (entry.kind) {
    case "people":
    case "topics":
      return entry.value.name;
    case "events":
      return entry.value.title;
    case "deadlines":
      return entry.value.what;
    default:
      return id;
  }
}

/** When a deadline was replaced: the first recorded change of its successor, else its own last change. */
function replacedOn(kb: KnowledgeBase, d: Deadline): string {
  const next = d.superseded_by ? kb.byId.get(d.superseded_by) : undefined;
  const dates = next?.kind === "deadlines" ? next.value.history.map((h) => h.date).sort() : [];
  return (
    dates[0] ??
    d.history
      .map((h) => h.date)
      .sort()
      .pop() ??
    d.due
  );
}

/**
 * A deadline's status as of `now`. The knowledge records how things turned out; what was known on
 * a given day is worked out from the dates, so a question asked before an extension hears "in 3 days".
 */
export function deadlineStatus(kb: KnowledgeBase, d: Deadline, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const next = d.superseded_by ? kb.byId.get(d.superseded_by) : undefined;
  if (next?.kind === "deadlines" && replacedOn(kb, d) <= today) {
    const verb = d.status === "extended" ? "extended" : "superseded";
    return `${verb} — replaced by ${formatDate(next.value.due)} (${relativeDay(now, next.value.due)})`;
  }
  const passed = daysFrom(now, d.due) < 0;
  if (!passed) return relativeDay(now, d.due);
  if (d.status === "met") return "met";
  if (d.status === "moot") return `moot; its date passed ${-daysFrom(now, d.due)} days ago`;
  if (d.status === "lapsed") return `lapsed, ${relativeDay(now, d.due).replace(/^passed, /, "")}`;
  if (d.status === "superseded" || d.status === "extended") return `${d.status}; ${relativeDay(now, d.due)}`;
  return relativeDay(now, d.due);
}

export function describeDeadline(kb: KnowledgeBase, d: Deadline, now: Date): string {
  const time = d.time ? ` ${d.time}${d.timezone ? ` ${d.timezone}` : ""}` : "";
  return `${d.what}: due ${formatDate(d.due)}${time} — ${deadlineStatus(kb, d, now)}.`;
}

/** An event's title after a preposition: "the Madrid talks", but "Trump's state visit", not "the Trump's…". */
export function theTitle(title: string): string {
  if (title.startsWith("The ")) return `the ${title.slice(4)}`;
  return /^\S+['’]s\s/.test(title) ? title : `the ${title}`;
}

/** Who set a deadline and by what ("Set by Donald Trump: Executive Order 14350."). */
export function deadlineSetBy(kb: KnowledgeBase, d: Deadline): string {
  const who = d.set_by.map((id) => nameOf(kb, id)).join(" and ");
  return `Set by ${who}${d.instrument ? `: ${d.instrument}` : ""}.`;
}

export function describeEvent(e: Event): string {
  const place = e.place ? `, ${e.place}` : "";
  const status = e.status === "held" ? "" : ` (${e.status})`;
  return `${e.title}${status}: ${formatRange(e.start, e.end)}${place}.`;
}

export function describePerson(p: Person): string {
  const role = p.role ? `: ${p.role}` : "";
  const affiliation = p.affiliation && !(p.role ?? "").includes(p.affiliation) ? ` (${p.affiliation})` : "";
  return `${p.name}${role}${affiliation}.`;
}

export function describeQuote(kb: KnowledgeBase, q: Quote): string {
  const occasion = q.occasion ? `, ${q.occasion}` : "";
  const disputed = q.attribution === "disputed" ? " (attribution disputed)" : "";
  return `${nameOf(kb, q.speaker)}${disputed}, ${formatDate(q.date)}${occasion}: “${q.text}”`;
}

/** Most relevant first: upcoming soonest, then the most recently passed, superseded ones last. */
export function deadlinesByRelevance(kb: KnowledgeBase, now: Date): Deadline[] {
  const weight = (d: Deadline) => {
    const days = daysFrom(now, d.due);
    const replaced = d.superseded_by ? 1 : 0;
    if (days >= 0 && !replaced) return days;
    return 100_000 * (1 + replaced) - days;
  };
  return [...kb.deadlines].sort((a, b) => weight(a) - weight(b));
}

export function eventsInOrder(kb: KnowledgeBase, from?: string, to?: string): Event[] {
  return kb.events
    .filter((e) => (!from || (e.end ?? e.start) >= from) && (!to || e.start <= to))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/** The people who took part in rounds of talks, most rounds first. */
export function negotiators(kb: KnowledgeBase): { person: Person; rounds: number }[] {
  const counts = new Map<string, number>();
  for (const e of kb.events) {
    if (e.kind !== "round") continue;
    for (const id of e.participants) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, rounds]) => ({ entry: kb.byId.get(id), rounds }))
    .flatMap(({ entry, rounds }) =>
      entry?.kind === "people" && entry.value.kind === "person" ? [{ person: entry.value, rounds }] : [],
    )
    .sort((a, b) => b.rounds - a.rounds || a.person.name.localeCompare(b.person.name));
}

/** The chain as it stood on `now`: later replacements had not been made yet. */
export function deadlineChainAsOf(kb: KnowledgeBase, d: Deadline, now: Date): Deadline[] {
  const today = now.toISOString().slice(0, 10);
  const chain = deadlineChain(kb, d);
  const known: Deadline[] = [];
  for (const link of chain) {
    known.push(link);
    if (link.superseded_by && replacedOn(kb, link) > today) break;
  }
  return known;
}

/** The deadlines this one replaced and those that replaced it, oldest first. */
export function deadlineChain(kb: KnowledgeBase, d: Deadline): Deadline[] {
  const previous = new Map<string, Deadline>();
  for (const other of kb.deadlines) if (other.superseded_by) previous.set(other.superseded_by, other);
  const chain: Deadline[] = [d];
  const seen = new Set([d.id]);
  for (let p = previous.get(d.id); p && !seen.has(p.id); p = previous.get(p.id)) {
    chain.unshift(p);
    seen.add(p.id);
  }
  for (let next = d.superseded_by; next && !seen.has(next); ) {
    const entry = kb.byId.get(next);
    if (entry?.kind !== "deadlines") break;
    chain.push(entry.value);
    seen.add(next);
    next = entry.value.superseded_by;
  }
  return chain;
}
