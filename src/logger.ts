import pino, { type Logger } from "pino";

export type { Logger };

/**
 * One logger for the process. Secrets never reach it: fields that could hold them are redacted
 * wherever they appear, and adapters log ids, not message bodies with tokens.
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { app: "parley" },
      redact: {
        paths: [
          "token",
          "*.token",
          "*.*.token",
          "authorization",
          "*.authorization",
          "*.headers.authorization",
          "signingSecret",
          "*.signingSecret",
          "appToken",
          "*.appToken",
          "botToken",
          "*.botToken",
        ],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(2),
  );
}
