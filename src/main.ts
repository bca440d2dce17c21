import { commands } from "../commands/index.ts";
import type { PlatformHandle } from "./adapters/platform.ts";
import { runTerminal } from "./adapters/terminal/repl.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createDispatcher } from "./core/dispatch.ts";
import { RateLimiter } from "./core/rate-limit.ts";
import { loadDotEnv } from "./env-file.ts";
import { knowledgeDir } from "./knowledge/location.ts";
import { formatProblem } from "./knowledge/problems.ts";
import { KnowledgeLoadError, KnowledgeService, type ReloadResult } from "./live/knowledge-service.ts";
import { createServices } from "./live/services.ts";
import { createLogger } from "./logger.ts";
import { Store } from "./store/store.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

loadDotEnv();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`${error.message}\nSee .env.example for every setting.`);
  throw error;
}
const logger = createLogger(config.LOG_LEVEL);
// One failure must not take the bot down: a stray rejection is logged and the process goes on.
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
const platforms: PlatformHandle[] = [];

function reportReload(result: ReloadResult): void {
  if (result.ok && !result.changed) return;
  const text = result.ok
    ? `Knowledge reloaded: now serving version ${result.version}.`
    : `Knowledge reload failed with ${result.problems.length} problem(s); still serving version ${result.version}.\n${result.problems.slice(0, 10).map(formatProblem).join("\n")}`;
  if (result.ok) logger.info({ version: result.version }, "knowledge reloaded");
  else
    logger.warn(
      { problems: result.problems.map(formatProblem) },
      "knowledge reload failed; serving the last good version",
    );
  for (const p of platforms)
    void p
      .notifyModerators?.(text)
      .catch((err: unknown) => logger.warn({ err }, "could not notify moderators"));
}

let knowledge: KnowledgeService;
try {
  knowledge = await KnowledgeService.open({
    dir: config.PARLEY_KNOWLEDGE_DIR ?? knowledgeDir(),
    onReload: reportReload,
  });
} catch (error) {
  if (error instanceof KnowledgeLoadError) {
    fail(
      `The knowledge base has ${error.problems.length} problem(s):\n${error.problems.map(formatProblem).join("\n")}\nRun "npm run kb:check" for details.`,
    );
  }
  throw error;
}
knowledge.watch();
const store = Store.open(config.PARLEY_DATA_DIR);
const services = createServices(knowledge, store);

const dispatch = createDispatcher({
  commands,
  engine: () => knowledge.engine(),
  rateLimiter: new RateLimiter({
    burst: config.RATE_LIMIT_BURST,
    refillSeconds: config.RATE_LIMIT_REFILL_SECONDS,
  }),
  logger,
  services,
});

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, "shutting down");
  // Adapters finish what they have started; none may hold the process past five seconds.
  const deadline = setTimeout(() => process.exit(0), 5000);
  deadline.unref();
  await Promise.allSettled(platforms.map((p) => p.stop()));
  knowledge.close();
  store.close();
  process.exit(0);
}

const adapterOptions = { config, dispatch, commands, engine: () => knowledge.engine(), logger, services };
try {
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import("./adapters/discord/start.ts");
    platforms.push(await startDiscord(adapterOptions));
  }
  if (config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import("./adapters/slack/start.ts");
    platforms.push(await startSlack(adapterOptions));
  }
} catch (error) {
  await Promise.allSettled(platforms.map((p) => p.stop()));
  fail(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
}

if (platforms.length > 0) {
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
} else {
  await runTerminal({ dispatch, commands });
  knowledge.close();
  store.close();
}
