import type { Answer } from "../core/answer.ts";
import type { Engine } from "../core/engine.ts";
import { analyze } from "../core/understand.ts";
import { judge } from "../eval/run-eval.ts";
import { originalId } from "./generate.ts";
import type { BenchQuestion } from "./questions.ts";

/** What the benchmark keeps of one answer: whether it is right, and which entry it leads with. */
export interface Verdict {
  answered: boolean;
  first: string | null;
  /** Right by the question's expectations, judged as the evaluation judges (citation included). */
  right: boolean;
}

/**
 * `amongOthers`: the knowledge holds other talks too. There a question about the real talks is
 * right only when answered from them (other talks share their numbers and dates, so an answer
 * from one may read right), and a generic question (see BenchQuestion) with any cited answer.
 */
export function verdictOf(question: BenchQuestion, answer: Answer, amongOthers = false): Verdict {
  const generic = amongOthers && question.generic;
  const asked = {
    q: question.q,
    kind: question.kind === "refused" ? ("refuse" as const) : ("what" as const),
    expect: generic ? [] : [...question.expect],
    cite: [],
  };
  const first = answer.entries[0] ?? null;
  const fromElsewhere = amongOthers && !generic && first !== null && originalId(first) !== first;
  return { answered: answer.answered, first, right: judge(asked, answer).pass && !fromElsewhere };
}

export const sameEntry = (a: Verdict, b: Verdict) => a.answered === b.answered && a.first === b.first;

export const showVerdict = (v: Verdict) =>
  `${v.answered ? `answered ${v.first ?? "(no entry)"}` : "refused"}${v.right ? "" : " (wrong)"}`;

/**
 * Why an answer on generated knowledge leads with another entry than on the shipped one. In
 * "copies" a clone is a shipped entry with words swapped at random, so it can pick up words of
 * the question its original lacks and then rightly outrank it: the generator's doing. In "worlds"
 * a clone is about other talks, so leading with one is a wrong turn unless the question names
 * nothing particular to the real talks (then it is as good an answer).
 */
export type Cause = "same entry, cloned" | "clone gained question words" | "another shipped entry" | "engine";

export function causeOf(engine: Engine, question: string, here: Verdict, shipped: Verdict): Cause | null {
  if (sameEntry(here, shipped)) return null;
  if (!here.answered || !shipped.answered || !here.first || !shipped.first) return "engine";
  const original = originalId(here.first);
  if (original === here.first) return "another shipped entry";
  if (original === shipped.first) return "same entry, cloned";
  const { terms } = analyze(question, engine.index);
  const docTerms = (id: string) => new Set(engine.index.docs.find((d) => d.id === id)?.terms ?? []);
  const clone = docTerms(here.first);
  const source = docTerms(original);
  const shared = (set: Set<string>) => terms.filter((t) => set.has(t)).length;
  return shared(clone) > shared(source) ? "clone gained question words" : "engine";
}
