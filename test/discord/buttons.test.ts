import type { APIEmbed, APIMessage } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { BUTTON_IDS } from "../../src/adapters/discord/buttons.ts";
import { discordMessages } from "../../src/adapters/discord/messages.ts";
import { visibleText } from "../../src/adapters/discord/render.ts";
import { DiscordStandIn, snowflake } from "../support/discord-standin.ts";
import { shippedEngine } from "../support/engine.ts";
import { EPHEMERAL, Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function click(harness: Harness, customId: string, message: APIMessage) {
  const payload = harness.standIn.button({ customId, message, user: { id: snowflake() } });
  harness.standIn.dispatch("INTERACTION_CREATE", payload);
  return harness.callback(payload);
}

const QUESTION = "when is the tiktok deadline";

describe("buttons under an answer", () => {
  it("Sources replies privately with every citation of the answer", async () => {
    h = await Harness.start();
    const message = await h.answeredMessage(QUESTION);
    const { type, data, embeds } = await click(h, BUTTON_IDS.sources, message);
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(embeds[0]?.title).toBe(discordMessages.sources);
    const text = visibleText(embeds);
    for (const c of shippedEngine().ask(QUESTION, new Date()).citations)
      expect(text).toContain(c.url ?? c.title);
    expect(h.requests.at(-1)).toMatchObject({ command: "ask", args: { question: QUESTION, private: true } });
  });

  it("👍 and 👎 are acknowledged privately", async () => {
    h = await Harness.start();
    const message = await h.answeredMessage(QUESTION);
    for (const id of [BUTTON_IDS.helpful, BUTTON_IDS.unhelpful]) {
      const { type, data } = await click(h, id, message);
      expect(type).toBe(4);
      expect(data).toMatchObject({ content: discordMessages.thanksForFeedback, flags: EPHEMERAL });
    }
    expect(h.logs.filter((l) => l.includes('"answer feedback"'))).toHaveLength(2);
    expect(h.feedback).toMatchObject([
      { question: QUESTION, vote: "up", platform: "discord" },
      { question: QUESTION, vote: "down", platform: "discord" },
    ]);
    expect(h.feedback[1]?.answer).toContain("TikTok");
  });

  it("posts reload results in the moderators' channel, without pinging anyone", async () => {
    const standIn = await DiscordStandIn.start();
    const channel = standIn.defaultGuild.textChannelId;
    h = await Harness.start({ standIn, env: { DISCORD_MODERATOR_CHANNEL_ID: channel } });
    await h.notifyModerators("Knowledge reloaded: now serving version abc @everyone");
    const sent = await standIn.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${channel}/messages`,
    );
    expect(sent.body).toMatchObject({
      content: expect.stringContaining("Knowledge reloaded"),
      allowed_mentions: { parse: [] },
    });
  });

  it("keep working after a restart: a fresh client answers buttons on messages it never saw", async () => {
    const before = await Harness.start();
    const answered = await before.answeredMessage(QUESTION);
    await before.stop();
    h = await Harness.start({ standIn: before.standIn });
    const again = await click(h, BUTTON_IDS.sources, answered);
    expect(again.data.flags).toBe(EPHEMERAL);
    expect(again.embeds[0]?.title).toBe(discordMessages.sources);

    // A message built by hand, as Discord would send it back: only the embed's footer holds the question.
    const embed: APIEmbed = {
      description: "ByteDance to sell TikTok's US operations …",
      footer: { text: `Sources dated up to 16 Dec 2025\n${discordMessages.asked}${QUESTION}` },
    };
    const old: APIMessage = {
      ...h.standIn.button({ customId: BUTTON_IDS.sources }).message,
      id: snowflake(),
      author: h.standIn.botUser,
      embeds: [embed],
    };
    const sources = await click(h, BUTTON_IDS.sources, old);
    expect(sources.data.flags).toBe(EPHEMERAL);
    expect(sources.embeds[0]?.fields?.[0]?.value).toContain("](https://");
    expect(h.requests.at(-1)).toMatchObject({ command: "ask", args: { question: QUESTION, private: true } });
    const thanks = await click(h, BUTTON_IDS.helpful, old);
    expect(thanks.data.content).toBe(discordMessages.thanksForFeedback);
  });

  it("a Sources button on a message without its question says so, privately", async () => {
    h = await Harness.start();
    const bare: APIMessage = {
      ...h.standIn.button({ customId: BUTTON_IDS.sources }).message,
      embeds: [{ description: "?" }],
    };
    const { data } = await click(h, BUTTON_IDS.sources, bare);
    expect(data).toMatchObject({ content: discordMessages.questionNotFound, flags: EPHEMERAL });
  });
});
