import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";
import { unavailable } from "./moderation.ts";

export default defineCommand({
  name: "feedback",
  description: "Moderators: recent 👎 answers with their questions",
  options: [
    { name: "days", description: "How far back to look (default 30)", type: "integer", required: false },
  ],
  args: z.object({ days: z.coerce.number().int().min(1).max(3650).default(30) }),
  access: "moderator",
  examples: ["feedback", "feedback 7"],
  run: (args, { services }) => {
    if (!services.dislikes) return unavailable("feedback");
    const disliked = services.dislikes(args.days);
    if (disliked.length === 0)
      return reply("info", `No 👎 in the last ${args.days} days.`, { title: "Feedback", private: true });
    return reply("info", `Answers people disliked in the last ${args.days} days, most disliked first.`, {
      title: "Feedback",
      items: disliked.map((d) => ({
        text: `👎 ${d.dislikes}${d.likes ? ` / 👍 ${d.likes}` : ""} — “${d.question}” → ${d.answer.slice(0, 200)}`,
        citations: [],
      })),
      private: true,
    });
  },
});
