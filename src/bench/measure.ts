import { createEngine, type Engine } from "../core/engine.ts";
import { EVAL_NOW } from "../eval/run-eval.ts";
import type { KnowledgeBase } from "../knowledge/types.ts";
import { type Cause, causeOf, type Verdict, verdictOf } from "./judge.ts";
import { buildNaive } from "./naive-baseline.ts";
import type { BenchQuestion, QuestionKind } from "./questions.ts";
import { heapUsedMb, msSince, percentile, type Summary, summarize, timeMs } from "./stats.ts";

export const NOW = EVAL_NOW;
const TARGET_ASKS = 2000;
export const WARM_UP_MS = 1000;

export const ALL_KINDS: readonly QuestionKind[] = ["exact", "typo", "multi-word", "long", "refused"];

export interface Plan {
  label: string;
  size: number | null;
  /** Index builds to time (the median is reported, and the first, made with a cold JIT). */
  builds: number;
  /** Stop adding timed passes over the mix once this many seconds are spent (after at least minPasses). */
  askBudgetS: number;
  minPasses: number;
  /** Which questions the naive baseline is timed on, and how many passes. */
  naive: { every: number; kinds: readonly QuestionKind[]; passes: number };
}

export function planFor(size: number | null, fullNaive: boolean): Plan {
  const naive = (every: number, kinds: readonly QuestionKind[], passes: number) =>
    fullNaive ? { every: 1, kinds: ALL_KINDS, passes: 1 } : { every, kinds, passes };
  if (size === null)
    return { label: "shipped", size, builds: 5, askBudgetS: 20, minPasses: 3, naive: naive(1, ALL_KINDS, 2) };
  const label = size.toLocaleString("en-US");
  if (size <= 1000)
    return { label, size, builds: 5, askBudgetS: 20, minPasses: 3, naive: naive(1, ALL_KINDS, 1) };
  if (size <= 10_000)
    return { label, size, builds: 3, askBudgetS: 30, minPasses: 3, naive: naive(2, ALL_KINDS, 1) };
  // At 100,000 one naive search of a long question takes most of a minute: time a handful of short ones.
  return {
    label,
    size,
    builds: 3,
    askBudgetS: 40,
    minPasses: 2,
    naive: naive(10, ["exact", "typo", "multi-word", "refused"], 1),
  };
}

export interface Judged {
  verdicts: Verdict[];
  /** Per question, why its first entry differs from the shipped knowledge's (null: it does not). */
  causes: (Cause | null)[];
}

/** Every question asked once, judged, and compared with the answers on the shipped knowledge. */
export function judgeAll(
  engine: Engine,
  questions: readonly BenchQuestion[],
  reference: readonly Verdict[] | null,
  amongOthers = false,
): Judged {
  const verdicts = questions.map((question) => verdictOf(question, engine.ask(question.q, NOW), amongOthers));
  const causes = verdicts.map((v, i) =>
    reference ? causeOf(engine, questions[i]?.q ?? "", v, reference[i] as Verdict) : null,
  );
  return { verdicts, causes };
}

export interface Builds {
  /** Median and first (cold JIT) build time. */
  buildMs: number;
  firstBuildMs: number;
  engine: Engine;
}

/** Builds the index `times` times; each build starts from a collected heap, so none pays for another's garbage. */
export function timeBuilds(kb: KnowledgeBase, times: number): Builds {
  const builds: number[] = [];
  let engine: Engine | null = null;
  for (let i = 0; i < times; i++) {
    engine = null;
    heapUsedMb();
    const built = timeMs(() => createEngine(kb));
    builds.push(built.ms);
    engine = built.value;
  }
  if (!engine) throw new Error("no engine built");
  return { buildMs: percentile(builds, 50), firstBuildMs: builds[0] as number, engine };
}

export interface Timed {
  ours: Summary;
  byKind: Map<QuestionKind, Summary>;
  slowest: { q: string; ms: number }[];
}

export function timeAsks(engine: Engine, questions: readonly BenchQuestion[], plan: Plan): Timed {
  // Warm-up: untimed passes, so the JIT and the caches are as they would be in a running bot. Two
  // passes (96 asks) are not enough on a busy two-CPU machine: optimised code is still being
  // compiled then, and the slowest timed asks bunched at the start of the timing. So at least two
  // passes and at least WARM_UP_MS of asking.
  const warming = process.hrtime.bigint();
  for (let pass = 0; pass < 2 || msSince(warming) < WARM_UP_MS; pass++)
    for (const { q } of questions) engine.ask(q, NOW);
  const samples: number[] = [];
  const perKind = new Map<QuestionKind, number[]>();
  const perQuestion = questions.map(() => [] as number[]);
  const started = process.hrtime.bigint();
  for (let pass = 0; samples.length < TARGET_ASKS; pass++) {
    if (pass >= plan.minPasses && msSince(started) > plan.askBudgetS * 1000) break;
    questions.forEach(({ q, kind }, i) => {
      const start = process.hrtime.bigint();
      engine.ask(q, NOW);
      const ms = msSince(start);
      samples.push(ms);
      perQuestion[i]?.push(ms);
      const list = perKind.get(kind);
      if (list) list.push(ms);
      else perKind.set(kind, [ms]);
    });
  }
  const slowest = questions
    .map(({ q }, i) => ({ q, ms: percentile(perQuestion[i] ?? [], 50) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  return {
    ours: summarize(samples),
    byKind: new Map([...perKind].map(([k, v]) => [k, summarize(v)])),
    slowest,
  };
}

export function timeNaive(kb: KnowledgeBase, questions: readonly BenchQuestion[], plan: Plan) {
  const naive = buildNaive(kb);
  const sample = questions.filter((q, i) => i % plan.naive.every === 0 && plan.naive.kinds.includes(q.kind));
  naive.search(sample[0]?.q ?? ""); // one untimed search to warm it up
  const samples: number[] = [];
  for (let pass = 0; pass < plan.naive.passes; pass++)
    for (const { q } of sample) samples.push(timeMs(() => naive.search(q)).ms);
  return { naive: summarize(samples), naiveQuestions: sample.length };
}
