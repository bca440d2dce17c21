import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/core/reply.ts";
import { describeProblems } from "./moderation.ts";

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days}d ${hours % 24}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}

export default defineCommand({
  name: "status",
  description: "Moderators: the knowledge version, counts, last reload and uptime",
  options: [],
  args: z.object({}),
  access: "moderator",
  examples: ["status"],
  run: (_args, { engine, services, now }) => {
    const s = services.knowledgeStatus?.();
    const counts = s?.counts ?? {};
    const fields = [
      { name: "Version", value: s?.version ?? engine.kb.version },
      {
        name: "Counts",
        value:
          Object.entries(counts)
            .map(([k, n]) => `${k} ${n}`)
            .join(", ") || "—",
      },
      { name: "Loaded", value: s ? s.loadedAt.toISOString() : "—" },
      { name: "Uptime", value: s ? duration(now.getTime() - s.startedAt.getTime()) : "—" },
    ];
    const last = s?.lastReload;
    if (last)
      fields.push({
        name: "Last reload",
        value: `${last.at.toISOString()} — ${last.ok ? (last.changed ? "new version" : "no change") : `failed, ${last.problems.length} problem(s)`}`,
      });
    return reply("info", `Serving knowledge version ${s?.version ?? engine.kb.version}.`, {
      title: "Parley status",
      fields,
      items: last && !last.ok ? describeProblems(last.problems) : [],
      private: true,
    });
  },
});
