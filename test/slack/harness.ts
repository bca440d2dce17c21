import { randomUUID } from "node:crypto";
import { afterEach } from "vitest";
import { z } from "zod";
import { commands as sharedCommands } from "../../commands/index.ts";
import { startSlack } from "../../src/adapters/slack/start.ts";
import { loadConfig } from "../../src/config.ts";
import { type AnyCommand, defineCommand } from "../../src/core/command.ts";
import { createDispatcher, type Dispatch } from "../../src/core/dispatch.ts";
import { RateLimiter } from "../../src/core/rate-limit.ts";
import { reply } from "../../src/core/reply.ts";
import type { Services } from "../../src/core/services.ts";
import { createLogger } from "../../src/logger.ts";
import { shippedEngine } from "../support/engine.ts";
import {
  blockActions,
  eventCallback,
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  type PostSignedOptions,
  postSigned,
  type SlackEvent,
  SlackWebApiStandIn,
  SocketModeStandIn,
  slashCommand,
} from "../support/slack-standin.ts";

export const SIGNING_SECRET = "test-signing-secret";
export const BOT_TOKEN = "xoxb-test";
export const APP_TOKEN = "xapp-test";

/** A command whose answer waits until the test lets it go: proves the ack comes first. */
export function gatedCommand(): { command: AnyCommand; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const command = defineCommand({
    name: "slow",
    description: "Answers only when released",
    options: [],
    args: z.object({}),
    access: "everyone",
    examples: ["slow"],
    run: async () => {
      await gate;
      return reply("info", "Slow but sure.");
    },
  });
  return { command, release };
}

export const failingCommand = defineCommand({
  name: "explode",
  description: "Always throws",
  options: [],
  args: z.object({}),
  access: "everyone",
  examples: ["explode"],
  run: () => {
    throw new Error("kaboom");
  },
});

export interface HarnessOptions {
  mode?: "http" | "socket";
  extraCommands?: AnyCommand[];
  rateLimiter?: RateLimiter;
  /** Wraps the real dispatcher, e.g. to make it fail. */
  wrapDispatch?: (inner: Dispatch) => Dispatch;
  services?: Services;
  /** More settings, e.g. SLACK_MODERATOR_IDS. */
  env?: Record<string, string>;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

const running: (() => Promise<void>)[] = [];

/** Every harness started in a test is stopped after it: the app first, then the stand-ins it talks to. */
afterEach(async () => {
  const failures: unknown[] = [];
  for (const stop of running.splice(0).reverse())
    await stop().catch((error: unknown) => failures.push(error));
  if (failures.length) throw failures[0];
});

/** The real Slack adapter (startSlack) wired to local Slack stand-ins, as main.ts wires it to Slack. */
export async function startHarness(options: HarnessOptions = {}) {
  const mode = options.mode ?? "http";
  const logs: Record<string, unknown>[] = [];
  // Runs last: whatever happened, no secret may have reached a log line, at any level.
  running.push(async () => {
    const all = JSON.stringify(logs);
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET])
      if (all.includes(secret)) throw new Error(`a log line contains ${secret}`);
  });
  const socket = mode === "socket" ? await SocketModeStandIn.start() : undefined;
  const webApi = await SlackWebApiStandIn.start(socket ? { socketMode: socket } : {});
  running.push(async () => {
    await webApi.close();
    await socket?.close();
  });
  const logger = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) });
  const commands = [...sharedCommands, ...(options.extraCommands ?? [])];
  const inner = createDispatcher({
    commands,
    engine: shippedEngine,
    logger,
    rateLimiter: options.rateLimiter ?? new RateLimiter({ burst: 1000, refillSeconds: 1 }),
  });
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(socket ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    SLACK_API_URL: webApi.apiUrl,
    PORT: "0",
    ...options.env,
  });
  const slack = await startSlack({
    config,
    dispatch: options.wrapDispatch ? options.wrapDispatch(inner) : inner,
    commands,
    engine: shippedEngine,
    logger,
    ...(options.services ? { services: options.services } : {}),
  });
  running.push(() => slack.stop());
  const url = `http://127.0.0.1:${slack.port}/slack/events`;

  return {
    webApi,
    socket,
    slack,
    url,
    logs,
    /** `/talks <text>` as Slack sends it; `answer()` waits for what arrives at its response_url. */
    async slash(
      text: string,
      opts: { user?: string; channel?: string; post?: Partial<PostSignedOptions> } = {},
    ) {
      const id = randomUUID();
      const payload = slashCommand({
        text,
        userId: opts.user ?? "U1",
        channelId: opts.channel ?? "C1",
        responseUrl: webApi.responseUrl(id),
      });
      const answer = (timeoutMs = 3000) => webApi.waitForResponse((r) => r.id === id, timeoutMs);
      if (socket) {
        const ack = await socket.send("slash_commands", payload.body);
        return { id, ack, status: 200, answer };
      }
      const res = await postSigned(url, payload.form, {
        secret: SIGNING_SECRET,
        contentType: FORM_CONTENT_TYPE,
        ...opts.post,
      });
      return { id, ack: null, status: res.status, answer };
    },
    /** An Events API delivery (HTTP: signed JSON; Socket Mode: an events_api envelope). */
    async event(event: SlackEvent, opts: { eventId?: string; retryNum?: number } = {}) {
      const body = eventCallback(event, opts.eventId ? { eventId: opts.eventId } : {});
      if (socket) {
        await socket.send("events_api", body, opts.retryNum ? { retryAttempt: opts.retryNum } : {});
        return 200;
      }
      const res = await postSigned(url, JSON.stringify(body), {
        secret: SIGNING_SECRET,
        contentType: JSON_CONTENT_TYPE,
        ...(opts.retryNum ? { retryNum: opts.retryNum, retryReason: "http_timeout" } : {}),
      });
      return res.status;
    },
    /** A button click on a message; `answer()` waits for its response_url. */
    async click(actionId: string, value: string, opts: { user?: string; channel?: string } = {}) {
      const id = randomUUID();
      const payload = blockActions({
        actionId,
        value,
        userId: opts.user ?? "U1",
        channelId: opts.channel ?? "C1",
        responseUrl: webApi.responseUrl(id),
      });
      const answer = (timeoutMs = 3000) => webApi.waitForResponse((r) => r.id === id, timeoutMs);
      if (socket) {
        await socket.send("interactive", payload.body);
        return { status: 200, answer };
      }
      const res = await postSigned(url, payload.form, {
        secret: SIGNING_SECRET,
        contentType: FORM_CONTENT_TYPE,
      });
      return { status: res.status, answer };
    },
  };
}

/** Everything a message shows, as one string: for "contains" and "never contains" checks. */
export function shown(body: unknown): string {
  return JSON.stringify(body);
}
