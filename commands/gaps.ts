import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";
import { unavailable } from "./moderation.ts";

export default defineCommand({
  name: "gaps",
  description: "Moderators: the most frequent unanswered questions recently",
  options: [
    { name: "days", description: "How far back to look (default 30)", type: "integer", required: false },
  ],
  args: z.object({ days: z.coerce.number().int().min(1).max(3650).default(30) }),
  access: "moderator",
  examples: ["gaps", "gaps 7"],
  run: (args, { services }) => {
    if (!services.gaps) return unavailable("gaps");
    const groups = services.gaps(args.days);
    if (groups.length === 0)
      return reply("info", `No unanswered questions in the last ${args.days} days.`, {
        title: "Gaps",
        private: true,
      });
    return reply(
      "info",
      `The questions Parley could not answer in the last ${args.days} days, most asked first.`,
      {
        title: "Gaps",
        items: groups.map((g) => ({
          text: `${g.count}× “${g.question}” (${g.askers} asker${g.askers === 1 ? "" : "s"}, last ${g.last.slice(0, 10)})${g.variants.length ? ` — also: ${g.variants.map((v) => `“${v}”`).join(", ")}` : ""}`,
          citations: [],
        })),
        private: true,
      },
    );
  },
});
