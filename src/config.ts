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
const schema = z.object({
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

  DISCORD_MODERATOR_CHANNEL_ID: optional.pipe(
    z
      .string()
      .regex(/^\d{15,25}$/, "must be a numeric channel id")
      .optional(),
  ),
  SLACK_MODERATOR_IDS: optional
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(
      z.array(
        z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be a comma-separated list of Slack user ids (U…)"),
      ),
    ),
  SLACK_MODERATOR_CHANNEL_ID: optional.pipe(
    z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, "must be a Slack channel id (C…)")
      .optional(),
  ),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Settings that only make sense together; checked on the raw values so every problem is reported at once. */
function missingCompanions(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const problems: string[] = [];
  if (set("DISCORD_TOKEN") && !set("DISCORD_APPLICATION_ID"))
    problems.push("DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set");
  if (set("SLACK_BOT_TOKEN") && !set("SLACK_SIGNING_SECRET") && !set("SLACK_APP_TOKEN")) {
    problems.push(
      "SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if ((set("SLACK_SIGNING_SECRET") || set("SLACK_APP_TOKEN")) && !set("SLACK_BOT_TOKEN")) {
    problems.push("SLACK_BOT_TOKEN is required when other SLACK_ variables are set");
  }
  return problems;
}

/** Parses the environment; throws a ConfigError naming every bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`)),
    ...missingCompanions(env),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
