import type { Answer } from "../../core/answer.ts";
import { formatDate } from "../../core/dates.ts";

export interface TerminalStyle {
  color: boolean;
}

const codes = { bold: [1, 22], dim: [2, 22], cyan: [36, 39], yellow: [33, 39], green: [32, 39] } as const;

export function paint(style: TerminalStyle, code: keyof typeof codes, text: string): string {
  if (!style.color) return text;
  const [open, close] = codes[code];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Strips control characters so text from the knowledge base can't move the cursor or recolour the screen. */
export function safeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

export function renderCitation(style: TerminalStyle, n: number, c: Answer["citations"][number]): string {
  const parts = [c.title, c.publisher !== "unknown" ? c.publisher : null, c.date ? formatDate(c.date) : null, c.locator]
    .filter(Boolean)
    .join(", ");
  const url = c.url ? `\n      ${paint(style, "dim", c.url)}` : "";
  return `  [${n}] ${safeForTerminal(parts)}${url}`;
}

export function renderAnswerForTerminal(answer: Answer, style: TerminalStyle): string {
  const lines = [answer.answered ? paint(style, "bold", safeForTerminal(answer.lead)) : safeForTerminal(answer.lead)];
  if (answer.quote) {
    const q = answer.quote;
    lines.push(paint(style, "cyan", `  “${safeForTerminal(q.text)}”`) + ` — ${q.speaker}, ${formatDate(q.date)} [${q.citation}]`);
  }
  if (answer.citations.length) {
    lines.push(paint(style, "dim", "Sources:"));
    answer.citations.forEach((c, i) => lines.push(renderCitation(style, i + 1, c)));
  }
  if (!answer.answered && answer.suggestions.length) {
    lines.push("You could ask:");
    for (const s of answer.suggestions) lines.push(`  • ${paint(style, "yellow", s)}`);
  }
  return lines.join("\n");
}
