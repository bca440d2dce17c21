import type { z } from "zod";
import type { Engine } from "./engine.ts";
import type { Reply } from "./reply.ts";
import type { ParleyRequest } from "./request.ts";
import type { Services } from "./services.ts";

export interface Choice {
  name: string;
  value: string;
}

export interface CommandOption {
  name: string;
  description: string;
  type: "string" | "boolean" | "integer";
  required: boolean;
  /** Offers completions from the live knowledge base (Discord autocomplete, terminal hints). */
  autocomplete?: (engine: Engine, typed: string) => Choice[];
}

export interface CommandContext {
  engine: Engine;
  now: Date;
  request: ParleyRequest;
  /** Every shared command, for help. */
  commands: readonly AnyCommand[];
  /** Live knowledge and Parley's records, where the process has them (moderator commands need them). */
  services: Services;
}

/**
 * A platform-neutral command. Discord slash commands, Slack subcommands and the terminal's
 * words are all derived from these objects; no adapter keeps a list of its own.
 */
export interface CommandDefinition<Args> {
  name: string;
  description: string;
  options: CommandOption[];
  /** Validates and types the arguments, whatever platform they came from. */
  args: z.ZodType<Args>;
  access: "everyone" | "moderator";
  /** Example invocations for help, in the terminal's grammar. */
  examples: string[];
  run(args: Args, context: CommandContext): Reply | Promise<Reply>;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of commands with different argument types
export type AnyCommand = CommandDefinition<any>;

export function defineCommand<Args>(definition: CommandDefinition<Args>): CommandDefinition<Args> {
  return definition;
}
