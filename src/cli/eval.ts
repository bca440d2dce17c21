import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadEngine } from "../core/load-engine.ts";
import { evaluate, rate, readQuestions } from "../eval/run-eval.ts";
import { quietOnClosedPipe } from "./pipe.ts";

quietOnClosedPipe();

const { values } = parseArgs({
  options: { file: { type: "string" }, quiet: { type: "boolean", default: false } },
});
const file = values.file ?? fileURLToPath(new URL("../../test/eval/questions.yaml", import.meta.url));
const report = evaluate(await loadEngine(), await readQuestions(file));
const pct = (t: { total: number; correct: number }) =>
  `${(rate(t) * 100).toFixed(1)}% (${t.correct}/${t.total})`;

console.log(`Answered correctly with a citation: ${pct(report.answerable)}`);
console.log(`Correctly refused:                  ${pct(report.refusals)}`);
const refusedAll = report.outcomes.filter((o) => !o.answer.answered).length;
console.log(
  `Refusal rate overall:               ${((refusedAll / report.outcomes.length) * 100).toFixed(1)}%`,
);
console.log("\nBy kind:");
for (const [kind, t] of [...report.byKind].sort()) console.log(`  ${kind.padEnd(9)} ${pct(t)}`);
const misses = report.outcomes.filter((o) => !o.pass);
if (!values.quiet && misses.length) {
  console.log(`\nMisses (${misses.length}):`);
  for (const o of misses) {
    console.log(
      `- [${o.question.kind}] ${o.question.q}\n    ${o.why}\n    got: ${o.answer.text.split("\n")[0]?.slice(0, 220)}`,
    );
  }
}
process.exitCode = rate(report.answerable) >= 0.95 && rate(report.refusals) >= 0.95 ? 0 : 1;
