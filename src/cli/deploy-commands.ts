import { commands } from "../../commands/index.ts";
import { deployCommands } from "../adapters/discord/deploy.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { loadDotEnv } from "../env-file.ts";

/** `npm run commands:deploy`: registers /talks with Discord. Starting the bot never does this. */
loadDotEnv();
try {
  const config = loadConfig();
  const result = await deployCommands(config, commands);
  const where = result.scope === "guild" ? `in server ${config.DISCORD_GUILD_ID}` : "globally";
  const names = result.names.map((n) => `/${n}`).join(" and ");
  console.log(`Registered ${names} (${result.subcommands} subcommands) ${where}.`);
} catch (error) {
  const message =
    error instanceof ConfigError
      ? `${error.message}\nSee .env.example for every setting.`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
}
