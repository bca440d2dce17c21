import type { APIEmbed, APIEmbedField } from "discord.js";
import type { SupportingQuote } from "../../core/answer.ts";
import { formatDate } from "../../core/dates.ts";
import type { Reply, ReplyItem } from "../../core/reply.ts";
import { clip, escapeClipped, neutraliseMentions, unescapeText } from "./escape.ts";
import { LIMITS, size } from "./limits.ts";
import { discordMessages } from "./messages.ts";
import { citationFields, citationMark, fieldsSize } from "./render-citations.ts";

const COLOURS: Record<Reply["kind"], number> = {
  answer: 0x2f6fb3,
  list: 0x2f6fb3,
  info: 0x2f6fb3,
  refusal: 0x7a8391,
  invalid: 0xc88a12,
  "rate-limited": 0xc88a12,
  forbidden: 0xb83232,
  error: 0xb83232,
};

/** Room the answer's own words keep before citations are summarised: an answer needs both. */
const MIN_DESCRIPTION = 600;
const MAX_QUOTE = 1000;
const MAX_ITEM = 400;
const MAX_OWN_FIELDS = 1500;

function quoteLine(q: SupportingQuote): string {
  const disputed = q.attribution === "disputed" ? " (attribution disputed)" : "";
  const text = escapeClipped(q.text.replace(/\s*\n\s*/g, " "), MAX_QUOTE);
  return `> “${text}” — ${escapeClipped(q.speaker, 100)}, ${formatDate(q.date)}${disputed} ${citationMark(q.citation)}`;
}

function itemLine(item: ReplyItem): string {
  const refs = item.citations.map(citationMark).join("");
  return `• ${escapeClipped(item.text, MAX_ITEM)}${refs ? ` ${refs}` : ""}`;
}

/** As many items as fit in `room`, then a line saying how many more there are. */
function fitItems(lines: readonly string[], room: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? size(discordMessages.moreItems(rest)) + 1 : 0;
    if (used + size(line) + 1 + tail > room) break;
    out.push(line);
    used += size(line) + 1;
  }
  const hidden = lines.length - out.length;
  if (hidden > 0 && used + size(discordMessages.moreItems(hidden)) <= room)
    out.push(discordMessages.moreItems(hidden));
  return out.join("\n");
}

/** Body, quote, items and suggestions within `room`; the body and the items give way first. */
function description(reply: Reply, room: number): string {
  const quote = reply.quote ? clip(quoteLine(reply.quote), MAX_QUOTE) : "";
  const suggestions =
    reply.kind !== "answer" && reply.suggestions.length
      ? [
          discordMessages.youCouldAsk,
          ...reply.suggestions.slice(0, 5).map((s) => `• ${escapeClipped(s, 200)}`),
        ].join("\n")
      : "";
  const items = reply.items.map(itemLine);
  const itemsSize = items.reduce((sum, l) => sum + size(l) + 1, 0);
  const available = room - size(quote) - size(suggestions) - 6;
  const body = escapeClipped(reply.body, Math.max(0, room));
  const bodyMax =
    items.length === 0
      ? available
      : Math.max(
          Math.min(size(body), available - itemsSize),
          Math.min(size(body), Math.floor(available / 3)),
        );
  const shownBody = clip(body, Math.max(0, bodyMax));
  const shownItems = fitItems(items, available - size(shownBody));
  const text = [shownBody, quote, shownItems, suggestions].filter(Boolean).join("\n\n");
  return clip(text, Math.max(0, room));
}

/** The reply's own fields (affiliation, country…), shortened to share the message with the rest. */
function ownFields(reply: Reply): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  let left = MAX_OWN_FIELDS;
  for (const f of reply.fields) {
    const name = escapeClipped(f.name, 100) || "—";
    const value = escapeClipped(f.value, Math.max(0, Math.min(LIMITS.fieldValue, left - size(name)))) || "—";
    if (left - size(name) - size(value) < 0 || out.length === 10) break;
    out.push({ name, value, inline: true });
    left -= size(name) + size(value);
  }
  return out;
}

/** The "as of" line, and for answers the question itself (buttons read it back after a restart). */
function footer(reply: Reply): string {
  const asked =
    reply.kind === "answer" && reply.answer ? `${discordMessages.asked}${reply.answer.question}` : null;
  const lines = [reply.footer, asked].filter((l): l is string => Boolean(l));
  // Footers show no markdown and never ping; mentions are broken anyway, in case that ever changes.
  return clip(neutraliseMentions(lines.join("\n")), LIMITS.footer);
}

/**
 * A neutral reply as Discord embeds, always within Discord's limits: the citations are kept whole
 * and the body and items are shortened to make room for them.
 */
export function renderReply(reply: Reply): APIEmbed[] {
  const colour = COLOURS[reply.kind];
  const title = reply.title ? escapeClipped(reply.title, LIMITS.title) : "";
  const foot = footer(reply);
  const own = ownFields(reply);
  const fixed = size(title) + size(foot) + fieldsSize(own);
  const sources = citationFields(reply.citations, LIMITS.embedTotal - fixed - MIN_DESCRIPTION);
  const room = Math.min(LIMITS.description, LIMITS.embedTotal - fixed - fieldsSize(sources));
  const text = description(reply, room);
  const main: APIEmbed = {
    color: colour,
    ...(title ? { title } : {}),
    ...(text ? { description: text } : {}),
    ...(foot ? { footer: { text: foot } } : {}),
  };
  const fields = [...own, ...sources];
  if (fields.length === 0) return [main];
  if (fields.length <= LIMITS.fields) return [{ ...main, fields }];
  return [
    { ...main, ...(own.length ? { fields: own } : {}) },
    { color: colour, fields: sources },
  ];
}

/** Everything a reader sees of some embeds, as plain text (for tests and logs). */
export function visibleText(embeds: readonly APIEmbed[]): string {
  const parts = embeds.flatMap((e) => [
    e.title,
    e.description,
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    e.footer?.text,
  ]);
  return unescapeText(parts.filter(Boolean).join("\n"));
}
