import type { types } from "@slack/bolt";
import { LIMITS } from "./limits.ts";
import { slackMessages } from "./messages.ts";
import { clip } from "./mrkdwn.ts";

/**
 * The buttons under a reply. Each carries the text it answered (in the one text grammar), so a click
 * can be answered again from scratch: nothing is stored, and buttons keep working across restarts.
 */
export const ACTION = Object.freeze({
  share: "parley_share",
  sources: "parley_sources",
  helpful: "parley_feedback_up",
  unhelpful: "parley_feedback_down",
});

export interface ButtonChoice {
  share: boolean;
  sources: boolean;
  feedback: boolean;
}

function button(actionId: string, text: string, value: string, primary = false): types.Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: clip(text, LIMITS.buttonText), emoji: true },
    value,
    ...(primary ? { style: "primary" as const } : {}),
  };
}

/** The actions block, or null when no button applies or the asked text is too long to carry. */
export function actionsBlock(asked: string, choice: ButtonChoice): types.ActionsBlock | null {
  if (asked.length === 0 || asked.length > LIMITS.buttonValue) return null;
  const elements: types.Button[] = [];
  if (choice.share) elements.push(button(ACTION.share, slackMessages.shareButton, asked, true));
  if (choice.sources) elements.push(button(ACTION.sources, slackMessages.sourcesButton, asked));
  if (choice.feedback) {
    elements.push(button(ACTION.helpful, slackMessages.helpfulButton, asked));
    elements.push(button(ACTION.unhelpful, slackMessages.unhelpfulButton, asked));
  }
  return elements.length ? { type: "actions", block_id: "parley_reply_actions", elements } : null;
}
