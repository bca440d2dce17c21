import { App } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { boltLogger } from "./bolt-logger.ts";

export type SlackMode = "socket" | "http";

/** The Web API client retries a failed call this often; Socket Mode would otherwise set 100 for itself. */
const API_RETRIES = { retries: 2, factor: 2 };

export function slackMode(config: Config): SlackMode {
  return config.SLACK_APP_TOKEN ? "socket" : "http";
}

/**
 * A Bolt app for the configured mode: Socket Mode when an app token is set (no public URL needed),
 * otherwise HTTP on PORT at /slack/events with every request's signature checked. Initialization is
 * deferred so that a bad token rejects `init()` instead of failing unawaited inside the constructor.
 */
export function createSlackApp(config: Config, logger: Logger): App {
  if (!config.SLACK_BOT_TOKEN) throw new Error("SLACK_BOT_TOKEN is not set");
  const clientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { ...API_RETRIES },
  };
  const common = {
    token: config.SLACK_BOT_TOKEN,
    logger: boltLogger(logger),
    clientOptions,
    deferInitialization: true,
  };
  if (slackMode(config) === "socket") {
    return new App({ ...common, socketMode: true, appToken: config.SLACK_APP_TOKEN });
  }
  if (!config.SLACK_SIGNING_SECRET) throw new Error("SLACK_SIGNING_SECRET is not set (needed in HTTP mode)");
  return new App({
    ...common,
    signingSecret: config.SLACK_SIGNING_SECRET,
    endpoints: "/slack/events",
    signatureVerification: true,
  });
}
