import type { types } from "@slack/bolt";
import type { Citation } from "../../core/answer.ts";
import { formatDate } from "../../core/dates.ts";
import type { Reply } from "../../core/reply.ts";
import { LIMITS, type SlackMessage } from "./limits.ts";
import { slackMessages } from "./messages.ts";
import { escapeWithin, link } from "./mrkdwn.ts";

/** "Reuters, 15 Sep 2025, ¶2": the parts of a citation besides its title that are known. */
function details(c: Citation, withReliability: boolean): string {
  return [
    c.publisher !== "unknown" ? c.publisher : null,
    c.date ? formatDate(c.date) : null,
    c.locator,
    withReliability && c.reliability ? `reliability ${c.reliability}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** `[1] <url|title> — publisher, date`: short enough that ten fit in one context block. */
export function citationLine(c: Citation, n: number): string {
  const rest = details(c, false);
  return `[${n}] ${link(c.url, c.title)}${rest ? ` — ${escapeWithin(rest, 200)}` : ""}`;
}

/** Lines joined into as few texts of at most `max` characters as they fit in. */
export function pack(lines: readonly string[], max: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    const current = out[last];
    if (current !== undefined && current.length + line.length + 1 <= max) out[last] = `${current}\n${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * Every citation, one per line, in context blocks (Slack's small print). Citations are never dropped:
 * an unusually long list is packed ten texts to a block rather than cut.
 */
export function citationBlocks(citations: readonly Citation[]): types.ContextBlock[] {
  const texts = pack(
    citations.map((c, i) => citationLine(c, i + 1)),
    LIMITS.contextText,
  );
  const perBlock = texts.length > LIMITS.contextElements ? LIMITS.contextElements : 1;
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < texts.length; i += perBlock) {
    blocks.push({
      type: "context",
      elements: texts.slice(i, i + perBlock).map((text) => ({ type: "mrkdwn" as const, text })),
    });
  }
  return blocks;
}

/** The "Sources" button's answer: each citation in full, with its link shown and its reliability. */
export function renderFullCitations(reply: Reply): SlackMessage {
  if (reply.citations.length === 0) return { text: slackMessages.noSources, blocks: [] };
  const entries = reply.citations.map((c, i) => {
    const rest = details(c, true);
    const url = c.url ? `\n${escapeWithin(c.url, 400)}` : "";
    return `*[${i + 1}]* ${link(c.url, c.title, 300)}${rest ? `\n${escapeWithin(rest, 300)}` : ""}${url}`;
  });
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: slackMessages.sources, emoji: true } },
  ];
  for (const text of pack(entries, LIMITS.sectionText))
    blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  const text = escapeWithin(
    `${slackMessages.sources}: ${reply.citations.map((c, i) => `[${i + 1}] ${c.title}`).join(" ")}`,
    LIMITS.messageText,
  );
  return { text, blocks };
}

/** A reply as text alone: the fallback when Slack refuses our blocks. Citations keep their share of room. */
export function renderPlainText(reply: Reply): SlackMessage {
  const perCitation = Math.floor((LIMITS.messageText - 200) / Math.max(1, reply.citations.length)) - 1;
  const citations = reply.citations.map((c, i) =>
    escapeWithin(`[${i + 1}] ${c.title}${c.url ? ` ${c.url}` : ""}`, perCitation),
  );
  const used = citations.reduce((n, line) => n + line.length + 1, 0);
  const body = escapeWithin(
    reply.body.trim() || reply.title?.trim() || "Parley",
    Math.max(100, LIMITS.messageText - used - 1),
  );
  return { text: [body, ...citations].join("\n"), blocks: [] };
}
