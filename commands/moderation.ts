import { type Reply, reply } from "../src/core/reply.ts";
import type { ReloadReport } from "../src/core/services.ts";

const MAX_PROBLEMS = 15;

/** Problems as moderators read them: file:line:column, the entry, the field, what is wrong. */
export function describeProblems(problems: ReloadReport["problems"]): Reply["items"] {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => {
    const who = p.id ? `${p.kind ?? "entry"} "${p.id}" ` : "";
    const field = p.path ? `field ${p.path}: ` : "";
    return { text: `${p.file}:${p.line}:${p.column} ${who}${field}${p.message}`, citations: [] };
  });
  if (problems.length > MAX_PROBLEMS)
    lines.push({ text: `… and ${problems.length - MAX_PROBLEMS} more (npm run kb:check)`, citations: [] });
  return lines;
}

/** When a process runs without the live knowledge or the database (e.g. a one-off script). */
export function unavailable(what: string): Reply {
  return reply("refusal", `“${what}” is not available in this process.`, { private: true });
}
