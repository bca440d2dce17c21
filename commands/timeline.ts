import { z } from "zod";
import { CitationList } from "../src/core/citations.ts";
import { defineCommand } from "../src/core/command.ts";
import { formatDate, formatRange } from "../src/core/dates.ts";
import { eventsInOrder } from "../src/core/describe.ts";
import { reply } from "../src/core/reply.ts";
import { isoDate } from "../src/knowledge/schema.ts";

const MAX_LINES = 30;

export default defineCommand({
  name: "timeline",
  description: "The talks in date order: rounds, calls, meetings and deadline changes",
  options: [
    { name: "from", description: "Start date, e.g. 2025-09 or 2025-09-14", type: "string", required: false },
    { name: "to", description: "End date, e.g. 2025-12", type: "string", required: false },
  ],
  args: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
  access: "everyone",
  examples: ["timeline", "timeline from:2025-09 to:2025-11"],
  run: (args, { engine }) => {
    const kb = engine.kb;
    // "to: 2025-11" means to the end of November.
    const to = args.to && args.to.length === 7 ? `${args.to}-31` : args.to;
    const citations = new CitationList(kb);
    const lines: { date: string; text: string; citations: number[] }[] = [];
    for (const e of eventsInOrder(kb, args.from, to).filter((e) => e.kind !== "session")) {
      const n = citations.add(e.cite, 1);
      const status = e.status === "held" ? "" : ` (${e.status})`;
      lines.push({
        date: e.start,
        text: `${formatRange(e.start, e.end)} — ${e.title}${status}`,
        citations: n ? [n] : [],
      });
    }
    for (const d of kb.deadlines) {
      for (const h of d.history) {
        if ((args.from && h.date < args.from) || (to && h.date > to)) continue;
        const n = citations.add(h.cite.length ? h.cite : d.cite, 1);
        lines.push({
          date: h.date,
          text: `${formatDate(h.date)} — Deadline change: ${h.change}`,
          citations: n ? [n] : [],
        });
      }
    }
    lines.sort((a, b) => a.date.localeCompare(b.date));
    if (lines.length === 0)
      return reply("refusal", "Nothing in my sources falls between those dates.", {
        suggestions: ["timeline"],
      });
    const shown = lines.slice(0, MAX_LINES);
    const more =
      lines.length > MAX_LINES ? ` Showing the first ${MAX_LINES}; narrow it with from: and to:.` : "";
    return reply("list", `${lines.length} entries in date order.${more}`, {
      title: "Timeline",
      items: shown.map(({ text, citations: c }) => ({ text, citations: c })),
      citations: citations.items,
    });
  },
});
