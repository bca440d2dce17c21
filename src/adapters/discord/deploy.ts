import { DiscordAPIError, REST, Routes } from "discord.js";
import type { Config } from "../../config.ts";
import type { AnyCommand } from "../../core/command.ts";
import { slashCommandsJson } from "./command-json.ts";
import { discordMessages } from "./messages.ts";

export interface Deployed {
  scope: "guild" | "global";
  names: string[];
  subcommands: number;
}

/** Why Discord refused the registration, in words that say what to fix. */
function deployFailure(error: unknown, config: Config): Error {
  const status = error instanceof DiscordAPIError ? error.status : undefined;
  if (status === 401) return new Error(discordMessages.tokenRejected, { cause: error });
  if (status === 403 && config.DISCORD_GUILD_ID)
    return new Error(
      `Discord refused to register commands in server ${config.DISCORD_GUILD_ID}: invite the bot there with the applications.commands scope.`,
      { cause: error },
    );
  if (status === 403 || status === 404)
    return new Error(
      `DISCORD_APPLICATION_ID ${config.DISCORD_APPLICATION_ID} does not belong to this bot token.`,
      { cause: error },
    );
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(`Registering the commands failed: ${detail}`, { cause: error });
}

/**
 * Registers the slash commands derived from the shared definitions: in DISCORD_GUILD_ID when set
 * (instant, for development), otherwise globally. A PUT replaces the whole set, so commands removed
 * from the code disappear from Discord too.
 */
export async function deployCommands(config: Config, commands: readonly AnyCommand[]): Promise<Deployed> {
  const token = config.DISCORD_TOKEN;
  const app = config.DISCORD_APPLICATION_ID;
  if (!token || !app)
    throw new Error("DISCORD_TOKEN and DISCORD_APPLICATION_ID must both be set to register commands.");
  const guild = config.DISCORD_GUILD_ID;
  const body = slashCommandsJson(commands, guild ? "guild" : "global");
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  try {
    await rest.put(guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app), {
      body,
    });
  } catch (error) {
    throw deployFailure(error, config);
  }
  return {
    scope: guild ? "guild" : "global",
    names: body.map((c) => c.name),
    subcommands: body.reduce((n, c) => n + (c.options?.length ?? 0), 0),
  };
}
