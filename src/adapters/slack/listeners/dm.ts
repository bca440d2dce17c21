import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.ts";
import { answerMessage } from "./answer-message.ts";

/** The fields of a message event a DM answer needs; edits, joins and bot posts carry a subtype or bot_id. */
interface DirectMessage {
  channel: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
}

/** A message in Parley's DM (its Messages tab): answered in the DM, in the thread if it was in one. */
export function onDirectMessage(deps: SlackDeps) {
  return async ({
    event,
    body,
    context,
    client,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    const message = event as DirectMessage;
    if (message.channel_type !== "im" || message.subtype || message.bot_id || !message.user) return;
    if (!message.text?.trim()) return;
    await answerMessage(deps, client, {
      surface: "dm",
      eventId: body.event_id,
      team: body.team_id,
      channel: message.channel,
      user: message.user,
      ts: message.ts,
      text: message.text,
      threadTs: message.thread_ts,
      retryNum: context.retryNum,
      botUserId: context.botUserId,
      raw: event,
    });
  };
}
