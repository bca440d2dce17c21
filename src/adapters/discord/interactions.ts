import {
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { messages } from "../../core/messages.ts";
import { reply } from "../../core/reply.ts";
import { answerAutocomplete } from "./autocomplete.ts";
import { answerButton } from "./button-clicks.ts";
import type { DiscordContext } from "./context.ts";
import { describeError } from "./errors.ts";
import { discordMessages } from "./messages.ts";
import { interactionRequest } from "./request.ts";
import { deliver, ephemeralMessage, NO_MENTIONS } from "./respond.ts";

async function answerCommand(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const request = interactionRequest(interaction);
  await deliver(interaction, ctx.dispatch(request), request.args.private === true);
}

/**
 * The one error path: log with context (ids, never tokens or message text), then tell the user
 * politely and only them — as a follow-up when the interaction was already acknowledged.
 */
async function apologise(
  interaction: RepliableInteraction,
  error: unknown,
  ctx: DiscordContext,
): Promise<void> {
  ctx.logger.error(
    {
      err: describeError(error),
      interaction: interaction.id,
      command: interaction.isChatInputCommand() ? interaction.options.getSubcommand(false) : undefined,
      button: interaction.isButton() ? interaction.customId.slice(0, 100) : undefined,
      user: interaction.user.id,
      guild: interaction.guildId,
      channel: interaction.channelId,
    },
    "discord interaction failed",
  );
  const sorry = ephemeralMessage(reply("error", messages.genericError));
  try {
    if (interaction.deferred && !interaction.replied) {
      // A public "thinking…" would otherwise stay forever.
      await interaction.deleteReply().catch(() => {});
    }
    if (interaction.deferred || interaction.replied) await interaction.followUp(sorry);
    else await interaction.reply(sorry);
  } catch (second) {
    ctx.logger.warn(
      { err: describeError(second), interaction: interaction.id },
      "could not send the apology",
    );
  }
}

/** Routes one interaction. Never throws: every failure ends in a log line and, where possible, a polite reply. */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, ctx);
  if (!interaction.isRepliable()) return;
  try {
    if (ctx.stopping()) {
      await interaction.reply({
        content: discordMessages.restarting,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    } else if (interaction.isChatInputCommand()) {
      await answerCommand(interaction, ctx);
    } else if (interaction.isButton()) {
      await answerButton(interaction, ctx);
    }
  } catch (error) {
    await apologise(interaction, error, ctx);
  }
}
