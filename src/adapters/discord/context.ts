import type { Logger } from "pino";
import type { AnyCommand } from "../../core/command.ts";
import type { Dispatch } from "../../core/dispatch.ts";
import type { Engine } from "../../core/engine.ts";
import type { Services } from "../../core/services.ts";

/** What every Discord handler works with. */
export interface DiscordContext {
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  engine: () => Engine;
  logger: Logger;
  /** Where 👍/👎 are recorded, when the process keeps records. */
  services: Services;
  /** True once stop() was called: new work is turned away politely. */
  stopping(): boolean;
}
