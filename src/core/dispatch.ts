import type { Logger } from "pino";
import type { AnyCommand } from "./command.ts";
import type { Engine } from "./engine.ts";
import { MAX_QUESTION_LENGTH, messages } from "./messages.ts";
import { RateLimiter } from "./rate-limit.ts";
import { type Reply, reply } from "./reply.ts";
import type { ParleyRequest } from "./request.ts";
import type { Services } from "./services.ts";

export interface DispatcherOptions {
  commands: readonly AnyCommand[];
  /** The current knowledge: read once per request, so a reload never mixes two versions. */
  engine: () => Engine;
  clock?: () => Date;
  rateLimiter?: RateLimiter;
  logger: Logger;
  services?: Services;
}

export type Dispatch = (request: ParleyRequest) => Promise<Reply>;

/**
 * The one path every platform's requests take: find the command, check who may run it, apply
 * the per-user rate limit and input limits, validate arguments, run it, and turn any failure
 * into a polite reply (and a log line) rather than silence.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const clock = options.clock ?? (() => new Date());
  const limiter = options.rateLimiter ?? new RateLimiter();
  const byName = new Map(options.commands.map((c) => [c.name, c]));

  return async (request) => {
    const command = byName.get(request.command);
    if (!command) {
      return reply("invalid", `I don't know the command “${request.command}”. Try “help”.`, {
        suggestions: ["help"],
      });
    }
    if (command.access === "moderator" && !request.moderator)
      return reply("forbidden", messages.notModerator);
    const now = clock();
    // The terminal is the operator's own console: no limit there.
    if (request.platform !== "terminal") {
      const wait = limiter.take(`${request.platform}:${request.user.id}`, now.getTime());
      if (wait > 0) return reply("rate-limited", messages.rateLimited(wait));
    }
    for (const [name, value] of Object.entries(request.args)) {
      if (typeof value === "string" && value.length > MAX_QUESTION_LENGTH && name !== "question") {
        return reply("invalid", messages.tooLong(value.length));
      }
    }
    const parsed = command.args.safeParse(request.args);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join(".") || "input"}: ${i.message}`)
        .join("; ");
      return reply("invalid", `That doesn't look right for “${command.name}” (${detail}). Try “help”.`, {
        suggestions: command.examples,
      });
    }
    try {
      const engine = options.engine();
      return await command.run(parsed.data, {
        engine,
        now,
        request,
        commands: options.commands,
        services: options.services ?? {},
      });
    } catch (error) {
      options.logger.error(
        {
          err: error,
          command: request.command,
          platform: request.platform,
          user: request.user.id,
          channel: request.channel.id,
        },
        "command failed",
      );
      return reply("error", messages.genericError);
    }
  };
}
