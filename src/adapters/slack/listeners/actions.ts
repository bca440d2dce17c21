import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Reply } from "../../../core/reply.ts";
import { describeError } from "../bolt-logger.ts";
import { deliver } from "../deliver.ts";
import type { SlackDeps } from "../deps.ts";
import { slackMessages } from "../messages.ts";
import { unescapeMrkdwn } from "../mrkdwn.ts";
import { present } from "../present.ts";
import { renderFullCitations } from "../render-citations.ts";
import { slackRequest } from "../request.ts";
import { respondSurface } from "./command.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

function clicked(args: ButtonArgs, deps: SlackDeps) {
  const { body, action } = args;
  const asked = action.value ?? "";
  const channelId = body.channel?.id ?? body.container?.channel_id ?? body.user.id;
  const where = { userId: body.user.id, channelId, inThread: Boolean(body.message?.thread_ts) };
  const context = {
    surface: "action",
    action: action.action_id,
    team: body.team?.id,
    user: body.user.id,
    channel: channelId,
  };
  const request = slackRequest(asked, where, deps.commands, body);
  // A button's answer is a new message; the one carrying the button stays as it was.
  const surface = args.respond ? respondSurface(args.respond, context, { replace_original: false }) : null;
  if (!surface) deps.logger.warn(context, "slack: a button without a response_url was ignored");
  return { asked, request, surface, context };
}

/** "Share in channel": the question is answered again and posted for everyone, naming who shared it. */
export function onShare(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { asked, request, surface } = clicked(args, deps);
    if (!surface) return;
    await deps.track(
      deliver(deps, surface, request, (reply) =>
        present(reply, {
          asked,
          wantsVisible: true,
          echo: true,
          offerShare: false,
          userId: args.body.user.id,
          isHelp: request.command === "help",
        }),
      ),
    );
  };
}

/** For replies that are only a notice (the rate limit, an error): no echo, no buttons. */
const NOTICE = { asked: "", wantsVisible: false, echo: false, offerShare: false, isHelp: false } as const;

/** "Sources": every citation of the answer in full, for the asker only. */
export function onSources(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { request, surface } = clicked(args, deps);
    if (!surface) return;
    const show = (reply: Reply) =>
      reply.kind === "rate-limited" || reply.kind === "error"
        ? present(reply, { ...NOTICE, userId: args.body.user.id })
        : { message: renderFullCitations(reply), visible: false };
    await deps.track(deliver(deps, surface, request, show));
  };
}

/** 👍 / 👎: recorded where the process keeps votes (always logged), and thanked privately. */
export function onFeedback(deps: SlackDeps, helpful: boolean) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { asked, surface, context } = clicked(args, deps);
    deps.logger.info({ ...context, helpful, askedLength: asked.length }, "slack: feedback");
    try {
      // Slack includes the message only when it isn't ephemeral; its text is the answer's lead.
      const answer = args.body.message?.text ? unescapeMrkdwn(args.body.message.text) : undefined;
      deps.services.recordFeedback?.({
        question: asked,
        vote: helpful ? "up" : "down",
        ...(answer ? { answer } : {}),
        platform: "slack",
        userId: args.body.user.id,
      });
    } catch (error) {
      // Losing one vote is no reason to leave the user without their thanks.
      deps.logger.error({ ...context, err: describeError(error) }, "slack: recording feedback failed");
    }
    if (!surface) return;
    const text = helpful ? slackMessages.thanksHelpful : slackMessages.thanksUnhelpful;
    await deps.track(
      surface.post({ text, blocks: [] }, false).catch((error: unknown) => {
        deps.logger.error({ ...context, err: describeError(error) }, "slack: sending thanks failed");
      }),
    );
  };
}
