import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import type { Answer } from "../core/answer.ts";
import type { Engine } from "../core/engine.ts";
import { foldDiacritics } from "../core/text.ts";

const questionSchema = z.strictObject({
  q: z.string().min(1),
  kind: z.enum([
    "who",
    "what",
    "when",
    "where",
    "how-many",
    "why",
    "about",
    "list",
    "quote",
    "deadline",
    "refuse",
  ]),
  expect: z.array(z.string().min(1)).default([]),
  cite: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});
const fileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });
export type EvalQuestion = z.infer<typeof questionSchema>;

/** The fixed clock evaluation runs on, so that deadline statuses don't drift with the calendar. */
export const EVAL_NOW = new Date("2026-11-25T12:00:00Z");

export async function readQuestions(path: string): Promise<EvalQuestion[]> {
  return fileSchema.parse(parse(await readFile(path, "utf8"))).questions;
}

const fold = (s: string) =>
  foldDiacritics(s)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ");

export interface EvalOutcome {
  question: EvalQuestion;
  answer: Answer;
  pass: boolean;
  why: string;
}

export function judge(question: EvalQuestion, answer: Answer): EvalOutcome {
  if (question.kind === "refuse") {
    return {
      question,
      answer,
      pass: !answer.answered,
      why: answer.answered ? "answered but should refuse" : "",
    };
  }
  if (!answer.answered) return { question, answer, pass: false, why: "refused" };
  const text = fold(answer.text);
  const missing = question.expect.filter(
    (item) => !item.split("|").some((alt) => text.includes(fold(alt.trim()))),
  );
  if (missing.length)
    return { question, answer, pass: false, why: `missing ${missing.map((m) => `"${m}"`).join(", ")}` };
  if (answer.citations.length === 0) return { question, answer, pass: false, why: "no citation" };
  if (question.cite.length && !answer.citations.some((c) => question.cite.includes(c.source))) {
    return {
      question,
      answer,
      pass: false,
      why: `cited ${answer.citations.map((c) => c.source).join(", ")}; expected one of ${question.cite.join(", ")}`,
    };
  }
  return { question, answer, pass: true, why: "" };
}

export interface EvalReport {
  outcomes: EvalOutcome[];
  answerable: { total: number; correct: number };
  refusals: { total: number; correct: number };
  byKind: Map<string, { total: number; correct: number }>;
}

export function evaluate(engine: Engine, questions: readonly EvalQuestion[], now = EVAL_NOW): EvalReport {
  const outcomes = questions.map((q) => judge(q, engine.ask(q.q, now)));
  const byKind = new Map<string, { total: number; correct: number }>();
  for (const o of outcomes) {
    const k = byKind.get(o.question.kind) ?? { total: 0, correct: 0 };
    k.total++;
    if (o.pass) k.correct++;
    byKind.set(o.question.kind, k);
  }
  const tally = (filter: (o: EvalOutcome) => boolean) => {
    const subset = outcomes.filter(filter);
    return { total: subset.length, correct: subset.filter((o) => o.pass).length };
  };
  return {
    outcomes,
    answerable: tally((o) => o.question.kind !== "refuse"),
    refusals: tally((o) => o.question.kind === "refuse"),
    byKind,
  };
}

export const rate = (t: { total: number; correct: number }) => (t.total ? t.correct / t.total : 1);
