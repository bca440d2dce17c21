/**
 * `npm run bench`: how fast Parley answers, how much memory its index takes, and whether its answers
 * hold up as the knowledge grows from the shipped ~570 entries to 100,000, against a naive fuse.js
 * baseline in the same process. A report: it exits 0 whatever the figures are.
 *
 *   npm run bench                          shipped, 1,000, 10,000 and 100,000 entries
 *   npm run bench -- --sizes 1000,10000    only some generated sizes (the shipped knowledge always runs)
 *   npm run bench -- --full-naive          time the naive baseline on the whole mix at every size (slow)
 *
 * Each size is generated twice (see generate.ts): as "copies" of the shipped talks, on which speed
 * and memory are measured, and as other "worlds" (other talks), on which answers are judged.
 */
import { parseArgs } from "node:util";
import { loadKnowledgeDir } from "../knowledge/load.ts";
import { generateKnowledge } from "./generate.ts";
import {
  type Judged,
  judgeAll,
  type Plan,
  planFor,
  type Timed,
  timeAsks,
  timeBuilds,
  timeNaive,
} from "./measure.ts";
import { checkQuestions, QUESTIONS } from "./questions.ts";
import { report } from "./report.ts";
import { canCollect, heapUsedMb, msSince, type Summary } from "./stats.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    "full-naive": { type: "boolean", default: false },
  },
});

export interface Result extends Timed {
  plan: Plan;
  entries: number;
  docs: number;
  generateMs: number | null;
  buildMs: number;
  firstBuildMs: number;
  heapMb: number;
  indexMb: number;
  naive: Summary;
  naiveQuestions: number;
  /** Answers on the knowledge timed (the shipped one, or generated copies). */
  copies: Judged;
  /** Answers on generated other worlds of the same size (absent for the shipped knowledge). */
  worlds: (Judged & { buildMs: number }) | null;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  if (!canCollect) log("warning: run with --expose-gc (npm run bench does) for honest heap figures");
  checkQuestions(QUESTIONS);
  const sizes = (values.sizes ?? "")
    .split(",")
    .map((s) => Number(s.replaceAll("_", "").trim()))
    .filter((n) => Number.isFinite(n) && n > 0);
  const fullNaive = values["full-naive"] === true;
  const loaded = await loadKnowledgeDir("knowledge");
  if (!loaded.ok) {
    for (const p of loaded.problems) log(`${p.file}:${p.line}:${p.column} ${p.message}`);
    throw new Error("the shipped knowledge does not load; run npm run kb:check");
  }
  const shipped = loaded.kb;
  const started = process.hrtime.bigint();
  const results: Result[] = [];
  for (const size of [null, ...sizes]) {
    const plan = planFor(size, fullNaive);
    const reference = results[0]?.copies.verdicts ?? null;
    let kb = shipped;
    let generateMs: number | null = null;
    if (size !== null) {
      log(`· ${plan.label}: generating copies of the shipped talks…`);
      const generated = generateKnowledge(shipped, size, { mode: "copies" });
      kb = generated.kb;
      generateMs = generated.generateMs + generated.validateMs;
    }
    const entries = kb.byId.size;
    log(`· ${plan.label}: ${entries.toLocaleString("en-US")} entries — building the index…`);
    const before = heapUsedMb();
    const built = timeBuilds(kb, plan.builds);
    const heapMb = heapUsedMb();
    log(`· ${plan.label}: answering…`);
    const copies = judgeAll(built.engine, QUESTIONS, reference);
    const timed = timeAsks(built.engine, QUESTIONS, plan);
    const docs = built.engine.index.docs.length;
    log(`· ${plan.label}: naive baseline…`);
    const naive = timeNaive(kb, QUESTIONS, plan);
    let worlds: Result["worlds"] = null;
    if (size !== null) {
      log(`· ${plan.label}: generating other talks and judging the answers there…`);
      const other = timeBuilds(generateKnowledge(shipped, size, { mode: "worlds" }).kb, 1);
      worlds = { ...judgeAll(other.engine, QUESTIONS, reference, true), buildMs: other.buildMs };
    }
    results.push({
      plan,
      entries,
      docs,
      generateMs,
      buildMs: built.buildMs,
      firstBuildMs: built.firstBuildMs,
      heapMb,
      indexMb: heapMb - before,
      copies,
      worlds,
      ...timed,
      ...naive,
    });
  }
  report(results, QUESTIONS, msSince(started) / 1000);
}

await main();
