import type { Reply } from "../../core/reply.ts";
import type { SlackMessage } from "./limits.ts";
import { slackMessages } from "./messages.ts";
import { renderReply } from "./render-blocks.ts";

export interface Presentation {
  /** The text asked, in the one text grammar: what the buttons answer again. */
  asked: string;
  /** Whether the user asked for the answer to be seen by the conversation. */
  wantsVisible: boolean;
  /** Show what was asked above the reply (Slack shows nothing of a slash command). */
  echo: boolean;
  /** Offer "Share in channel" on an answer only the asker sees (slash commands). */
  offerShare: boolean;
  userId: string;
  /** The reply came from help: add the Slack grammar. */
  isHelp: boolean;
}

export interface Outgoing {
  message: SlackMessage;
  /** Others in the conversation may see it; false means only the asker. */
  visible: boolean;
}

/**
 * How a reply appears on Slack. Replies the core marks private (refusals, errors, the rate limit) stay
 * with the asker even when sharing was asked for.
 */
export function present(reply: Reply, p: Presentation): Outgoing {
  const visible = p.wantsVisible && !reply.private;
  const message = renderReply(reply, {
    ...(p.echo && p.asked ? { echo: p.asked } : {}),
    ...(p.echo && p.asked && visible ? { sharedBy: p.userId } : {}),
    asked: p.asked,
    buttons: {
      share: p.offerShare && !visible && !reply.private,
      sources: reply.citations.length > 0,
      feedback: reply.kind === "answer" && reply.answer !== null,
    },
    ...(p.isHelp ? { extra: slackMessages.usage } : {}),
  });
  return { message, visible };
}
