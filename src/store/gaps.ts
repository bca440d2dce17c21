import { terms } from "../core/text.ts";
import type { FeedbackRow, UnansweredRow } from "./store.ts";

export interface QuestionGroup {
  /** The wording asked most often in the group. */
  question: string;
  count: number;
  askers: number;
  last: string;
  /** Other wordings of the same question. */
  variants: string[];
}

export interface DislikedAnswer {
  question: string;
  dislikes: number;
  likes: number;
  answer: string;
  last: string;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups unanswered questions that are worded alike ("tiktok ceo salary?" and "what is the
 * salary of tiktok's ceo"), so a moderator sees one gap with a count rather than many rows.
 */
export function groupUnanswered(rows: readonly UnansweredRow[], limit = 10): QuestionGroup[] {
  const groups: { terms: Set<string>; rows: UnansweredRow[] }[] = [];
  for (const row of rows) {
    const own = new Set(terms(row.question));
    const home = groups.find((g) => jaccard(g.terms, own) >= 0.5);
    if (home) {
      home.rows.push(row);
      for (const t of own) home.terms.add(t);
    } else {
      groups.push({ terms: own, rows: [row] });
    }
  }
  return groups
    .map((g) => {
      const wordings = new Map<string, number>();
      for (const r of g.rows) wordings.set(r.question, (wordings.get(r.question) ?? 0) + 1);
      const ranked = [...wordings].sort((a, b) => b[1] - a[1]);
      return {
        question: ranked[0]?.[0] ?? "",
        count: g.rows.length,
        askers: new Set(g.rows.map((r) => r.asker)).size,
        last:
          g.rows
            .map((r) => r.askedAt)
            .sort()
            .pop() ?? "",
        variants: ranked.slice(1, 4).map(([q]) => q),
      };
    })
    .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last))
    .slice(0, limit);
}

/** The answers people disliked most, by question. */
export function mostDisliked(rows: readonly FeedbackRow[], limit = 10): DislikedAnswer[] {
  const byQuestion = new Map<string, DislikedAnswer>();
  for (const r of rows) {
    const key = terms(r.question).sort().join(" ") || r.question;
    const entry = byQuestion.get(key) ?? {
      question: r.question,
      dislikes: 0,
      likes: 0,
      answer: r.answer,
      last: r.givenAt,
    };
    if (r.vote === -1) entry.dislikes++;
    else entry.likes++;
    if (r.givenAt > entry.last) {
      entry.last = r.givenAt;
      entry.answer = r.answer || entry.answer;
    }
    byQuestion.set(key, entry);
  }
  return [...byQuestion.values()]
    .filter((e) => e.dislikes > 0)
    .sort((a, b) => b.dislikes - a.dislikes || b.last.localeCompare(a.last))
    .slice(0, limit);
}
