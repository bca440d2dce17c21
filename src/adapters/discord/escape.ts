import { escapeMarkdown } from "discord.js";

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Breaks @everyone, @here and <@…>/<@&…> so they can never ping, even if allowed_mentions were
 * missing from a message.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<@/g, `<@${ZERO_WIDTH_SPACE}`);
}

/** Undoes neutraliseMentions, for text read back from one of Parley's own messages. */
export function restoreMentions(text: string): string {
  return text.replaceAll(ZERO_WIDTH_SPACE, "");
}

/**
 * Plain text (anything a user or a source wrote) made safe for places Discord renders as markdown:
 * nothing becomes bold, a heading, a quote or a masked link `[x](https://evil)`, and nothing pings.
 * discord.js's own maskedLink option only escapes the first link on a line, so brackets are escaped here.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, "\\$&")
    .replace(/^(\s*)(>|-#)/gm, "$1\\$2");
  return neutraliseMentions(escaped);
}

/** What a reader sees of escaped text: the backslash escapes disappear when Discord renders it. */
export function unescapeText(text: string): string {
  return text.replace(/\\([^\p{L}\p{N}\s])/gu, "$1");
}

/**
 * Shortens text to at most `max` UTF-16 units, ending with "…", without splitting a character,
 * preferring a word boundary, and never leaving a lone escaping backslash at the end.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  cut = cut.trimEnd();
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * escapeText, then clip. discord.js's escaping is quadratic on long runs of letters, and escaping
 * only ever lengthens text, so the raw text is cut to the limit first: same result, bounded cost.
 */
export function escapeClipped(text: string, max: number): string {
  return clip(escapeText(clip(text, max)), max);
}
