import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordStandIn, snowflake } from "../support/discord-standin.ts";
import { ROOT } from "../support/spawn.ts";

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
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: "",
        SLACK_APP_TOKEN: "",
        SLACK_SIGNING_SECRET: "",
        DISCORD_TOKEN: standIn.token,
        DISCORD_APPLICATION_ID: standIn.applicationId,
        DISCORD_API_URL: standIn.apiUrl,
        PARLEY_DATA_DIR: data,
        LOG_LEVEL: "info",
      },
    });
    cleanups.push(() => void child.kill("SIGKILL"));
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log-in line:\n${stderr}`)), 15_000);
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        if (stderr.includes("connected to Discord")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`main exited early:\n${stderr}`)));
    });
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
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stderr).not.toContain(standIn.token);
  });

  it("stops at once with a clear message when Discord rejects the token", async () => {
    const standIn = await DiscordStandIn.start({ rejectToken: true });
    cleanups.push(() => standIn.close());
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: "",
        DISCORD_TOKEN: standIn.token,
        DISCORD_APPLICATION_ID: standIn.applicationId,
        DISCORD_API_URL: standIn.apiUrl,
        PARLEY_DATA_DIR: mkdtempSync(join(tmpdir(), "parley-discord-")),
        LOG_LEVEL: "silent",
      },
    });
    cleanups.push(() => void child.kill("SIGKILL"));
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain("DISCORD_TOKEN");
  });
});
