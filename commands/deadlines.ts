import { z } from "zod";
import { CitationList } from "../src/core/citations.ts";
import { defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import { deadlineStatus, deadlinesByRelevance, nameOf } from "../src/core/describe.ts";
import { reply } from "../src/core/reply.ts";

export default defineCommand({
  name: "deadlines",
  description: "Every deadline with its status today: upcoming, passed or replaced",
  options: [
    {
      name: "about",
      description: "Only deadlines about this (e.g. tiktok, tariffs)",
      type: "string",
      required: false,
    },
  ],
  args: z.object({ about: z.string().max(100).optional() }),
  access: "everyone",
  examples: ["deadlines", "deadlines tiktok"],
  run: (args, { engine, now }) => {
    const kb = engine.kb;
    const filter = args.about ? new Set(engine.resolve(args.about)) : null;
    const chosen = deadlinesByRelevance(kb, now).filter(
      (d) => !filter || d.about.some((id) => filter.has(id)) || filter.has(d.id),
    );
    if (chosen.length === 0)
      return reply("refusal", `I have no deadlines about “${args.about}”.`, { suggestions: ["deadlines"] });
    const citations = new CitationList(kb);
    const items = chosen.map((d) => {
      const n = citations.add(d.cite, 1);
      const by = d.set_by.map((id) => nameOf(kb, id)).join(", ");
      return {
        text: `${formatDate(d.due)} — ${d.what} (${deadlineStatus(kb, d, now)}; set by ${by})`,
        citations: n ? [n] : [],
      };
    });
    return reply(
      "list",
      `${chosen.length} deadline${chosen.length === 1 ? "" : "s"}, most relevant first, as of ${formatDate(now.toISOString().slice(0, 10))}.`,
      {
        title: "Deadlines",
        items,
        citations: citations.items,
      },
    );
  },
});
