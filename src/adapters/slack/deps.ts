import type { AnyCommand } from "../../core/command.ts";
import type { Dispatch } from "../../core/dispatch.ts";
import type { Engine } from "../../core/engine.ts";
import type { Services } from "../../core/services.ts";
import type { Logger } from "../../logger.ts";
import type { ModeratorCheck } from "./moderators.ts";
import type { RecentIds } from "./recent-ids.ts";

/** What every listener needs, handed over once at start-up. */
export interface SlackDeps {
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  engine: () => Engine;
  logger: Logger;
  recent: RecentIds;
  /** Slack says nothing about moderators; Parley's config does. */
  isModerator: ModeratorCheck;
  /** Parley's records, where the process has them: votes go to services.recordFeedback. */
  services: Services;
  /** Keeps work in view so that stopping can let answers already under way reach the user. */
  track<T>(work: Promise<T>): Promise<T>;
}
