import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.ts";
import { snowflake } from "../support/discord-standin.ts";
import { EPHEMERAL, Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function startWithReload() {
  const reloads: Date[] = [];
  const harness = await Harness.start({
    services: {
      reload: async () => {
        reloads.push(new Date());
        return { ok: true, changed: false, version: "v1", problems: [], at: new Date() };
      },
    },
  });
  return { harness, reloads };
}

function admin(harness: Harness, subcommand: string, permissions: bigint) {
  const payload = harness.standIn.chatInput({
    name: "talks-admin",
    subcommand,
    user: { id: snowflake() },
    memberPermissions: permissions,
  });
  harness.standIn.dispatch("INTERACTION_CREATE", payload);
  return harness.callback(payload);
}

describe("moderator commands on Discord", () => {
  it("refuses reload politely and privately to a member without Manage Server, and does nothing", async () => {
    const started = await startWithReload();
    h = started.harness;
    const { data } = await admin(
      h,
      "reload",
      PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel,
    );
    expect(data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(data)).toContain(messages.notModerator);
    expect(started.reloads).toHaveLength(0);
  });

  it("reloads for a member with Manage Server, re-checked at run time", async () => {
    const started = await startWithReload();
    h = started.harness;
    const { data } = await admin(h, "reload", PermissionFlagsBits.ManageGuild);
    expect(started.reloads).toHaveLength(1);
    expect(JSON.stringify(data)).toContain("still serving version v1");
    expect(h.requests.at(-1)).toMatchObject({ command: "reload", moderator: true });
  });
});
