import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { runTerminal } from "../../src/adapters/terminal/repl.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import type { Services } from "../../src/core/services.ts";
import { createLogger } from "../../src/logger.ts";
import { shippedEngine } from "../support/engine.ts";
import { runScript } from "../support/spawn.ts";

async function converse(lines: string[], services: Services = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d) => {
    text += d;
  });
  const dispatch = createDispatcher({
    commands,
    engine: shippedEngine,
    logger: createLogger("silent"),
    services,
  });
  const done = runTerminal({ dispatch, commands, input, output, interactive: false });
  input.end(`${lines.join("\n")}\n`);
  await done;
  return text;
}

describe("the terminal adapter", () => {
  it("answers questions and shared commands, and stops at exit", async () => {
    const text = await converse([
      "when is the tiktok deadline",
      "who greer",
      "deadlines tiktok",
      "exit",
      "who is xi",
    ]);
    expect(text).toContain("Sources:");
    expect(text).toContain("Jamieson Greer");
    expect(text).toContain("Deadlines");
    expect(text).not.toContain("Xi Jinping");
  });

  it("lets the operator run moderator commands: the terminal is their own console", async () => {
    let reloads = 0;
    const text = await converse(["reload"], {
      reload: async () => {
        reloads++;
        return { ok: true, changed: false, version: "v1", problems: [], at: new Date() };
      },
    });
    expect(reloads).toBe(1);
    expect(text).toContain("still serving version v1");
  });

  it("is plain when piped: no colour codes", async () => {
    expect(await converse(["who is bessent"])).not.toContain("\u001b[");
  });

  it("starts with npm start's entry point and no tokens, answering piped questions", async () => {
    const r = await runScript("src/main.ts", [], { input: "when is the tiktok deadline\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TikTok");
    expect(r.stdout).toContain("Sources:");
  });

  it("stops with a clear message when an environment variable is wrong", async () => {
    const r = await runScript("src/main.ts", [], {
      env: { RATE_LIMIT_BURST: "lots", DISCORD_TOKEN: "tok-secret-123" },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("RATE_LIMIT_BURST");
    expect(r.stderr).toContain("DISCORD_APPLICATION_ID");
    expect(r.stderr).not.toContain("tok-secret-123");
  });
});
