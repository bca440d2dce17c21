import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { AnyCommand } from "../core/command.ts";
import type { Dispatch } from "../core/dispatch.ts";
import type { Engine } from "../core/engine.ts";
import type { Services } from "../core/services.ts";

/** What every chat platform adapter is started with. */
export interface PlatformOptions {
  config: Config;
  /** The one path requests take: limits, access, validation, polite failures. */
  dispatch: Dispatch;
  /** The shared commands, from which the adapter derives its own. */
  commands: readonly AnyCommand[];
  /** The current knowledge, read per request so a reload is seen at once. */
  engine: () => Engine;
  logger: Logger;
  /** Parley's records: 👍 / 👎 go to recordFeedback (without it they are only logged). */
  services?: Services;
}

/** What main needs of a running adapter. */
export interface PlatformHandle {
  /** Stops taking requests and lets replies under way finish; resolves within 5 seconds. */
  stop(): Promise<void>;
  /** Posts in the platform's moderators' channel (a reload's result); does nothing without one. */
  notifyModerators(text: string): Promise<void>;
}
