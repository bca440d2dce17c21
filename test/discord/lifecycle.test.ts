import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { DiscordStartError } from "../../src/adapters/discord/errors.ts";
import { discordMessages } from "../../src/adapters/discord/messages.ts";
import { startDiscord } from "../../src/adapters/discord/start.ts";
import { defineCommand } from "../../src/core/command.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { reply } from "../../src/core/reply.ts";
import { DiscordStandIn } from "../support/discord-standin.ts";
import { shippedEngine } from "../support/engine.ts";
import { captureLogs, configFor, EPHEMERAL, Harness, sleep } from "./harness.ts";

const slow = defineCommand({
  name: "slow",
  description: "Answers after two seconds",
  options: [],
  args: z.object({}),
  access: "everyone",
  examples: [],
  run: async () => {
    await sleep(2000);
    return reply("info", "Done.");
  },
});

let standIn: DiscordStandIn | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  await standIn?.close();
  h = undefined;
  standIn = undefined;
});

async function startAgainst(s: DiscordStandIn) {
  const { lines, logger } = captureLogs();
  const dispatch = createDispatcher({ commands, engine: shippedEngine, logger });
  const started = startDiscord({ config: configFor(s), dispatch, commands, engine: shippedEngine, logger });
  return { started, lines };
}

describe("starting", () => {
  for (const rejectToken of ["gateway", "rest"] as const) {
    it(`a token Discord rejects (${rejectToken === "gateway" ? "gateway close 4004" : "HTTP 401"}) fails start-up with a clear message`, async () => {
      standIn = await DiscordStandIn.start({ rejectToken });
      const { started, lines } = await startAgainst(standIn);
      const error = await started.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordStartError);
      expect((error as Error).message).toBe(discordMessages.tokenRejected);
      expect((error as Error).message).toMatch(/^DISCORD_TOKEN was rejected by Discord/);
      expect(lines.join("")).not.toContain(DiscordStandIn.TOKEN);
    });
  }

  it("asks for no privileged intent, so a bot without Message Content still starts", async () => {
    h = await Harness.start({ standIn: { privilegedIntents: false } });
    expect(h.standIn.connectedSessions).toBe(1);
    expect(h.standIn.identifies[0]?.intents).toBe(1 | 512 | 4096); // Guilds | GuildMessages | DirectMessages
  });

  it("never registers commands", async () => {
    h = await Harness.start();
    expect(h.standIn.requests.filter((r) => r.path.includes("/commands"))).toEqual([]);
  });
});

describe("stop()", () => {
  it("lets a reply in progress finish, turns new questions away politely, then closes the gateway, within 5 s", async () => {
    h = await Harness.start({ commands: [...commands, slow] });
    const payload = h.slash("slow");
    expect((await h.callback(payload)).type).toBe(5);
    const started = Date.now();
    const stopping = h.stop();
    const late = await h.callback(h.slash("who", { name: "greer" }));
    expect(late.data).toMatchObject({ content: discordMessages.restarting, flags: EPHEMERAL });
    await stopping;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(h.standIn.connectedSessions).toBe(0);
    const patch = h.standIn.requests.find(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${h?.standIn.applicationId}/${payload.token}/messages/@original`,
    );
    expect(patch?.status).toBe(200);
    await h.stop(); // a second stop is harmless
  });

  it("is quick when nothing is in progress", async () => {
    h = await Harness.start();
    const started = Date.now();
    await h.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.standIn.connectedSessions).toBe(0);
  });
});
