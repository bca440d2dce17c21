import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Reply } from "../../core/reply.ts";
import { restoreMentions } from "./escape.ts";
import { discordMessages } from "./messages.ts";

/**
 * Custom ids of the buttons under an answer. They carry no state: a click reads the question from
 * the footer of the message it sits on, so buttons keep working after a restart.
 */
export const BUTTON_IDS = Object.freeze({
  sources: "parley:sources",
  helpful: "parley:feedback:up",
  unhelpful: "parley:feedback:down",
});

function button(
  customId: string,
  look: { label: string } | { emoji: string },
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    ...("label" in look ? { label: look.label } : { emoji: { name: look.emoji } }),
  };
}

/** Sources and 👍/👎 under an answer to a question; nothing under anything else. */
export function answerButtons(reply: Reply): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (reply.kind !== "answer" || !reply.answer) return [];
  const buttons = [
    ...(reply.citations.length ? [button(BUTTON_IDS.sources, { label: discordMessages.sourcesButton })] : []),
    button(BUTTON_IDS.helpful, { emoji: discordMessages.helpfulEmoji }),
    button(BUTTON_IDS.unhelpful, { emoji: discordMessages.unhelpfulEmoji }),
  ];
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** The question an answer message was for, read back from its footer; null when it has none. */
export function askedQuestion(embeds: readonly APIEmbed[]): string | null {
  for (const embed of embeds) {
    const line = embed.footer?.text.split("\n").findLast((l) => l.startsWith(discordMessages.asked));
    const question = line ? restoreMentions(line.slice(discordMessages.asked.length)).trim() : "";
    if (question) return question;
  }
  return null;
}
