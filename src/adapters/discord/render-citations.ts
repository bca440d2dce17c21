import type { APIEmbedField } from "discord.js";
import type { Citation } from "../../core/answer.ts";
import { formatDate } from "../../core/dates.ts";
import { clip, escapeClipped } from "./escape.ts";
import { LIMITS, size } from "./limits.ts";
import { discordMessages } from "./messages.ts";

/** Characters that would end or break a markdown link target, percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** `[n]` as the items refer to it, escaped so it can never pair with a following `(…)` as a link. */
export const citationMark = (n: number): string => `\\[${n}\\]`;

/** One numbered source: the title linked to its URL, then publisher, date and paragraph. */
export function citationLine(c: Citation, n: number, titleMax = 200): string {
  const details = [
    c.publisher !== "unknown" ? c.publisher : null,
    c.date ? formatDate(c.date) : null,
    c.locator,
  ]
    .filter((d): d is string => Boolean(d))
    .map((d) => escapeClipped(d, 80))
    .join(", ");
  const title = escapeClipped(c.title, titleMax);
  const linked = c.url && /^https?:\/\//i.test(c.url) ? `[${title}](${linkTarget(c.url)})` : title;
  const line = `**${citationMark(n)}** ${linked}${details ? ` — ${details}` : ""}`;
  if (size(line) <= LIMITS.fieldValue) return line;
  // Only an absurdly long URL gets here: a shorter title first, then the title alone.
  return titleMax > 60 ? citationLine(c, n, 60) : clip(`**${citationMark(n)}** ${title}`, LIMITS.fieldValue);
}

/** Lines into as few fields as fit, each value within Discord's 1,024 characters. */
function pack(lines: readonly string[]): APIEmbedField[] {
  const values: string[] = [];
  for (const line of lines) {
    const last = values.at(-1);
    if (last !== undefined && size(last) + 1 + size(line) <= LIMITS.fieldValue)
      values[values.length - 1] = `${last}\n${line}`;
    else values.push(line);
  }
  return values.map((value, i) => ({
    name: i === 0 ? discordMessages.sources : discordMessages.sourcesContinued,
    value,
  }));
}

export const fieldsSize = (fields: readonly APIEmbedField[]): number =>
  fields.reduce((sum, f) => sum + size(f.name) + size(f.value), 0);

/**
 * The citations as "Sources" fields within `budget` characters. Citations are never shortened to
 * make room for other text; only when there are too many for a message at all are the last ones
 * summarised in one line.
 */
export function citationFields(citations: readonly Citation[], budget: number): APIEmbedField[] {
  const lines = citations.map((c, i) => citationLine(c, i + 1));
  for (let kept = lines.length; kept > 0; kept--) {
    const hidden = lines.length - kept;
    const fields = pack(hidden ? [...lines.slice(0, kept), discordMessages.moreSources(hidden)] : lines);
    if (fieldsSize(fields) <= budget && fields.length <= LIMITS.fields) return fields;
  }
  return lines.length ? pack([discordMessages.moreSources(lines.length)]) : [];
}
