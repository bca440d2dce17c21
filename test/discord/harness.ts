import { Writable } from "node:stream";
import type { APIEmbed, APIInteractionResponseCallbackData, APIMessage } from "discord.js";
import { commands as sharedCommands } from "../../commands/index.ts";
import { type DiscordBot, startDiscord } from "../../src/adapters/discord/start.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import type { AnyCommand } from "../../src/core/command.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import type { ParleyRequest } from "../../src/core/request.ts";
import type { FeedbackInput, Services } from "../../src/core/services.ts";
import { createLogger } from "../../src/logger.ts";
import {
  type ChatInputBuilderOptions,
  DiscordStandIn,
  type DiscordStandInOptions,
  type InteractionCallbackRecord,
  snowflake,
} from "../support/discord-standin.ts";
import { shippedEngine } from "../support/engine.ts";

export function configFor(standIn: DiscordStandIn, extra: Record<string, string> = {}): Config {
  return loadConfig({
    DISCORD_TOKEN: standIn.token,
    DISCORD_APPLICATION_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    ...extra,
  });
}

export function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

export interface HarnessOptions {
  commands?: readonly AnyCommand[];
  standIn?: DiscordStandIn | DiscordStandInOptions;
  /** Extra environment for the adapter's config (e.g. a moderator channel). */
  env?: Record<string, string>;
  /** Services for the dispatcher (moderator commands); feedback is always captured by the harness. */
  services?: Services;
}

/** A stand-in Discord, the real dispatcher on the shipped knowledge, and Parley's Discord adapter connected to it. */
export class Harness {
  /** Every request the adapter made of the dispatcher, in order. */
  readonly requests: ParleyRequest[] = [];
  /** Every 👍/👎 the adapter recorded. */
  readonly feedback: FeedbackInput[] = [];

  private constructor(
    readonly standIn: DiscordStandIn,
    readonly logs: string[],
    private bot: DiscordBot | null,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const standIn =
      options.standIn instanceof DiscordStandIn
        ? options.standIn
        : await DiscordStandIn.start(options.standIn);
    const commands = options.commands ?? sharedCommands;
    const { lines, logger } = captureLogs();
    const dispatcher = createDispatcher({
      commands,
      engine: shippedEngine,
      logger,
      services: options.services ?? {},
    });
    const harness = new Harness(standIn, lines, null);
    harness.bot = await startDiscord({
      config: configFor(standIn, options.env),
      services: { recordFeedback: (input) => harness.feedback.push(input) },
      dispatch: (request) => {
        harness.requests.push(request);
        return dispatcher(request);
      },
      commands,
      engine: shippedEngine,
      logger,
    });
    return harness;
  }

  notifyModerators(text: string): Promise<void> {
    return this.bot?.notifyModerators(text) ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    this.bot = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.standIn.close();
  }

  /** `/talks <subcommand> …` from a fresh user (so tests don't share a rate limit) unless one is given. */
  slash(
    subcommand: string,
    options: ChatInputBuilderOptions["options"] = {},
    over: Partial<ChatInputBuilderOptions> = {},
  ) {
    const payload = this.standIn.chatInput({
      name: "talks",
      subcommand,
      options,
      user: { id: snowflake() },
      ...over,
    });
    this.standIn.dispatch("INTERACTION_CREATE", payload);
    return payload;
  }

  /** The first callback for an interaction, with its message data. */
  async callback(payload: { id: string }, timeoutMs = 3000) {
    const cb: InteractionCallbackRecord = await this.standIn.waitForInteractionCallback(
      payload.id,
      timeoutMs,
    );
    const data = ("data" in cb.body ? cb.body.data : {}) as APIInteractionResponseCallbackData & {
      choices?: { name: string; value: string | number }[];
    };
    return { type: cb.body.type, data, embeds: (data.embeds ?? []) as APIEmbed[], record: cb };
  }

  /** Asks and returns the message Parley created for the answer (as the stand-in stores it). */
  async answeredMessage(question: string): Promise<APIMessage> {
    const payload = this.slash("ask", { question });
    await this.callback(payload);
    const message = this.standIn.botMessages().findLast((m) => m.embeds[0]?.footer?.text.includes(question));
    if (!message) throw new Error(`no message answers “${question}”`);
    return message;
  }
}

export const EPHEMERAL = 64;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
