import type { Message } from "discord.js";
import { messages } from "../../core/messages.ts";
import { reply } from "../../core/reply.ts";
import type { DiscordContext } from "./context.ts";
import { describeError } from "./errors.ts";
import { messageRequest } from "./request.ts";
import { NO_MENTIONS, replyMessage } from "./respond.ts";

/** Replies notify the asker, and nobody else. */
const REPLY_MENTIONS = Object.freeze({ ...NO_MENTIONS, repliedUser: true });

/**
 * The question in a message, or null when the message isn't for Parley: in a server only a message
 * that mentions the bot by name counts (not a reply that merely pings it, nor @everyone); in a DM every
 * message does.
 */
export function questionIn(message: Message, botId: string): string | null {
  const mention = `<@!?${botId}>`;
  if (message.inGuild() && !new RegExp(mention).test(message.content)) return null;
  return message.content.replace(new RegExp(mention, "g"), " ").replace(/\s+/g, " ").trim();
}

/** `@Parley <question>` in a channel, or a DM: answered as a reply to the message. Never throws. */
export async function answerMention(message: Message, ctx: DiscordContext): Promise<void> {
  // Other bots (and Parley's own messages, which Discord echoes back) are never answered.
  if (message.author.bot || message.system || message.webhookId || ctx.stopping()) return;
  const question = questionIn(message, message.client.user.id);
  if (question === null) return;
  try {
    const answer = await ctx.dispatch(messageRequest(message, question, ctx.commands));
    await message.reply({ ...replyMessage(answer), allowedMentions: REPLY_MENTIONS });
  } catch (error) {
    ctx.logger.error(
      {
        err: describeError(error),
        message: message.id,
        user: message.author.id,
        guild: message.guildId,
        channel: message.channelId,
      },
      "discord mention failed",
    );
    try {
      await message.reply({
        ...replyMessage(reply("error", messages.genericError)),
        allowedMentions: REPLY_MENTIONS,
      });
    } catch (second) {
      ctx.logger.warn({ err: describeError(second), message: message.id }, "could not send the apology");
    }
  }
}
