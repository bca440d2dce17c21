import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import { reply } from "../src/core/reply.ts";

export default defineCommand({
  name: "help",
  description: "What Parley can do, with example questions",
  options: [],
  args: z.object({}),
  access: "everyone",
  examples: ["help"],
  run: (_args, { engine, commands, request }) => {
    const visible = commands.filter((c) => c.access === "everyone" || request.moderator);
    const asOf = engine.index.asOf ? ` My sources run up to ${formatDate(engine.index.asOf)}.` : "";
    return reply(
      "info",
      `I answer questions about the 2025–2026 US–China economic and trade talks — Bessent, Greer and He Lifeng; Geneva, London, Stockholm, Madrid and after; TikTok, tariffs, the truce, rare earths and export controls — with the source of every answer.${asOf}`,
      {
        title: "Parley",
        items: visible.map((c) => ({
          text: `${c.name} — ${c.description}. e.g. ${c.examples.join(" · ")}`,
          citations: [],
        })),
        suggestions: [
          "When is the TikTok divestment deadline?",
          "Who said “very good at the highest levels”?",
          "Where were the Madrid talks held?",
        ],
      },
    );
  },
});
