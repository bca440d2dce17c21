import { type Client, Events } from "discord.js";
import type { Logger } from "pino";
import type { PlatformHandle, PlatformOptions } from "../platform.ts";
import { createClient } from "./client.ts";
import type { DiscordContext } from "./context.ts";
import { DiscordStartError, describeError, startFailure } from "./errors.ts";
import { handleInteraction } from "./interactions.ts";
import { answerMention } from "./mentions.ts";
import { discordMessages } from "./messages.ts";
import { NO_MENTIONS } from "./respond.ts";

/** Discord's limit for a message's text. */
const DISCORD_CONTENT_LIMIT = 2000;

export type StartDiscordOptions = PlatformOptions;

export type DiscordBot = PlatformHandle;

/** Replies still being written get this long after stop(); the gateway closes within the rest of the 5 s. */
const DRAIN_MS = 3500;
const CLOSE_MS = 1000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

function watchClient(client: Client, logger: Logger): void {
  // Without an 'error' listener, an error event would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, "discord client error"));
  client.on(Events.ShardError, (error, shard) =>
    logger.error({ err: describeError(error), shard }, "discord gateway error"),
  );
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "discord warning"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, "discord gateway closed"),
  );
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, "discord gateway resumed"));
}

/**
 * Connects Parley to Discord: slash commands, autocomplete, buttons, mentions and DMs, all answered
 * through `dispatch`. Registering the slash commands is `npm run commands:deploy`, never a side effect
 * of starting. Rejects with a DiscordStartError that says what to fix when Discord refuses the login.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const logger = options.logger.child({ adapter: "discord" });
  const token = options.config.DISCORD_TOKEN;
  if (!token) throw new DiscordStartError(discordMessages.noToken);

  const client = createClient(options.config);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const ctx: DiscordContext = {
    dispatch: options.dispatch,
    commands: options.commands,
    engine: options.engine,
    logger,
    services: options.services ?? {},
    stopping: () => stopping,
  };
  const track = (work: Promise<void>, what: string) => {
    const done = work.catch((error: unknown) =>
      logger.error({ err: describeError(error) }, `unhandled ${what} failure`),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  watchClient(client, logger);
  client.on(Events.InteractionCreate, (interaction) =>
    track(handleInteraction(interaction, ctx), "interaction"),
  );
  client.on(Events.MessageCreate, (message) => track(answerMention(message, ctx), "message"));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => {});
    throw startFailure(error);
  }
  logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, "connected to Discord");

  let stopped: Promise<void> | undefined;
  const moderatorChannel = options.config.DISCORD_MODERATOR_CHANNEL_ID;
  return {
    async notifyModerators(text) {
      if (!moderatorChannel || stopping) return;
      const channel = await client.channels.fetch(moderatorChannel);
      if (channel?.isSendable()) {
        await channel.send({ content: text.slice(0, DISCORD_CONTENT_LIMIT), allowedMentions: NO_MENTIONS });
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await Promise.race([Promise.allSettled([...inFlight]), sleep(DRAIN_MS)]);
        if (inFlight.size > 0) logger.warn({ pending: inFlight.size }, "stopping with replies unfinished");
        await Promise.race([client.destroy(), sleep(CLOSE_MS)]).catch(() => {});
        logger.info("disconnected from Discord");
      })();
      return stopped;
    },
  };
}
