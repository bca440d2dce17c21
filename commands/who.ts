import { z } from "zod";
import { CitationList } from "../src/core/citations.ts";
import { type Choice, defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import type { Engine } from "../src/core/engine.ts";
import { reply } from "../src/core/reply.ts";
import { normalize } from "../src/core/text.ts";

function people(engine: Engine, typed: string): Choice[] {
  const t = normalize(typed);
  return engine.kb.people
    .filter((p) => !t || [p.name, ...p.aliases].some((n) => normalize(n).includes(t)))
    .slice(0, 25)
    .map((p) => ({ name: p.name, value: p.id }));
}

export default defineCommand({
  name: "who",
  description: "A person or organization: role at the time, affiliation, quotes and events",
  options: [
    {
      name: "name",
      description: "Name or alias (e.g. He Lifeng, 何立峰, USTR)",
      type: "string",
      required: true,
      autocomplete: people,
    },
  ],
  args: z.object({ name: z.string().min(1).max(100) }),
  access: "everyone",
  examples: ["who he lifeng", "who greer"],
  run: (args, { engine }) => {
    const kb = engine.kb;
    const direct = kb.byId.get(args.name);
    const id =
      direct?.kind === "people"
        ? args.name
        : engine.resolve(args.name).find((r) => kb.byId.get(r)?.kind === "people");
    const entry = id ? kb.byId.get(id) : undefined;
    if (entry?.kind !== "people") {
      return reply("refusal", `I don't have anyone called “${args.name}” in my sources.`, {
        suggestions: people(engine, args.name.slice(0, 3))
          .slice(0, 3)
          .map((c) => `who ${c.name}`),
      });
    }
    const p = entry.value;
    const citations = new CitationList(kb);
    citations.add(p.cite, 2);
    const fields = [];
    if (p.affiliation) fields.push({ name: "Affiliation", value: p.affiliation });
    if (p.country) fields.push({ name: "Country", value: p.country });
    if (p.aliases.length) fields.push({ name: "Also written", value: p.aliases.slice(0, 10).join(", ") });
    const events = kb.events
      .filter((e) => e.participants.includes(p.id) && e.kind !== "session")
      .sort((a, b) => a.start.localeCompare(b.start));
    const items = events.slice(0, 8).map((e) => {
      const n = citations.add(e.cite, 1);
      return { text: `${formatDate(e.start)} — ${e.title}`, citations: n ? [n] : [] };
    });
    for (const q of kb.quotes.filter((q) => q.speaker === p.id).slice(0, 3)) {
      const n = citations.add(q.cite, 1);
      items.push({ text: `Said (${formatDate(q.date)}): “${q.text}”`, citations: n ? [n] : [] });
    }
    return reply("info", `${p.name}${p.role ? ` — ${p.role}` : ""}.`, {
      title: p.name,
      fields,
      items,
      citations: citations.items,
    });
  },
});
