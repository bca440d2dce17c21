import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import { reply } from "../src/core/reply.ts";
import { normalize } from "../src/core/text.ts";

const MAX_SOURCES = 15;

export default defineCommand({
  name: "sources",
  description: "The sources Parley cites, with publisher, date, reliability and link",
  options: [
    {
      name: "filter",
      description: "Only sources whose title or publisher contains this",
      type: "string",
      required: false,
    },
  ],
  args: z.object({ filter: z.string().max(100).optional() }),
  access: "everyone",
  examples: ["sources", "sources reuters"],
  run: (args, { engine }) => {
    const f = args.filter ? normalize(args.filter) : "";
    const found = engine.kb.sources
      .filter((s) => !f || normalize(`${s.title} ${s.publisher} ${s.id}`).includes(f))
      .sort((a, b) => (b.published ?? b.covers ?? "").localeCompare(a.published ?? a.covers ?? ""));
    if (found.length === 0)
      return reply("refusal", `No source matches “${args.filter}”.`, { suggestions: ["sources"] });
    const citations = found.slice(0, MAX_SOURCES).map((s) => ({
      source: s.id,
      title: s.title,
      publisher: s.publisher,
      date: s.published ?? s.covers ?? null,
      locator: null,
      url: s.url ?? null,
      reliability: s.reliability ?? null,
    }));
    const items = citations.map((c, i) => ({
      text: `${c.title} — ${c.publisher}${c.date ? `, ${formatDate(c.date)}` : ""}${c.reliability ? ` (reliability ${c.reliability})` : ""}`,
      citations: [i + 1],
    }));
    const more =
      found.length > MAX_SOURCES
        ? ` Showing the ${MAX_SOURCES} newest; narrow with a filter (e.g. “sources reuters”).`
        : "";
    return reply("list", `${found.length} source${found.length === 1 ? "" : "s"}.${more}`, {
      title: "Sources",
      items,
      citations,
    });
  },
});
