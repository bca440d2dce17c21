import type { AnyCommand } from "../../core/command.ts";
import type { ParleyRequest } from "../../core/request.ts";
import { parseTextCommand } from "../../core/text-command.ts";
import { fromSlackText } from "./mrkdwn.ts";

/** What a Slack message or `/talks` text asks for, before it becomes a neutral request. */
export interface SlackAsk {
  /** The text in the one text grammar, as the user typed it: echoed, and carried by buttons. */
  text: string;
  /** `/talks share …`: the user wants the answer in the channel. */
  share: boolean;
}

const SHARE = /^share(?:\s+|$)/i;

/** Reads `/talks` text: an optional leading `share`, then the shared text grammar. Empty text asks for help. */
export function readSlashText(raw: string): SlackAsk {
  const text = fromSlackText(raw);
  if (SHARE.test(text)) return { text: text.replace(SHARE, "").trim(), share: true };
  return { text, share: false };
}

export interface Where {
  userId: string;
  userName?: string;
  channelId: string;
  /** A message inside a thread, answered in that thread. */
  inThread?: boolean;
}

function channelKind(where: Where): ParleyRequest["channel"]["kind"] {
  // Slack's DM channel ids start with D; multi-person DMs and channels with C or G.
  if (where.channelId.startsWith("D")) return "dm";
  return where.inThread ? "thread" : "channel";
}

/** The neutral request for `text` in the one text grammar, made on Slack by the user at `where`. */
export function slackRequest(
  text: string,
  where: Where,
  commands: readonly AnyCommand[],
  raw?: unknown,
): ParleyRequest {
  const { command, args } = parseTextCommand(text === "" ? "help" : text, commands);
  return {
    platform: "slack",
    user: { id: where.userId, ...(where.userName ? { name: where.userName } : {}) },
    channel: { id: where.channelId, kind: channelKind(where) },
    command,
    args,
    // Slack says nothing about moderators: deliver() asks Parley's config just before dispatching.
    moderator: false,
    raw,
  };
}

/** A slash command payload's request (the contract suite builds real payloads and calls this). */
export function slashCommandRequest(
  payload: { text: string; user_id: string; user_name?: string; channel_id: string },
  commands: readonly AnyCommand[],
): { ask: SlackAsk; request: ParleyRequest } {
  const ask = readSlashText(payload.text);
  const where = { userId: payload.user_id, userName: payload.user_name, channelId: payload.channel_id };
  return { ask, request: slackRequest(ask.text, where, commands, payload) };
}
