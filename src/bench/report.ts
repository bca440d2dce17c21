import { cpus, loadavg } from "node:os";
import { type Cause, sameEntry, showVerdict, type Verdict } from "./judge.ts";
import { ALL_KINDS, type Judged, NOW, WARM_UP_MS } from "./measure.ts";
import type { BenchQuestion } from "./questions.ts";
import type { Result } from "./run.ts";
import { fmt, table } from "./stats.ts";

const count = (n: number) => n.toLocaleString("en-US");
const share = (n: number, of: number) => `${n}/${of} (${fmt((100 * n) / of, 0)}%)`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/** Questions right on the shipped knowledge that are still right here; refusals that are still refusals. */
function keptRight(judged: Judged, reference: readonly Verdict[]): { kept: number; of: number } {
  let kept = 0;
  let of = 0;
  reference.forEach((shipped, i) => {
    if (!shipped.right) return;
    of++;
    if (judged.verdicts[i]?.right) kept++;
  });
  return { kept, of };
}

const sameAsShipped = (judged: Judged, reference: readonly Verdict[]) =>
  judged.verdicts.filter((v, i) => sameEntry(v, reference[i] as Verdict)).length;

function causesOf(judged: Judged): string {
  const causes = new Map<Cause, number>();
  for (const c of judged.causes) if (c) causes.set(c, (causes.get(c) ?? 0) + 1);
  return [...causes].map(([c, n]) => `${n} ${c}`).join(", ");
}

function differences(
  label: string,
  judged: Judged,
  questions: readonly BenchQuestion[],
  reference: readonly Verdict[],
) {
  return judged.verdicts.flatMap((v, i) => {
    const shipped = reference[i] as Verdict;
    if (sameEntry(v, shipped) && v.right === shipped.right) return [];
    const q = questions[i];
    const text = q && q.q.length > 70 ? `${q.q.slice(0, 67)}…` : q?.q;
    return [
      `${label.padEnd(8)} [${q?.kind}] “${text}”: shipped ${showVerdict(shipped)}, here ${showVerdict(v)} (${judged.causes[i] ?? "same entry"})`,
    ];
  });
}

export function report(
  results: readonly Result[],
  questions: readonly BenchQuestion[],
  totalS: number,
): void {
  const reference = results[0]?.copies.verdicts ?? [];
  const rightOnShipped = reference.filter((v) => v.right).length;
  console.log(
    `\nParley benchmark — ${questions.length} questions (${ALL_KINDS.map((k) => `${questions.filter((q) => q.kind === k).length} ${k}`).join(", ")}); clock ${NOW.toISOString().slice(0, 10)}`,
  );
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        " ",
      )} (others running skew the timings); right on the shipped knowledge: ${share(rightOnShipped, questions.length)}\n`,
  );
  console.log(
    table(
      [
        "knowledge",
        "entries",
        "indexed docs",
        "gen+validate ms",
        "build ms",
        "first build",
        "heap MB",
        "index Δ MB",
        "asks",
        "p50 ms",
        "p99 ms",
        "max ms",
        "naive n",
        "naive p50",
        "naive p99",
        "× p50",
        "× p99",
      ],
      results.map((r) => [
        r.plan.label,
        count(r.entries),
        count(r.docs),
        r.generateMs === null ? "—" : fmt(r.generateMs, 0),
        fmt(r.buildMs),
        fmt(r.firstBuildMs),
        fmt(r.heapMb, 1),
        fmt(r.indexMb, 1),
        count(r.ours.n),
        fmt(r.ours.p50),
        fmt(r.ours.p99),
        fmt(r.ours.max),
        String(r.naive.n),
        fmt(r.naive.p50),
        fmt(r.naive.p99),
        `${fmt(r.naive.p50 / r.ours.p50, 0)}×`,
        `${fmt(r.naive.p99 / r.ours.p99, 0)}×`,
      ]),
    ),
  );

  console.log("\nLatency by kind of question (ours, p50 / p99 ms)\n");
  console.log(
    table(
      ["knowledge", ...ALL_KINDS],
      results.map((r) => [
        r.plan.label,
        ...ALL_KINDS.map((k) => {
          const s = r.byKind.get(k);
          return s ? `${fmt(s.p50)} / ${fmt(s.p99)}` : "—";
        }),
      ]),
    ),
  );

  console.log("\nSlowest questions (median ms)\n");
  for (const r of results)
    console.log(
      `${r.plan.label.padEnd(8)} ${r.slowest.map((s) => `${fmt(s.ms)} “${s.q.length > 50 ? `${s.q.slice(0, 47)}…` : s.q}”`).join(" · ")}`,
    );

  console.log(
    "\nAnswers — right: contains what a right answer must, with a citation, or refuses what must be refused; still right: of those right on the shipped knowledge\n",
  );
  const right = (j: Judged) => share(j.verdicts.filter((v) => v.right).length, questions.length);
  console.log(
    table(
      [
        "knowledge",
        "other talks: right",
        "still right",
        "same first entry",
        "build ms",
        "copies: right",
        "still right",
        "same first entry",
      ],
      results.map((r) => {
        if (r.plan.size === null) return [r.plan.label, right(r.copies), "—", "—", "—", "—", "—", "—"];
        const w = r.worlds ? keptRight(r.worlds, reference) : null;
        const c = keptRight(r.copies, reference);
        return [
          r.plan.label,
          r.worlds ? right(r.worlds) : "—",
          w ? share(w.kept, w.of) : "—",
          r.worlds ? share(sameAsShipped(r.worlds, reference), questions.length) : "—",
          r.worlds ? fmt(r.worlds.buildMs) : "—",
          right(r.copies),
          share(c.kept, c.of),
          share(sameAsShipped(r.copies, reference), questions.length),
        ];
      }),
    ),
  );

  const find = (size: number | null) => results.find((r) => r.plan.size === size);
  const atShipped = find(null);
  const at10k = find(10_000);
  const at100k = find(100_000);
  const targets: [string, string, boolean][] = [];
  if (atShipped)
    targets.push([
      "p99 < 2 ms on the shipped knowledge",
      `${fmt(atShipped.ours.p99)} ms`,
      atShipped.ours.p99 < 2,
    ]);
  if (at100k)
    targets.push(["p99 < 15 ms at 100,000 entries", `${fmt(at100k.ours.p99)} ms`, at100k.ours.p99 < 15]);
  if (at10k) {
    const p50 = at10k.naive.p50 / at10k.ours.p50;
    const p99 = at10k.naive.p99 / at10k.ours.p99;
    targets.push([
      "≥ 30× faster than naive at 10,000 (p50 and p99)",
      `${fmt(p50, 0)}× p50, ${fmt(p99, 0)}× p99`,
      p50 >= 30 && p99 >= 30,
    ]);
  }
  if (at100k)
    targets.push([
      "index build < 1 s at 100,000 entries (median)",
      `${fmt(at100k.buildMs / 1000)} s (first ${fmt(at100k.firstBuildMs / 1000)} s)`,
      at100k.buildMs < 1000,
    ]);
  for (const r of results) {
    if (!r.worlds) continue;
    const w = keptRight(r.worlds, reference);
    targets.push([`answers as right as at 1× at ${r.plan.label}`, share(w.kept, w.of), w.kept === w.of]);
  }
  console.log("\nTargets\n");
  console.log(
    table(
      ["target", "measured", "verdict"],
      targets.map(([t, m, ok]) => [t, m, verdict(ok)]),
    ),
  );

  const notes = results.flatMap((r) => [
    ...(r.worlds && causesOf(r.worlds) ? [`${r.plan.label} other talks: ${causesOf(r.worlds)}`] : []),
    ...(r.plan.size !== null && causesOf(r.copies) ? [`${r.plan.label} copies: ${causesOf(r.copies)}`] : []),
  ]);
  if (notes.length) console.log(`\nWhy first entries changed — ${notes.join("; ")}`);
  const changed = results.flatMap((r) => [
    ...(r.worlds ? differences(`${r.plan.label} w`, r.worlds, questions, reference) : []),
    ...(r.plan.size !== null ? differences(`${r.plan.label} c`, r.copies, questions, reference) : []),
  ]);
  if (changed.length)
    console.log(
      `\nAnswers that changed with scale (w: other talks, c: copies; vs the shipped knowledge)\n\n${changed.join("\n")}`,
    );

  const naiveNotes = results
    .filter((r) => r.naiveQuestions * r.plan.naive.passes !== questions.length)
    .map(
      (r) =>
        `${r.plan.label}: ${r.naive.n} searches (${r.naiveQuestions} questions${r.plan.naive.kinds.length < ALL_KINDS.length ? `, no ${ALL_KINDS.filter((k) => !r.plan.naive.kinds.includes(k)).join("/")} questions` : ""}${r.plan.naive.passes > 1 ? ` × ${r.plan.naive.passes} passes` : ""})`,
    );
  console.log(`\nNotes
- Speed and memory are measured on "copies": every shipped entry plus clones that tell the same talks again (names with a made-up word added, prose shuffled and partly re-worded), so the real people's and places' posting lists grow with the size. Answers are judged on "other talks" of the same size, where every clone renames the shipped knowledge's proper nouns (people, places, countries, companies) — a question about the real talks then has one right answer. On copies many entries answer a question equally well, so their first entry is shown for information only.
- Latency: every question of the mix, timed one ask at a time with process.hrtime.bigint() after untimed warm-up passes (at least two, and at least ${fmt(WARM_UP_MS / 1000, 0)} s); passes repeat until ≥ 2,000 asks or the size's time budget is spent.
- build ms: createEngine (buildIndex), each build after a full collection; the median of ${results.map((r) => `${r.plan.builds} at ${r.plan.label}`).join(", ")}, and the first (with a cold JIT, as at start-up). heap MB: heapUsed after global.gc() with the knowledge and index alive; index Δ: the growth over the knowledge alone.
- Right: the answer contains what a right answer to that question must (as in npm run eval, "a | b" either) and cites a source, or a question that must be refused is refused.
- Naive baseline: one fuse.js index over every entry's full text, searched with the whole question.${naiveNotes.length ? ` Sampled where slow — ${naiveNotes.join("; ")}. Leaving out long questions flatters the baseline, so the 100,000 ratio is a lower bound.` : ""}
- Total ${fmt(totalS, 0)} s.`);
}
