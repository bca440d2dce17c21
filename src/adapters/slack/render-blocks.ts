import type { types } from "@slack/bolt";
import { formatDate } from "../../core/dates.ts";
import type { Reply } from "../../core/reply.ts";
import { actionsBlock, type ButtonChoice } from "./buttons.ts";
import { LIMITS, type SlackMessage } from "./limits.ts";
import { slackMessages } from "./messages.ts";
import { clip, escapeWithin } from "./mrkdwn.ts";
import { citationBlocks } from "./render-citations.ts";

export interface RenderOptions {
  /** What the user asked, shown above the reply where Slack shows nothing of it (slash commands). */
  echo?: string;
  /** The user who posted the reply into the channel, named with the echo. */
  sharedBy?: string;
  /** The text the buttons answer again; without it there are no buttons. */
  asked?: string;
  buttons?: ButtonChoice;
  /** Adapter-written mrkdwn (already safe), such as the Slack grammar under help. */
  extra?: string;
}

/** The reply's first words, never blank: Slack shows the top-level text in notifications. */
export function leadOf(reply: Reply): string {
  return reply.body.trim() || reply.title?.trim() || "Parley";
}

const NO_BUTTONS: ButtonChoice = { share: false, sources: false, feedback: false };

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function context(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}

function quoteBlock(reply: Reply): types.SectionBlock | null {
  const q = reply.quote;
  if (!q) return null;
  const disputed = q.attribution === "disputed" ? ` (${slackMessages.disputed})` : "";
  const who = [`${q.speaker}${disputed}`, formatDate(q.date), q.occasion].filter(Boolean).join(", ");
  const said = escapeWithin(`“${q.text}”`, LIMITS.sectionText - 400).replace(/\n/g, "\n> ");
  return section(`> ${said}\n> — ${escapeWithin(who, 300)} [${q.citation}]`);
}

const MAX_FIELDS = 2 * LIMITS.sectionFields;

function fieldBlocks(reply: Reply): types.SectionBlock[] {
  const fields =
    reply.fields.length > MAX_FIELDS
      ? [
          ...reply.fields.slice(0, MAX_FIELDS - 1),
          { name: "…", value: slackMessages.moreItems(reply.fields.length - MAX_FIELDS + 1) },
        ]
      : reply.fields;
  const blocks: types.SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    const group = fields.slice(i, i + LIMITS.sectionFields).map((f) => ({
      type: "mrkdwn" as const,
      text: `*${escapeWithin(f.name, 100)}*\n${escapeWithin(f.value, LIMITS.fieldText - 110)}`,
    }));
    blocks.push({ type: "section", fields: group });
  }
  return blocks;
}

/** Items packed into as few sections as fit, within `budget` blocks; what doesn't fit is counted, not lost silently. */
function itemBlocks(reply: Reply, budget: number): types.SectionBlock[] {
  const room = LIMITS.sectionText - 100; // leaves space for the "…and N more" line
  const lines = reply.items.map((item) => {
    const refs = item.citations.map((n) => `[${n}]`).join("");
    return `• ${escapeWithin(item.text, room - refs.length - 3)}${refs ? ` ${refs}` : ""}`;
  });
  const sections: string[] = [];
  let shown = 0;
  for (const line of lines) {
    const last = sections.length - 1;
    const current = sections[last];
    if (current !== undefined && current.length + line.length + 1 <= room)
      sections[last] = `${current}\n${line}`;
    else if (sections.length < budget) sections.push(line);
    else break;
    shown += 1;
  }
  const hidden = lines.length - shown;
  if (hidden > 0 && sections.length > 0)
    sections[sections.length - 1] += `\n${escapeWithin(slackMessages.moreItems(hidden), 100)}`;
  return sections.map(section);
}

/**
 * A neutral reply as Block Kit: the answer, its supporting quote, fields and items, numbered citations
 * with their dates, and buttons. Whatever the reply's size, the message stays within Slack's limits;
 * items and long text are shortened, citations never.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const head: types.KnownBlock[] = [];
  if (options.echo !== undefined) {
    // The one mention Parley writes itself: only ever a well-formed user id, never text from a payload.
    const sharer = options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy) ? options.sharedBy : null;
    const lead = sharer ? slackMessages.sharedBy(sharer) : slackMessages.youAsked;
    head.push(context(`${lead} ${escapeWithin(options.echo, LIMITS.contextText - 100)}`));
  }
  const title = reply.title?.trim();
  if (title)
    head.push({ type: "header", text: { type: "plain_text", text: clip(title, LIMITS.headerText) } });
  head.push(section(escapeWithin(leadOf(reply), LIMITS.sectionText)));
  const quote = quoteBlock(reply);
  if (quote) head.push(quote);
  head.push(...fieldBlocks(reply));

  const tail: types.KnownBlock[] = [];
  if (options.extra) tail.push(section(options.extra.slice(0, LIMITS.sectionText)));
  if (reply.suggestions.length && reply.kind !== "answer") {
    const list = reply.suggestions.slice(0, 5).map((s) => `• ${escapeWithin(s, 300)}`);
    tail.push(section(`${slackMessages.youCouldAsk}\n${list.join("\n")}`));
  }
  tail.push(...citationBlocks(reply.citations));
  const footer = reply.footer?.trim();
  if (footer) tail.push(context(escapeWithin(footer, LIMITS.contextText)));
  const actions = options.asked ? actionsBlock(options.asked, options.buttons ?? NO_BUTTONS) : null;
  if (actions) tail.push(actions);

  const items = itemBlocks(reply, LIMITS.messageBlocks - head.length - tail.length);
  const text = escapeWithin(leadOf(reply), LIMITS.messageText);
  return { text, blocks: [...head, ...items, ...tail] };
}
