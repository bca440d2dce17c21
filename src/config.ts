import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const url = z.url({ message: "must be a URL such as https://example.org/api" }).optional();
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting Parley reads from the environment, validated once at start-up. Everything else
 * imports the typed result; nothing reads process.env directly.
 */
const schema = z
  .object({
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PARLEY_KNOWLEDGE_DIR: optional,
    PARLEY_DATA_DIR: z.string().default("./data"),
    RATE_LIMIT_BURST: positiveInt(5),
    RATE_LIMIT_REFILL_SECONDS: positiveInt(10),

    DISCORD_TOKEN: optional,
    DISCORD_APPLICATION_ID: optional.pipe(
      z
        .string()
        .regex(/^\d{15,25}$/, "must be the application's numeric id")
        .optional(),
    ),
    DISCORD_GUILD_ID: optional.pipe(
      z
        .string()
        .regex(/^\d{15,25}$/, "must be a numeric server (guild) id")
        .optional(),
    ),
    DISCORD_API_URL: optional.pipe(url),

    SLACK_BOT_TOKEN: optional.pipe(
      z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
    ),
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: optional.pipe(
      z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional(),
    ),
    SLACK_API_URL: optional.pipe(url),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_APPLICATION_ID"],
        message: "is required when DISCORD_TOKEN is set",
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)",
      });
    }
    if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is required when other SLACK_ variables are set",
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
}
