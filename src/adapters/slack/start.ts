import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformHandle, PlatformOptions } from "../platform.ts";
import { createSlackApp, type SlackMode, slackMode } from "./app.ts";
import { describeError } from "./bolt-logger.ts";
import type { SlackDeps } from "./deps.ts";
import { registerListeners } from "./listeners/index.ts";
import { moderatorCheck, moderatorNotifier } from "./moderators.ts";
import { RecentIds } from "./recent-ids.ts";

export type SlackOptions = PlatformOptions;

export interface SlackAdapter extends PlatformHandle {
  mode: SlackMode;
  /** The port HTTP mode listens on (PORT=0 picks a free one); null in Socket Mode. */
  port: number | null;
}

const START_TIMEOUT_MS = 30_000;
const STOP_RECEIVER_MS = 2_000;
const STOP_TOTAL_MS = 4_500;

/** Resolves with the promise, or with undefined once `ms` have passed; the timer never holds the process. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at
 * /slack/events. Rejects if Slack refuses the tokens or the connection, so start-up fails loudly.
 */
export async function startSlack(options: SlackOptions): Promise<SlackAdapter> {
  const logger = options.logger.child({ platform: "slack" });
  const mode = slackMode(options.config);
  const app = createSlackApp(options.config, logger);
  const inflight = new Set<Promise<unknown>>();
  const deps: SlackDeps = {
    dispatch: options.dispatch,
    commands: options.commands,
    engine: options.engine,
    logger,
    recent: new RecentIds(),
    isModerator: moderatorCheck(options.config, app.client, logger),
    services: options.services ?? {},
    track: (work) => {
      inflight.add(work);
      const forget = () => inflight.delete(work);
      work.then(forget, forget);
      return work;
    },
  };
  registerListeners(app, deps);
  // Errors that escape a listener land here; the process keeps serving everyone else.
  app.error(async (error) => {
    logger.error({ err: describeError(error) }, "slack: unhandled error in a listener");
  });

  await app.init();
  let server: Server | undefined;
  const started = mode === "socket" ? app.start() : app.start({ port: options.config.PORT });
  // Socket Mode resolves with nothing once connected, so the outcome is wrapped to tell it from a timeout.
  const result = await within(
    started.then((value) => ({ value })),
    START_TIMEOUT_MS,
  ).catch(async (error: unknown) => {
    await app.stop().catch(() => undefined);
    throw error;
  });
  if (result === undefined) {
    await app.stop().catch(() => undefined);
    throw new Error(`Slack did not accept the ${mode} connection within ${START_TIMEOUT_MS / 1000} s`);
  }
  if (mode === "http") server = result.value as Server;
  const port = server ? (server.address() as AddressInfo).port : null;
  logger.info({ mode, port }, "Slack adapter started");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const deadline = Date.now() + STOP_TOTAL_MS;
      try {
        const stopped = await within(
          app.stop().then(() => true),
          STOP_RECEIVER_MS,
        );
        if (!stopped) server?.closeAllConnections();
      } catch (error) {
        logger.warn({ err: describeError(error) }, "slack: stopping the receiver failed");
        server?.closeAllConnections();
      }
      await within(Promise.allSettled([...inflight]), deadline - Date.now());
      logger.info({ mode, unfinished: inflight.size }, "Slack adapter stopped");
    })();
    return stopping;
  };
  return { stop, notifyModerators: moderatorNotifier(options.config, app.client), mode, port };
}
