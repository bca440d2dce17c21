import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordStandIn, snowflake } from "../support/discord-standin.ts";
import { spawnMain } from "../support/spawn.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe("npm start with a Discord token", () => {
  it("logs in, answers /talks, and stops within 5 seconds on SIGTERM", async () => {
    const standIn = await DiscordStandIn.start();
    cleanups.push(() => standIn.close());
    const data = mkdtempSync(join(tmpdir(), "parley-discord-"));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const main = spawnMain({
      DISCORD_TOKEN: standIn.token,
      DISCORD_APPLICATION_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      PARLEY_DATA_DIR: data,
      LOG_LEVEL: "info",
    });
    const child = main.child;
    cleanups.push(() => void child.kill("SIGKILL"));
    await main.waitForLog(/connected to Discord/);
    // Starting never registers commands: that is npm run commands:deploy's job.
    expect(standIn.requests.some((r) => r.method === "PUT" && r.path.includes("/commands"))).toBe(false);

    const payload = standIn.chatInput({
      name: "talks",
      subcommand: "who",
      options: { name: "he lifeng" },
      user: { id: snowflake() },
    });
    standIn.dispatch("INTERACTION_CREATE", payload);
    const answered = await standIn.waitForInteractionCallback(payload.id, 5000);
    expect(JSON.stringify(answered.body)).toContain("He Lifeng");

    const started = Date.now();
    const exited = main.exitCode();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(main.log()).not.toContain(standIn.token);
  });

  it("stops at once with a clear message when Discord rejects the token", async () => {
    const standIn = await DiscordStandIn.start({ rejectToken: true });
    cleanups.push(() => standIn.close());
    const main = spawnMain({
      DISCORD_TOKEN: standIn.token,
      DISCORD_APPLICATION_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), "parley-discord-")),
      LOG_LEVEL: "silent",
    });
    cleanups.push(() => void main.child.kill("SIGKILL"));
    const code = await main.exitCode();
    expect(code).toBe(1);
    expect(main.log()).toContain("DISCORD_TOKEN");
  });
});
