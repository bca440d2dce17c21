import { parseArgs } from "node:util";
import { loadKnowledgeDir } from "../knowledge/load.ts";
import { knowledgeDir } from "../knowledge/location.ts";
import { formatProblem } from "../knowledge/problems.ts";
import { countsOf } from "../knowledge/types.ts";
import { quietOnClosedPipe } from "./pipe.ts";

quietOnClosedPipe();

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, dir: { type: "string" } },
  allowPositionals: false,
});
const dir = values.dir ?? knowledgeDir();
const result = await loadKnowledgeDir(dir);

if (values.json) {
  const counts = result.ok
    ? countsOf(result.kb)
    : { facts: 0, quotes: 0, deadlines: 0, people: 0, events: 0, sources: 0, topics: 0 };
  const problems = result.problems.map(({ file, line, column, id, path, message }) => ({
    file,
    line,
    column,
    id,
    path,
    message,
  }));
  process.stdout.write(`${JSON.stringify({ ok: result.ok, counts, problems })}\n`);
} else if (result.ok) {
  const counts = countsOf(result.kb);
  const lines = Object.entries(counts).map(([kind, n]) => `  ${kind.padEnd(10)} ${n}`);
  const dates = result.kb.sources.map((s) => s.published ?? s.covers ?? "").sort();
  console.log(`Knowledge in ${dir} is valid (version ${result.kb.version}).`);
  console.log(lines.join("\n"));
  console.log(`  sources dated ${dates[0]} to ${dates[dates.length - 1]}; the newest:`);
  for (const s of [...result.kb.sources]
    .sort((a, b) => (b.published ?? b.covers ?? "").localeCompare(a.published ?? a.covers ?? ""))
    .slice(0, 5)) {
    console.log(`    ${s.published ?? s.covers}  ${s.id}  ${s.publisher}`);
  }
} else {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(
    `\n${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${dir}; nothing was changed.`,
  );
}
process.exitCode = result.ok ? 0 : 1;
