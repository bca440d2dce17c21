import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { AnyCommand, CommandOption } from "../../core/command.ts";
import { LIMITS } from "./limits.ts";
import { discordMessages } from "./messages.ts";

/** The one slash command everyone sees; each shared command is one of its subcommands. */
export const TALKS = "talks";
/**
 * Discord grants permissions per top-level command, not per subcommand, so moderator commands
 * live under a second command that only members with Manage Server see by default.
 */
export const TALKS_ADMIN = "talks-admin";

const NAME = /^[-_a-z0-9]{1,32}$/;
const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  boolean: ApplicationCommandOptionType.Boolean,
  integer: ApplicationCommandOptionType.Integer,
} as const;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a valid Discord command or option name`);
  return name;
}

function describe(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= LIMITS.commandDescription
    ? trimmed
    : `${trimmed.slice(0, LIMITS.commandDescription - 1).trimEnd()}…`;
}

function optionJson(option: CommandOption): APIApplicationCommandBasicOption {
  const base = {
    name: checkedName(option.name),
    description: describe(option.description),
    required: option.required,
  };
  const autocomplete = option.autocomplete ? { autocomplete: true as const } : {};
  switch (option.type) {
    case "boolean":
      return { ...base, type: OPTION_TYPES.boolean };
    case "integer":
      return { ...base, type: OPTION_TYPES.integer, ...autocomplete };
    case "string":
      return { ...base, type: OPTION_TYPES.string, ...autocomplete };
  }
}

function subcommandJson(command: AnyCommand): APIApplicationCommandSubcommandOption {
  // Discord requires every required option to come before the optional ones.
  const options = [...command.options].sort((a, b) => Number(b.required) - Number(a.required));
  if (options.length > LIMITS.commandOptions) throw new Error(`${command.name} has more than 25 options`);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkedName(command.name),
    description: describe(command.description),
    options: options.map(optionJson),
  };
}

/** Global commands say where they may be used; guild commands only ever appear in their guild. */
export type CommandScope = "global" | "guild";

function topLevel(
  name: string,
  description: string,
  commands: readonly AnyCommand[],
  moderatorOnly: boolean,
  scope: CommandScope,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (commands.length > LIMITS.commandOptions)
    throw new Error(`/${name} would have more than 25 subcommands`);
  const contexts = moderatorOnly
    ? [InteractionContextType.Guild]
    : [InteractionContextType.Guild, InteractionContextType.BotDM];
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description,
    options: commands.map(subcommandJson),
    ...(moderatorOnly ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
    ...(scope === "global" ? { contexts, integration_types: [ApplicationIntegrationType.GuildInstall] } : {}),
  };
}

/** The slash commands, derived from the shared definitions: /talks, and /talks-admin once any moderator command exists. */
export function slashCommandsJson(
  commands: readonly AnyCommand[],
  scope: CommandScope = "global",
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const everyone = commands.filter((c) => c.access === "everyone");
  const moderator = commands.filter((c) => c.access === "moderator");
  return [
    topLevel(TALKS, discordMessages.talksDescription, everyone, false, scope),
    ...(moderator.length
      ? [topLevel(TALKS_ADMIN, discordMessages.moderatorDescription, moderator, true, scope)]
      : []),
  ];
}

/** The shared command a slash command invocation names, or undefined for one Parley doesn't own. */
export function sharedCommand(
  commands: readonly AnyCommand[],
  topLevelName: string,
  subcommand: string | null,
): AnyCommand | undefined {
  if (topLevelName !== TALKS && topLevelName !== TALKS_ADMIN) return undefined;
  return commands.find((c) => c.name === subcommand);
}
