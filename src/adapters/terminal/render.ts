import type { Citation } from "../../core/answer.ts";
import { formatDate } from "../../core/dates.ts";
import type { Reply } from "../../core/reply.ts";

export interface TerminalStyle {
  color: boolean;
}

const codes = { bold: [1, 22], dim: [2, 22], cyan: [36, 39], yellow: [33, 39], red: [31, 39] } as const;

function paint(style: TerminalStyle, code: keyof typeof codes, text: string): string {
  if (!style.color) return text;
  const [open, close] = codes[code];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Strips control characters so no text can move the cursor or recolour the screen. */
export function safeForTerminal(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

export function citationLine(c: Citation): string {
  return [
    c.title,
    c.publisher !== "unknown" ? c.publisher : null,
    c.date ? formatDate(c.date) : null,
    c.locator,
  ]
    .filter(Boolean)
    .join(", ");
}

/** A reply as terminal text: colour on a TTY, plain when piped. */
export function renderReply(reply: Reply, style: TerminalStyle): string {
  const out: string[] = [];
  if (reply.title) out.push(paint(style, "bold", safeForTerminal(reply.title)));
  const tone =
    reply.kind === "answer" ? "bold" : reply.kind === "error" || reply.kind === "forbidden" ? "red" : null;
  const body = safeForTerminal(reply.body);
  out.push(tone ? paint(style, tone, body) : body);
  if (reply.quote) {
    const q = reply.quote;
    out.push(
      `${paint(style, "cyan", `  “${safeForTerminal(q.text)}”`)} — ${safeForTerminal(q.speaker)}, ${formatDate(q.date)} [${q.citation}]`,
    );
  }
  for (const f of reply.fields)
    out.push(`  ${paint(style, "dim", `${f.name}:`)} ${safeForTerminal(f.value)}`);
  for (const item of reply.items) {
    const refs = item.citations.length
      ? ` ${paint(style, "dim", item.citations.map((n) => `[${n}]`).join(""))}`
      : "";
    out.push(`  • ${safeForTerminal(item.text)}${refs}`);
  }
  if (reply.citations.length) {
    out.push(paint(style, "dim", "Sources:"));
    reply.citations.forEach((c, i) => {
      out.push(`  [${i + 1}] ${safeForTerminal(citationLine(c))}`);
      if (c.url) out.push(`      ${paint(style, "dim", c.url)}`);
    });
  }
  if (reply.footer) out.push(paint(style, "dim", reply.footer));
  if (reply.suggestions.length && reply.kind !== "answer") {
    out.push("You could ask:");
    for (const s of reply.suggestions) out.push(`  • ${paint(style, "yellow", safeForTerminal(s))}`);
  }
  return out.join("\n");
}
