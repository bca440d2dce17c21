import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { BUTTON_IDS } from "../../src/adapters/discord/buttons.ts";
import { discordMessages } from "../../src/adapters/discord/messages.ts";
import { visibleText } from "../../src/adapters/discord/render.ts";
import { defineCommand } from "../../src/core/command.ts";
import { messages } from "../../src/core/messages.ts";
import { type Reply, reply } from "../../src/core/reply.ts";
import { CONTRACT_QUESTIONS } from "../contract/adapter-contract.ts";
import { snowflake } from "../support/discord-standin.ts";
import { shippedEngine } from "../support/engine.ts";
import { EPHEMERAL, Harness, sleep } from "./harness.ts";

const boom = defineCommand({
  name: "boom",
  description: "Always fails",
  options: [],
  args: z.object({}),
  access: "everyone",
  examples: [],
  run: () => {
    throw new Error("kaput");
  },
});
// A reply the renderer cannot read: the failure happens in the adapter, after the dispatcher.
const broken = defineCommand({
  ...boom,
  name: "broken",
  description: "Returns a malformed reply",
  run: () => ({ ...reply("answer", "x"), items: null }) as unknown as Reply,
});
const slow = defineCommand({
  ...boom,
  name: "slow",
  description: "Answers after two seconds",
  run: async () => {
    await sleep(2000);
    return reply("info", "Finally here.", { title: "Slow" });
  },
});
const slowRefusal = defineCommand({
  ...boom,
  name: "slow-refusal",
  description: "Refuses after two seconds",
  run: async () => {
    await sleep(2000);
    return reply("refusal", "Not in my sources, eventually.");
  },
});

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ commands: [...commands, boom, broken, slow, slowRefusal] });
});
afterAll(async () => {
  await h.close();
});

describe("/talks subcommands", () => {
  it("ask: a public answer embed with every citation linked, the as-of footer and buttons", async () => {
    const question = "when is the tiktok deadline";
    const answer = shippedEngine().ask(question, new Date());
    const { type, data, embeds } = await h.callback(h.slash("ask", { question }));
    expect(type).toBe(4);
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(embeds).toHaveLength(1);
    const embed = embeds[0];
    expect(visibleText(embeds)).toContain(answer.lead.slice(0, 60));
    expect(embed?.footer?.text).toMatch(/^Sources dated up to .+\nAsked: when is the tiktok deadline$/);
    const sources = (embed?.fields ?? []).filter((f) => f.name.startsWith(discordMessages.sources));
    expect(sources.length).toBeGreaterThan(0);
    const listed = sources.map((f) => f.value).join("\n");
    answer.citations.forEach((c, i) => {
      expect(listed).toContain(c.url ? `**\\[${i + 1}\\]** [` : `**\\[${i + 1}\\]** ${c.title.slice(0, 30)}`);
      if (c.url) expect(listed).toContain(`](${c.url})`);
    });
    const rows = (data.components ?? []) as { components: { custom_id?: string }[] }[];
    expect(rows.flatMap((row) => row.components.map((b) => b.custom_id))).toEqual([
      BUTTON_IDS.sources,
      BUTTON_IDS.helpful,
      BUTTON_IDS.unhelpful,
    ]);
    expect(h.requests.at(-1)).toMatchObject({
      platform: "discord",
      command: "ask",
      args: { question },
      channel: { kind: "channel" },
      moderator: false,
    });
  });

  it("ask always asks: the question is passed on as typed, whatever word it starts with", async () => {
    for (const question of CONTRACT_QUESTIONS) {
      const payload = h.slash("ask", { question });
      await h.callback(payload);
      const request = h.requests.find((r) => (r.raw as { interaction?: string }).interaction === payload.id);
      expect(request).toMatchObject({ command: "ask", args: { question } });
    }
  });

  it("ask private:true is ephemeral", async () => {
    const { type, data } = await h.callback(h.slash("ask", { question: "who is he lifeng", private: true }));
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
  });

  it("deadlines: a list embed, one line per deadline", async () => {
    const { data, embeds } = await h.callback(h.slash("deadlines", { about: "tiktok" }));
    expect(embeds[0]?.title).toBe("Deadlines");
    expect(embeds[0]?.description).toMatch(/deadline.*\n\n• /s);
    expect(embeds[0]?.fields?.[0]?.name).toBe(discordMessages.sources);
    expect(data.components ?? []).toEqual([]);
  });

  it("quote: quotes by speaker, with dates", async () => {
    const { embeds } = await h.callback(h.slash("quote", { speaker: "greer" }));
    expect(embeds[0]?.title).toBe("Quotes");
    expect(embeds[0]?.description).toMatch(/• “.+” — Jamieson Greer/);
  });

  it("who: the person, with fields", async () => {
    const { embeds } = await h.callback(h.slash("who", { name: "he lifeng" }));
    expect(embeds[0]?.title).toBe("He Lifeng");
    expect(embeds[0]?.fields?.map((f) => f.name)).toContain("Affiliation");
  });

  it("timeline: events in date order", async () => {
    const { embeds } = await h.callback(h.slash("timeline", { from: "2025-09", to: "2025-11" }));
    expect(embeds[0]?.title).toBe("Timeline");
    expect(embeds[0]?.description).toContain("• ");
  });

  it("sources: the sources list", async () => {
    const { embeds } = await h.callback(h.slash("sources", { filter: "reuters" }));
    expect(embeds[0]?.title).toBe("Sources");
    expect(embeds[0]?.fields?.[0]?.value).toContain("](https://");
  });

  it("help: what Parley can do", async () => {
    const { data, embeds } = await h.callback(h.slash("help"));
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(embeds[0]?.title).toBe("Parley");
    expect(embeds[0]?.description).toContain("• ask — ");
  });
});

describe("safety and politeness", () => {
  const evil = "@everyone <@&123> [x](https://evil) what is the truce";

  it("echoed text can neither ping nor link: allowed_mentions.parse is empty and the text is escaped", async () => {
    const asked = await h.callback(h.slash("ask", { question: `when is the tiktok deadline ${evil}` }));
    expect(asked.data.allowed_mentions).toEqual({ parse: [] });
    const echoed = await h.callback(h.slash("who", { name: evil }));
    expect(echoed.data.allowed_mentions).toEqual({ parse: [] });
    expect(echoed.data.flags).toBe(EPHEMERAL);
    const description = echoed.embeds[0]?.description ?? "";
    expect(description).toContain("@\u200beveryone <@\u200b&123> \\[x\\](https://evil)");
    for (const body of [asked.record.body, echoed.record.body]) {
      const raw = JSON.stringify(body);
      expect(raw).not.toContain("@everyone");
      expect(raw).not.toContain("<@&123>");
      expect(raw).not.toContain("[x](https://evil)");
    }
  });

  it("an over-long question gets a polite private answer", async () => {
    const question = `what happened ${"with the tariffs ".repeat(40)}`.trim();
    expect(question.length).toBeGreaterThan(500);
    const { type, data, embeds } = await h.callback(h.slash("ask", { question }));
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(visibleText(embeds)).toContain(messages.tooLong(question.length));
  });

  it("a command that throws is answered with the generic error, privately", async () => {
    const { type, data, embeds } = await h.callback(h.slash("boom"));
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(embeds[0]?.description).toBe(messages.genericError);
    expect(h.logs.some((l) => l.includes('"command failed"'))).toBe(true);
  });

  it("a failure inside the adapter still answers, privately, and is logged with context", async () => {
    const payload = h.slash("broken");
    const { type, data, embeds } = await h.callback(payload);
    expect(type).toBe(4);
    expect(data.flags).toBe(EPHEMERAL);
    expect(embeds[0]?.description).toBe(messages.genericError);
    const line = h.logs.find((l) => l.includes('"discord interaction failed"') && l.includes(payload.id));
    expect(line).toContain('"command":"broken"');
  });

  it("a slow answer is deferred, then the original response is edited", async () => {
    const payload = h.slash("slow");
    const first = await h.callback(payload);
    expect(first.type).toBe(5);
    expect(first.data.flags ?? 0).toBe(0);
    const patch = await h.standIn.waitForRequest<{ embeds: { title: string }[] }>(
      (r) =>
        r.method === "PATCH" &&
        r.path === `/webhooks/${h.standIn.applicationId}/${payload.token}/messages/@original`,
      4000,
    );
    expect(patch.status).toBe(200);
    expect(patch.body.embeds[0]?.title).toBe("Slow");
  });

  it("a slow refusal after a public deferral replaces the “thinking…” with a private follow-up", async () => {
    const payload = h.slash("slow-refusal");
    expect((await h.callback(payload)).type).toBe(5);
    const follow = await h.standIn.waitForRequest<{ flags: number }>(
      (r) => r.method === "POST" && r.path === `/webhooks/${h.standIn.applicationId}/${payload.token}`,
      4000,
    );
    expect(follow.body.flags).toBe(EPHEMERAL);
    const deleted = h.standIn.requests.find(
      (r) =>
        r.method === "DELETE" &&
        r.path === `/webhooks/${h.standIn.applicationId}/${payload.token}/messages/@original`,
    );
    expect(deleted?.status).toBe(204);
  });

  it("rate limit: the sixth quick question from one user is refused politely and privately; others are unaffected", async () => {
    const user = { id: snowflake() };
    const payloads = Array.from({ length: 6 }, () => h.slash("ask", { question: "who is greer" }, { user }));
    const replies = await Promise.all(payloads.map((p) => h.callback(p)));
    replies.slice(0, 5).forEach((r) => {
      expect((r.data.flags ?? 0) & EPHEMERAL).toBe(0);
    });
    const sixth = replies[5];
    expect(sixth?.data.flags).toBe(EPHEMERAL);
    expect(sixth?.embeds[0]?.description).toMatch(
      /^You're asking faster than I can answer well\. Please wait \d+ seconds? and try again\.$/,
    );
    const other = await h.callback(h.slash("ask", { question: "who is greer" }));
    expect((other.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(other.embeds[0]?.fields?.length).toBeGreaterThan(0);
  });

  it("DM slash commands are answered, and the request says dm", async () => {
    const { type } = await h.callback(h.slash("who", { name: "bessent" }, { dm: true }));
    expect(type).toBe(4);
    expect(h.requests.at(-1)?.channel.kind).toBe("dm");
  });

  it("logs never contain the bot token or an interaction token", () => {
    const all = h.logs.join("\n");
    expect(all).not.toContain(h.standIn.token);
    const tokens = h.standIn.interactionCallbacks().map((c) => c.interactionToken);
    expect(tokens.length).toBeGreaterThan(5);
    for (const t of tokens) expect(all).not.toContain(t);
  });
});
