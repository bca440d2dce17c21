import type { Deadline, Event } from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { CitationList } from "./citations.ts";
import type { Composition } from "./compose.ts";
import { byRelevance, chainAsOf, eventList, inOrder, negotiatorsOf } from "./compose-cache.ts";
import { formatDate, formatRange } from "./dates.ts";
import { deadlineSetBy, describeDeadline, describeEvent } from "./describe.ts";
import { terms } from "./text.ts";
import type { Analysis } from "./understand.ts";

/**
 * The most lines a list answer gives. Every list stops there, as the timeline always has: a chat
 * message of a thousand rounds is no answer, and its citations alone take quadratic time to gather.
 */
const LONGEST_LIST = 12;

/**
 * Share of their content words (of both together) two same-day entries have in common when they
 * are the same thing told twice. Different things on the same day share less than half in the
 * shipped knowledge ("End of the one-year hold…" and "End of China's one-year suspension…").
 */
const SAME_THING = 0.5;

/**
 * The first LONGEST_LIST items, leaving out any that repeats one already taken: the same date and
 * mostly the same words ("Geneva talks" told by several sources). A list of twelve reports of one
 * round is no list of rounds.
 */
function distinct<T>(items: readonly T[], dateOf: (item: T) => string, textOf: (item: T) => string): T[] {
  const taken: { item: T; date: string; words?: Set<string> }[] = [];
  for (const item of items) {
    if (taken.length === LONGEST_LIST) break;
    const date = dateOf(item);
    const sameDay = taken.filter((t) => t.date === date);
    if (sameDay.length > 0) {
      const words = new Set(terms(textOf(item)));
      const repeats = sameDay.some((t) => {
        t.words ??= new Set(terms(textOf(t.item)));
        let shared = 0;
        for (const w of words) if (t.words.has(w)) shared++;
        return shared >= SAME_THING * (words.size + t.words.size - shared);
      });
      if (repeats) continue;
    }
    taken.push({ item, date });
  }
  return taken.map((t) => t.item);
}

/** The events that pass a test, in order, each told once (see distinct); `name` names the list. */
const distinctEvents = (kb: KnowledgeBase, name: string, test: (e: Event) => boolean) =>
  eventList(kb, name, () =>
    distinct(
      inOrder(kb).filter(test),
      (e) => e.start,
      (e) => e.title,
    ),
  );

/** Answers to "what are the deadlines", "who are the negotiators", "list the rounds". */
export function composeList(kb: KnowledgeBase, analysis: Analysis, now: Date): Composition | null {
  const citations = new CitationList(kb);
  const lines: string[] = [];
  const entries: string[] = [];
  switch (analysis.list) {
    case "deadlines": {
      // Narrowed to what the question names ("TikTok deadline extensions"), else every deadline.
      const named = new Set(analysis.mentions.map((m) => m.id));
      const relevant = byRelevance(kb, now).filter(
        (d) => named.size === 0 || d.about.some((id) => named.has(id)),
      );
      const pool = relevant.length ? relevant : byRelevance(kb, now);
      // A chain of extensions is one deadline: list its latest link, with the dates it moved through.
      const latest = pool.filter((d) => !d.superseded_by);
      for (const d of distinct(
        latest,
        (d) => d.due,
        (d) => d.what,
      )) {
        const chain = chainAsOf(kb, d, now);
        // Asked who set them ("the EO numbers of the extensions"), each move says by what act.
        const step = (c: Deadline) =>
          analysis.asksOrigin && c.instrument ? `${formatDate(c.due)} (${c.instrument})` : formatDate(c.due);
        const moved = chain.length > 1 ? ` (moved: ${chain.map(step).join(" → ")})` : "";
        const origin = analysis.asksOrigin && chain.length <= 1 ? ` ${deadlineSetBy(kb, d)}` : "";
        lines.push(`${describeDeadline(kb, d, now)}${moved}${origin}`);
        for (const link of chain) citations.add(link.cite, 1);
        entries.push(d.id);
      }
      break;
    }
    case "people":
      for (const { person, rounds } of negotiatorsOf(kb).slice(0, 6)) {
        lines.push(
          `${person.name} — ${person.role ?? person.affiliation ?? ""} (${rounds} round${rounds === 1 ? "" : "s"})`,
        );
        citations.add(person.cite, 1);
        entries.push(person.id);
      }
      break;
    case "participants": {
      const eventId = analysis.mentions.map((m) => m.id).find((id) => kb.byId.get(id)?.kind === "events");
      const event = eventId ? kb.byId.get(eventId) : undefined;
      if (event?.kind !== "events" || event.value.participants.length === 0) return null;
      const bySide = new Map<string, string[]>();
      for (const id of event.value.participants) {
        const p = kb.byId.get(id);
        if (p?.kind !== "people") continue;
        const side = p.value.country ?? "Other";
        bySide.set(side, [...(bySide.get(side) ?? []), p.value.name]);
      }
      lines.push(
        `${event.value.title} (${formatRange(event.value.start, event.value.end)}) — who took part:`,
      );
      for (const [side, names] of bySide) lines.push(`${side}: ${names.join(", ")}`);
      citations.add(event.value.cite, 4);
      entries.push(event.value.id);
      break;
    }
    case "calls":
      for (const e of distinctEvents(kb, "calls", (e) => e.kind === "call")) {
        lines.push(describeEvent(e));
        citations.add(e.cite, 1);
        entries.push(e.id);
      }
      break;
    case "rounds":
      for (const e of distinctEvents(kb, "rounds", (e) => e.kind === "round")) {
        lines.push(describeEvent(e));
        citations.add(e.cite, 1);
        entries.push(e.id);
      }
      break;
    case "events":
      for (const e of distinctEvents(kb, "events", (e) => e.kind !== "session")) {
        lines.push(describeEvent(e));
        citations.add(e.cite, 1);
        entries.push(e.id);
      }
      break;
    default:
      return null;
  }
  if (lines.length === 0) return null;
  return { lead: lines.join("\n"), entries, quote: null, citations };
}
