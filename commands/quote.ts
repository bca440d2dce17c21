import { z } from "zod";
import { CitationList } from "../src/core/citations.ts";
import { type Choice, defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import { nameOf } from "../src/core/describe.ts";
import type { Engine } from "../src/core/engine.ts";
import { reply } from "../src/core/reply.ts";
import { normalize } from "../src/core/text.ts";

const MAX_QUOTES = 8;

function speakers(engine: Engine, typed: string): Choice[] {
  const ids = [...new Set(engine.kb.quotes.map((q) => q.speaker))];
  const t = normalize(typed);
  return ids
    .map((id) => ({ name: nameOf(engine.kb, id), value: id }))
    .filter((c) => !t || normalize(c.name).includes(t))
    .slice(0, 25);
}

function topics(engine: Engine, typed: string): Choice[] {
  const t = normalize(typed);
  return engine.kb.topics
    .map((topic) => ({ name: topic.name, value: topic.id }))
    .filter((c) => !t || normalize(c.name).includes(t))
    .slice(0, 25);
}

export default defineCommand({
  name: "quote",
  description: "Quotes, by speaker and/or subject, each with its date and source",
  options: [
    {
      name: "speaker",
      description: "Who said it (e.g. Greer)",
      type: "string",
      required: false,
      autocomplete: speakers,
    },
    {
      name: "about",
      description: "What it is about (e.g. tariffs)",
      type: "string",
      required: false,
      autocomplete: topics,
    },
  ],
  args: z.object({ speaker: z.string().max(100).optional(), about: z.string().max(100).optional() }),
  access: "everyone",
  examples: ["quote greer", "quote speaker:bessent about:tiktok"],
  run: (args, { engine }) => {
    const kb = engine.kb;
    const speakerIds = args.speaker
      ? new Set(kb.byId.has(args.speaker) ? [args.speaker] : engine.resolve(args.speaker))
      : null;
    const aboutIds = args.about
      ? new Set(kb.byId.has(args.about) ? [args.about] : engine.resolve(args.about))
      : null;
    const aboutWords = args.about ? normalize(args.about) : "";
    if (speakerIds && speakerIds.size === 0) {
      return reply("refusal", `I don't know anyone called “${args.speaker}”.`, {
        suggestions: speakers(engine, "")
          .slice(0, 3)
          .map((c) => `quote ${c.name}`),
      });
    }
    const found = kb.quotes
      .filter((q) => !speakerIds || speakerIds.has(q.speaker))
      .filter(
        (q) =>
          !aboutIds ||
          q.about.some((id) => aboutIds.has(id)) ||
          (aboutWords !== "" && normalize(q.text).includes(aboutWords)),
      )
      .sort((a, b) => b.date.localeCompare(a.date));
    if (found.length === 0) {
      const who = args.speaker ? ` from ${args.speaker}` : "";
      const what = args.about ? ` about ${args.about}` : "";
      return reply("refusal", `I have no quotes${who}${what} in my sources.`, {
        suggestions: ["quote greer", "quote bessent", "quote about:tiktok"],
      });
    }
    const citations = new CitationList(kb);
    const items = found.slice(0, MAX_QUOTES).map((q) => {
      const n = citations.add(q.cite, 1);
      const disputed = q.attribution === "disputed" ? " (attribution disputed)" : "";
      const occasion = q.occasion ? `, ${q.occasion}` : "";
      return {
        text: `“${q.text}” — ${nameOf(kb, q.speaker)}${disputed}, ${formatDate(q.date)}${occasion}`,
        citations: n ? [n] : [],
      };
    });
    const more = found.length > MAX_QUOTES ? ` Showing the ${MAX_QUOTES} most recent.` : "";
    return reply("list", `${found.length} quote${found.length === 1 ? "" : "s"}.${more}`, {
      title: "Quotes",
      items,
      citations: citations.items,
    });
  },
});
