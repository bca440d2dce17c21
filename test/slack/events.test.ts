import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { LIMITS, limitProblems } from "../../src/adapters/slack/limits.ts";
import { escapeMrkdwn } from "../../src/adapters/slack/mrkdwn.ts";
import { formatDate } from "../../src/core/dates.ts";
import { deadlinesByRelevance } from "../../src/core/describe.ts";
import { shippedEngine } from "../support/engine.ts";
import { appHomeOpened, appMention, directMessage } from "../support/slack-standin.ts";
import { shown, startHarness } from "./harness.ts";

describe("Events API over HTTP", () => {
  it("answers @Parley in a thread under the question, without the mention and without unfurling", async () => {
    const slack = await startHarness();
    const status = await slack.event(
      appMention({ text: "<@UBOT> when is the tiktok deadline?", channel: "C9", ts: "1747000000.000100" }),
    );
    expect(status).toBe(200);
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({ channel: "C9", thread_ts: "1747000000.000100" });
    expect(String(post.args.unfurl_links)).toBe("false");
    expect(String(post.args.unfurl_media)).toBe("false");
    expect(post.args.text).toMatch(/TikTok/);
    expect(shown(post.args.blocks)).not.toContain("UBOT");
  });

  it("answers a mention inside a thread in that same thread", async () => {
    const slack = await startHarness();
    await slack.event(
      appMention({
        text: "<@UBOT> who is he lifeng",
        channel: "C9",
        ts: "1747000000.000300",
        threadTs: "1747000000.000200",
      }),
    );
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({ channel: "C9", thread_ts: "1747000000.000200" });
  });

  it("keeps a mention's refusal with the asker, escaping what it repeats", async () => {
    const slack = await startHarness();
    await slack.event(
      appMention({
        text: "<@UBOT> who <!channel> <@U123>",
        user: "U4",
        channel: "C9",
        ts: "1747000000.000400",
      }),
    );
    const post = await slack.webApi.waitForCall("chat.postEphemeral");
    expect(post.args).toMatchObject({ channel: "C9", user: "U4", thread_ts: "1747000000.000400" });
    const all = shown(post.args);
    expect(all).toContain("&lt;!channel&gt; &lt;@U123&gt;");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U123>");
    expect(slack.webApi.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("answers a direct message in the DM, ignoring bot posts and edits", async () => {
    const slack = await startHarness();
    await slack.event({ ...directMessage({ text: "from a bot", channel: "D1" }), bot_id: "B9" });
    await slack.event({ ...directMessage({ text: "an edit", channel: "D1" }), subtype: "message_changed" });
    await slack.event(directMessage({ text: "where were the madrid talks held", channel: "D1" }));
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args.channel).toBe("D1");
    expect(post.args.thread_ts).toBeUndefined();
    expect(post.args.text).toMatch(/Madrid/);
    expect(slack.webApi.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("answers a refusal in a DM in the DM itself", async () => {
    const slack = await startHarness();
    await slack.event(directMessage({ text: "who won the world cup", channel: "D2" }));
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args.channel).toBe("D2");
    expect(slack.webApi.callsTo("chat.postEphemeral")).toHaveLength(0);
  });

  it("answers an event retried by Slack (X-Slack-Retry-Num: 1) exactly once", async () => {
    const slack = await startHarness();
    const mention = appMention({ text: "<@UBOT> where were the madrid talks held", channel: "C3" });
    await slack.event(mention, { eventId: "Ev-retried" });
    await slack.event(mention, { eventId: "Ev-retried", retryNum: 1 });
    await slack.webApi.waitForCall((c) => c.method === "chat.postMessage" && c.args.channel === "C3");
    // A later message is answered after the retry was handled; the retry still produced nothing.
    await slack.event(appMention({ text: "<@UBOT> who is greer", channel: "C4" }));
    await slack.webApi.waitForCall((c) => c.method === "chat.postMessage" && c.args.channel === "C4");
    expect(slack.webApi.callsTo("chat.postMessage").filter((c) => c.args.channel === "C3")).toHaveLength(1);
  });

  it("answers a message delivered twice at once (same event) only once", async () => {
    const slack = await startHarness();
    const mention = appMention({ text: "<@UBOT> who is greer", channel: "C5" });
    await Promise.all([
      slack.event(mention, { eventId: "Ev-twice" }),
      slack.event(mention, { eventId: "Ev-twice" }),
    ]);
    await slack.webApi.waitForCall((c) => c.method === "chat.postMessage" && c.args.channel === "C5");
    await slack.event(appMention({ text: "<@UBOT> who is bessent", channel: "C6" }));
    await slack.webApi.waitForCall((c) => c.method === "chat.postMessage" && c.args.channel === "C6");
    expect(slack.webApi.callsTo("chat.postMessage").filter((c) => c.args.channel === "C5")).toHaveLength(1);
  });

  it("falls back to plain text with every citation when Slack refuses the blocks", async () => {
    const slack = await startHarness();
    slack.webApi.override("chat.postMessage", (call) =>
      call.args.blocks ? { body: { ok: false, error: "invalid_blocks" } } : undefined,
    );
    await slack.event(appMention({ text: "<@UBOT> when is the tiktok deadline", channel: "C7" }));
    const plain = await slack.webApi.waitForCall(
      (c) => c.method === "chat.postMessage" && c.args.blocks === undefined,
    );
    expect(plain.args.text).toMatch(/TikTok/);
    expect(plain.args.text).toMatch(/\[1\] .*https:\/\//);
    expect(slack.logs).toContainEqual(
      expect.objectContaining({
        msg: "slack: sending failed",
        surface: "mention",
        channel: "C7",
        err: expect.objectContaining({ slackError: "invalid_blocks" }),
      }),
    );
  });

  it("publishes the Home tab with deadlines, their status and the knowledge's as-of date", async () => {
    const slack = await startHarness();
    await slack.event(appHomeOpened({ user: "U8" }));
    const publish = await slack.webApi.waitForCall("views.publish");
    expect(publish.args.user_id).toBe("U8");
    const view = shown(publish.args.view);
    const engine = shippedEngine();
    expect(view).toContain(`Knowledge as of ${formatDate(engine.index.asOf)}`);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const current = deadlinesByRelevance(engine.kb, now).filter((d) => !d.superseded_by);
    const next = current.find((d) => d.due >= today) ?? current.find((d) => d.due < today);
    expect(next).toBeDefined();
    expect(view).toContain(escapeMrkdwn(next?.what ?? "").replace(/"/g, '\\"'));
    expect(view).toMatch(/Upcoming deadlines/);
    expect(view).toMatch(/Latest events/);
    expect(view).toContain("When is the TikTok divestment deadline?");
    const blocks = (publish.args.view as unknown as { blocks: types.KnownBlock[] }).blocks;
    expect(limitProblems({ text: "Home", blocks }, LIMITS.homeBlocks)).toEqual([]);
  });

  it("does not publish for the Messages tab", async () => {
    const slack = await startHarness();
    await slack.event(appHomeOpened({ user: "U8", tab: "messages" }));
    await slack.event(appHomeOpened({ user: "U9" }));
    await slack.webApi.waitForCall("views.publish");
    expect(slack.webApi.callsTo("views.publish").map((c) => c.args.user_id)).toEqual(["U9"]);
  });
});
