import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";
import { describeProblems, unavailable } from "./moderation.ts";

export default defineCommand({
  name: "reload",
  description: "Moderators: reload the knowledge files now and report the result",
  options: [],
  args: z.object({}),
  access: "moderator",
  examples: ["reload"],
  run: async (_args, { services }) => {
    if (!services.reload) return unavailable("reload");
    const r = await services.reload();
    if (!r.ok) {
      return reply(
        "refusal",
        `The knowledge files have ${r.problems.length} problem(s); still serving version ${r.version}.`,
        {
          title: "Reload failed",
          items: describeProblems(r.problems),
          private: true,
        },
      );
    }
    return reply(
      "info",
      r.changed
        ? `Reloaded: now serving version ${r.version}.`
        : `No changes: still serving version ${r.version}.`,
      {
        title: "Reload",
        private: true,
      },
    );
  },
});
