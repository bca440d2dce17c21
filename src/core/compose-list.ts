import type { KnowledgeBase } from "../knowledge/types.ts";
import { CitationList } from "./citations.ts";
import type { Composition } from "./compose.ts";
import { byRelevance, chainAsOf, inOrder, negotiatorsOf } from "./compose-cache.ts";
import { formatDate, formatRange } from "./dates.ts";
import { describeDeadline, describeEvent } from "./describe.ts";
import type { Analysis } from "./understand.ts";

/**
 * The most lines a list answer gives. Every list stops there, as the timeline always has: a chat
 * message of a thousand rounds is no answer, and its citations alone take quadratic time to gather.
 */
const LONGEST_LIST = 12;

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
      for (const d of pool.filter((d) => !d.superseded_by).slice(0, LONGEST_LIST)) {
        const chain = chainAsOf(kb, d, now);
        const moved = chain.length > 1 ? ` (moved: ${chain.map((c) => formatDate(c.due)).join(" → ")})` : "";
        lines.push(`${describeDeadline(kb, d, now)}${moved}`);
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
      for (const e of inOrder(kb)
        .filter((e) => e.kind === "call")
        .slice(0, LONGEST_LIST)) {
        lines.push(describeEvent(e));
        citations.add(e.cite, 1);
        entries.push(e.id);
      }
      break;
    case "rounds":
      for (const e of inOrder(kb)
        .filter((e) => e.kind === "round")
        .slice(0, LONGEST_LIST)) {
        lines.push(describeEvent(e));
        citations.add(e.cite, 1);
        entries.push(e.id);
      }
      break;
    case "events":
      for (const e of inOrder(kb)
        .filter((e) => e.kind !== "session")
        .slice(0, LONGEST_LIST)) {
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
