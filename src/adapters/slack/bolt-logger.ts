import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.ts";

// Slack tokens look like these; Bolt's and the Web API's debug lines can quote request details.
const TOKEN = /\bx(?:ox[abprse]|app)-[A-Za-z0-9-]+/g;

export function scrubTokens(text: string): string {
  return text.replace(TOKEN, "[redacted]");
}

function line(parts: unknown[]): string {
  return scrubTokens(
    parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : safeJson(p))).join(" "),
  );
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt, its Web API client and its Socket Mode client log through Parley's logger, so there is one
 * log stream and one level. Bolt's own setLevel is ignored: LOG_LEVEL decides.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack-bolt" });
  return {
    debug: (...msg) => log.debug(line(msg)),
    info: (...msg) => log.info(line(msg)),
    warn: (...msg) => log.warn(line(msg)),
    error: (...msg) => log.error(line(msg)),
    setLevel: () => undefined,
    getLevel: () => LEVELS[log.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}

/** An error as loggable fields: never the request it came from, whose headers carry the token. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubTokens(String(error)) };
  const e = error as Error & { code?: unknown; data?: { error?: unknown } };
  return {
    name: e.name,
    message: scrubTokens(e.message),
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
    stack: e.stack ? scrubTokens(e.stack) : undefined,
  };
}
