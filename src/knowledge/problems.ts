import { editDistance } from "../core/edit-distance.ts";

/** A problem found in the knowledge files, located precisely enough for an editor to jump to it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  id: string | null;
  path: string;
  message: string;
  /** The kind of entry, in the singular ("quote"), when the problem is inside one. */
  kind?: string;
}

export const SINGULAR = {
  sources: "source",
  people: "person",
  topics: "topic",
  events: "event",
  facts: "fact",
  quotes: "quote",
  deadlines: "deadline",
} as const;

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const who = p.id ? `${p.kind ?? "entry"} "${p.id}" ` : "";
  const field = p.path ? `field ${p.path}: ` : "";
  return `${where} ${who}${field}${p.message}`;
}

export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hint = nearest(word, candidates);
  return hint ? ` (did you mean "${hint}"?)` : "";
}
