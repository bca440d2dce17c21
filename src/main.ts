import { commands } from "../commands/index.ts";
import { runTerminal } from "./adapters/terminal/repl.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createDispatcher } from "./core/dispatch.ts";
import { KnowledgeError, loadEngine } from "./core/load-engine.ts";
import { RateLimiter } from "./core/rate-limit.ts";
import { loadDotEnv } from "./env-file.ts";
import { knowledgeDir } from "./knowledge/location.ts";
import { createLogger } from "./logger.ts";

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
const dir = config.PARLEY_KNOWLEDGE_DIR ?? knowledgeDir();

let engine: Awaited<ReturnType<typeof loadEngine>>;
try {
  engine = await loadEngine(dir);
} catch (error) {
  if (error instanceof KnowledgeError) fail(`${error.message}\nRun "npm run kb:check" for details.`);
  throw error;
}

const dispatch = createDispatcher({
  commands,
  engine: () => engine,
  rateLimiter: new RateLimiter({
    burst: config.RATE_LIMIT_BURST,
    refillSeconds: config.RATE_LIMIT_REFILL_SECONDS,
  }),
  logger,
});

if (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN) {
  fail(
    "Discord and Slack are not wired in yet: unset DISCORD_TOKEN and SLACK_BOT_TOKEN to use the terminal.",
  );
}
await runTerminal({ dispatch, commands });
