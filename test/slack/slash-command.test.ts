import { describe, expect, it } from "vitest";
import { ACTION } from "../../src/adapters/slack/buttons.ts";
import { messages } from "../../src/core/messages.ts";
import { RateLimiter } from "../../src/core/rate-limit.ts";
import { failingCommand, gatedCommand, shown, startHarness } from "./harness.ts";

type Block = { type: string; elements?: { action_id?: string; value?: string }[] };

function buttons(body: { blocks?: unknown }): { action_id?: string; value?: string }[] {
  return ((body.blocks ?? []) as Block[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);
}

describe("/talks over HTTP", () => {
  it("answers a question ephemerally, with citations, buttons and no unfurling", async () => {
    const slack = await startHarness();
    const sent = await slack.slash("when is the tiktok deadline");
    expect(sent.status).toBe(200);
    const { body } = await sent.answer();
    expect(body).toMatchObject({ response_type: "ephemeral", unfurl_links: false, unfurl_media: false });
    expect(body.text).toMatch(/TikTok/);
    expect(shown(body)).toContain("You asked: when is the tiktok deadline");
    expect(shown(body)).toMatch(/\[1\] <https:\/\/[^|>]+\|[^>]+>/);
    expect(buttons(body).map((b) => b.action_id)).toEqual([
      ACTION.share,
      ACTION.sources,
      ACTION.helpful,
      ACTION.unhelpful,
    ]);
  });

  it.each([
    ["deadlines tiktok", /deadlines?, most relevant first/],
    ["quote greer tariffs", /quotes?\./],
    ['quote speaker:"he lifeng"', /He Lifeng/],
    ["who he lifeng", /He Lifeng — Vice Premier/],
    ["timeline from:2025-09 to:2025-10", /entries in date order/],
    ["sources reuters", /sources?\./],
  ])("runs the shared command “/talks %s”", async (text, expected) => {
    const slack = await startHarness();
    const { body } = await (await slack.slash(text)).answer();
    expect(body.response_type).toBe("ephemeral");
    expect(shown(body)).toMatch(expected);
    expect(body.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: "section" })]));
  });

  it("reads “quote greer tariffs” as speaker greer, about tariffs", async () => {
    const slack = await startHarness();
    const { body } = await (await slack.slash("quote greer tariffs")).answer();
    expect(shown(body)).toContain("Greer");
    expect(shown(body)).not.toMatch(/no quotes/i);
  });

  it("explains the Slack grammar under help, and answers empty text with help", async () => {
    const slack = await startHarness();
    for (const text of ["help", ""]) {
      const { body } = await (await slack.slash(text)).answer();
      expect(shown(body)).toContain("/talks quote greer tariffs");
      expect(shown(body)).toContain('speaker:\\"he lifeng\\"');
      expect(shown(body)).toContain("deadlines — ");
    }
  });

  it("posts in the channel with “/talks share”, naming who shared it", async () => {
    const slack = await startHarness();
    const { body } = await (
      await slack.slash("share where were the madrid talks held", { user: "U7" })
    ).answer();
    expect(body).toMatchObject({ response_type: "in_channel", unfurl_links: false, unfurl_media: false });
    expect(shown(body)).toContain("Shared by <@U7>: where were the madrid talks held");
    expect(shown(body)).toMatch(/Madrid/);
    expect(buttons(body).map((b) => b.action_id)).not.toContain(ACTION.share);
  });

  it("keeps a refusal private even when sharing was asked for", async () => {
    const slack = await startHarness();
    const { body } = await (await slack.slash("share who won the world cup")).answer();
    expect(body.response_type).toBe("ephemeral");
  });

  it("escapes mentions and links in what it echoes, so nothing notifies or forges a link", async () => {
    const slack = await startHarness();
    const { body } = await (
      await slack.slash("who <!channel> <@U123> <https://evil.example|click>")
    ).answer();
    const all = shown(body);
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("&lt;@U123&gt;");
    expect(all).toContain("&lt;https://evil.example|click&gt;");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U123>");
    expect(all).not.toContain("<https://evil.example");
  });

  it("decodes Slack's entities before asking, then escapes them again when showing", async () => {
    const slack = await startHarness();
    const { body } = await (await slack.slash("who &lt;!here&gt; &amp; co")).answer();
    expect(shown(body)).toContain("“&lt;!here&gt; &amp; co”");
    expect(shown(body)).not.toContain("<!here>");
  });

  it("rejects a bad signature and a stale timestamp with 401, answering neither", async () => {
    const slack = await startHarness();
    const bad = await slack.slash("when is the tiktok deadline", { post: { badSignature: true } });
    const stale = await slack.slash("when is the tiktok deadline", {
      post: { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    });
    expect(bad.status).toBe(401);
    expect(stale.status).toBe(401);
    // A later, good request is answered; the rejected ones never were.
    await (await slack.slash("help")).answer();
    expect(slack.webApi.responses).toHaveLength(1);
  });

  it("acknowledges before a slow answer, which follows through the response_url", async () => {
    const slow = gatedCommand();
    const slack = await startHarness({ extraCommands: [slow.command] });
    const started = Date.now();
    const sent = await slack.slash("slow");
    expect(sent.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(slack.webApi.responses).toHaveLength(0);
    slow.release();
    const { body } = await sent.answer();
    expect(body.text).toBe("Slow but sure.");
  });

  it("answers politely when a command throws, and logs it with context", async () => {
    const slack = await startHarness({ extraCommands: [failingCommand] });
    const { body } = await (await slack.slash("explode", { user: "U5", channel: "C5" })).answer();
    expect(body).toMatchObject({ response_type: "ephemeral", text: messages.genericError });
    expect(slack.logs).toContainEqual(
      expect.objectContaining({ msg: "command failed", command: "explode", user: "U5", channel: "C5" }),
    );
  });

  it("answers politely when the dispatcher itself fails, and keeps serving", async () => {
    const slack = await startHarness({
      wrapDispatch: (inner) => async (request) => {
        if (request.args.question === "break please") throw new Error("dispatcher down");
        return inner(request);
      },
    });
    const { body } = await (await slack.slash("break please", { user: "U6" })).answer();
    expect(body).toMatchObject({ response_type: "ephemeral", text: messages.genericError });
    expect(slack.logs).toContainEqual(
      expect.objectContaining({ msg: "slack: answering failed", surface: "command", user: "U6" }),
    );
    const next = await (await slack.slash("help")).answer();
    expect(shown(next.body)).toContain("deadlines — ");
    expect(JSON.stringify(slack.logs)).not.toContain("xoxb-test");
  });

  it("rate-limits one user without slowing another", async () => {
    const slack = await startHarness({ rateLimiter: new RateLimiter({ burst: 1, refillSeconds: 60 }) });
    await (await slack.slash("who greer", { user: "U1" })).answer();
    const limited = await (await slack.slash("who greer", { user: "U1" })).answer();
    expect(limited.body.text).toMatch(/asking faster than I can answer/);
    expect(limited.body.response_type).toBe("ephemeral");
    const other = await (await slack.slash("who greer", { user: "U2" })).answer();
    expect(shown(other.body)).toContain("Greer");
    expect(other.body.text).not.toMatch(/asking faster/);
  });

  it("stops within 5 seconds, letting an answer under way reach the user", async () => {
    const slow = gatedCommand();
    const slack = await startHarness({ extraCommands: [slow.command] });
    const sent = await slack.slash("slow");
    const started = Date.now();
    const stopping = slack.slack.stop();
    setTimeout(slow.release, 200);
    await stopping;
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await sent.answer()).body.text).toBe("Slow but sure.");
  });

  it("stops within 5 seconds even when an answer never finishes", async () => {
    const stuck = gatedCommand();
    const slack = await startHarness({ extraCommands: [stuck.command] });
    await slack.slash("slow");
    const started = Date.now();
    await slack.slack.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    stuck.release();
  });
});
