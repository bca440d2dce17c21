import type { webApi } from "@slack/bolt";
import { deliver } from "../deliver.ts";
import type { SlackDeps } from "../deps.ts";
import { fromSlackText } from "../mrkdwn.ts";
import { present } from "../present.ts";
import { slackRequest } from "../request.ts";
import { messageSurface } from "./message-surface.ts";

/** A message that asks Parley something: a mention in a channel or a line in its DM. */
export interface IncomingMessage {
  surface: "mention" | "dm";
  eventId: string;
  team: string | undefined;
  channel: string;
  user: string;
  ts: string;
  /** As Slack sent it: entities encoded, mentions as `<@U…>`. */
  text: string;
  /** Where the answer goes; absent for a top-level DM answer. */
  threadTs: string | undefined;
  /** Slack's retry count for this delivery (Events API retry header or Socket Mode retry_attempt). */
  retryNum: number | undefined;
  botUserId: string | undefined;
  raw: unknown;
}

/**
 * Answers a message once. Slack redelivers events it believes went unanswered — a retry can arrive
 * while the first delivery is still being answered — and a DM that mentions Parley arrives twice, so
 * retries are dropped and every message id is remembered for a while.
 */
export async function answerMessage(
  deps: SlackDeps,
  client: webApi.WebClient,
  m: IncomingMessage,
): Promise<void> {
  const log = { surface: m.surface, team: m.team, user: m.user, channel: m.channel, eventId: m.eventId };
  if ((m.retryNum ?? 0) > 0 || deps.recent.seenBefore(m.eventId, `${m.channel}:${m.ts}`)) {
    deps.logger.debug({ ...log, retry: m.retryNum }, "slack: repeated delivery ignored");
    return;
  }
  const asked = fromSlackText(m.text, m.botUserId);
  const where = { userId: m.user, channelId: m.channel, inThread: m.threadTs !== undefined };
  const request = slackRequest(asked, where, deps.commands, m.raw);
  const place = { channel: m.channel, user: m.user, ...(m.threadTs ? { threadTs: m.threadTs } : {}) };
  await deps.track(
    deliver(deps, messageSurface(client, place, { ...log, command: request.command }), request, (reply) =>
      present(reply, {
        asked,
        // The question is there for all to see; the answer joins it unless the core keeps it private.
        wantsVisible: true,
        echo: false,
        offerShare: false,
        userId: m.user,
        isHelp: request.command === "help",
      }),
    ),
  );
}
