import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluate, rate, readQuestions } from "../../src/eval/run-eval.ts";
import { shippedEngine } from "../support/engine.ts";

const file = fileURLToPath(new URL("../eval/questions.yaml", import.meta.url));

describe("answer quality on the evaluation questions", async () => {
  const questions = await readQuestions(file);
  const report = evaluate(shippedEngine(), questions);
  const misses = report.outcomes
    .filter((o) => !o.pass)
    .map((o) => `[${o.question.kind}] ${o.question.q} — ${o.why}`);

  it("has enough questions of every kind to mean something", () => {
    expect(report.answerable.total).toBeGreaterThanOrEqual(150);
    expect(report.refusals.total).toBeGreaterThanOrEqual(25);
  });

  it("answers at least 95% correctly, each with a citation", () => {
    expect(rate(report.answerable), misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses at least 95% of what it should not answer", () => {
    expect(rate(report.refusals), misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the held-out questions", async () => {
  // Outside the bars on purpose (see the file's header); they must stay usable, citing real sources.
  const heldOut = await readQuestions(fileURLToPath(new URL("../eval/held-out.yaml", import.meta.url)));
  const sources = new Set(shippedEngine().kb.sources.map((s) => s.id));

  it("are well formed and cite only sources the knowledge has", () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(40);
    const unknown = heldOut.flatMap((q) => (q.cite ?? []).filter((id) => !sources.has(id)));
    expect(unknown).toEqual([]);
  });
});
