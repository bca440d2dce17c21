import {
  ApplicationCommandOptionType,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  PermissionFlagsBits,
  type User,
} from "discord.js";
import type { AnyCommand } from "../../core/command.ts";
import type { ParleyRequest } from "../../core/request.ts";
import { parseTextCommand } from "../../core/text-command.ts";

function userOf(user: User): ParleyRequest["user"] {
  return { id: user.id, name: user.globalName ?? user.username };
}

function channelOf(
  channelId: string | null,
  inGuild: boolean,
  isThread: boolean | undefined,
): ParleyRequest["channel"] {
  const id = channelId ?? "unknown";
  if (!inGuild) return { id, kind: "dm" };
  return { id, kind: isThread ? "thread" : "channel" };
}

/**
 * `/talks <subcommand> option:value …` as the neutral request. Moderator status comes from the
 * member's permissions in the channel at the moment they ask, never from the command's registration,
 * which server admins can change.
 */
export function interactionRequest(interaction: ChatInputCommandInteraction): ParleyRequest {
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const args: ParleyRequest["args"] = {};
  for (const option of sub?.options ?? interaction.options.data) {
    const value = option.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      args[option.name] = value;
  }
  return {
    platform: "discord",
    user: userOf(interaction.user),
    channel: channelOf(interaction.channelId, interaction.inGuild(), interaction.channel?.isThread()),
    command: sub?.name ?? interaction.commandName,
    args,
    moderator: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    // Ids only: the interaction itself carries its token.
    raw: { interaction: interaction.id, guild: interaction.guildId },
  };
}

/** A Sources button asks the message's question again, privately. */
export function buttonRequest(interaction: ButtonInteraction, question: string): ParleyRequest {
  return {
    platform: "discord",
    user: userOf(interaction.user),
    channel: channelOf(interaction.channelId, interaction.inGuild(), interaction.channel?.isThread()),
    command: "ask",
    args: { question, private: true },
    moderator: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    raw: { interaction: interaction.id, guild: interaction.guildId, button: interaction.customId },
  };
}

/**
 * `@Parley <text>` in a channel, or a DM, read with the one text grammar the terminal and Slack use:
 * a question asks, `deadlines tiktok` runs that command, and the bare mention shows help.
 * Moderator commands are for /talks-admin, where Discord vouches for the member's permissions.
 */
export function messageRequest(
  message: Message,
  text: string,
  commands: readonly AnyCommand[],
): ParleyRequest {
  const { command, args } = parseTextCommand(text === "" ? "help" : text, commands);
  return {
    platform: "discord",
    user: userOf(message.author),
    channel: channelOf(message.channelId, message.inGuild(), message.channel.isThread()),
    command,
    args,
    moderator: false,
    raw: { message: message.id, guild: message.guildId },
  };
}
