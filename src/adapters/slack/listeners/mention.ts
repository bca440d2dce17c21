import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.ts";
import { leadingMention } from "../mrkdwn.ts";
import { answerMessage } from "./answer-message.ts";

/** `@Parley <question>` in a channel: answered in a thread under the question (or in its thread). */
export function onMention(deps: SlackDeps) {
  return async ({
    event,
    body,
    context,
    client,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    await answerMessage(deps, client, {
      surface: "mention",
      eventId: body.event_id,
      team: body.team_id,
      channel: event.channel,
      user: event.user ?? "unknown",
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
      retryNum: context.retryNum,
      botUserId: context.botUserId ?? leadingMention(event.text),
      raw: event,
    });
  };
}
