import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { deliver, type Surface } from "../deliver.ts";
import type { SlackDeps } from "../deps.ts";
import type { SlackMessage } from "../limits.ts";
import { present } from "../present.ts";
import { slashCommandRequest } from "../request.ts";

/** Answers through the command's response_url: only the asker sees it unless it is shared. */
export function respondSurface(respond: RespondFn, context: Record<string, unknown>, extra = {}): Surface {
  return {
    context,
    post: async (message: SlackMessage, visible: boolean) => {
      await respond({
        ...extra,
        response_type: visible ? "in_channel" : "ephemeral",
        text: message.text,
        ...(message.blocks.length ? { blocks: message.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}

/** `/talks …`: acknowledged at once (Slack allows 3 s), answered later through the response_url. */
export function onTalksCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { ask, request } = slashCommandRequest(command, deps.commands);
    const context = {
      surface: "command",
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
      command: request.command,
    };
    await deps.track(
      deliver(deps, respondSurface(respond, context), request, (reply) =>
        present(reply, {
          asked: ask.text,
          wantsVisible: ask.share,
          echo: true,
          offerShare: true,
          userId: command.user_id,
          isHelp: request.command === "help",
        }),
      ),
    );
  };
}
