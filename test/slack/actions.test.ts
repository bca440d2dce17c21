import { describe, expect, it } from "vitest";
import { ACTION } from "../../src/adapters/slack/buttons.ts";
import { slackMessages } from "../../src/adapters/slack/messages.ts";
import { RateLimiter } from "../../src/core/rate-limit.ts";
import { shown, startHarness } from "./harness.ts";

type Button = { action_id?: string; value?: string };

function buttonOf(body: { blocks?: unknown }, actionId: string): Button {
  const blocks = (body.blocks ?? []) as { type: string; elements?: Button[] }[];
  const found = blocks
    .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
    .find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button in ${shown(body)}`);
  return found;
}

describe("buttons under a reply", () => {
  it("“Share in channel” on the ephemeral answer posts it in the channel", async () => {
    const slack = await startHarness();
    const first = await (await slack.slash("where were the madrid talks held", { user: "U3" })).answer();
    expect(first.body.response_type).toBe("ephemeral");
    const share = buttonOf(first.body, ACTION.share);
    const click = await slack.click(ACTION.share, share.value ?? "", { user: "U3" });
    expect(click.status).toBe(200);
    const { body } = await click.answer();
    expect(body).toMatchObject({
      response_type: "in_channel",
      replace_original: false,
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(shown(body)).toContain("Shared by <@U3>: where were the madrid talks held");
    expect(shown(body)).toMatch(/Palacio de Santa Cruz/);
    expect(() => buttonOf(body, ACTION.share)).toThrow();
  });

  it("“Sources” lists every citation in full, only for the asker", async () => {
    const slack = await startHarness();
    const first = await (await slack.slash("when is the tiktok deadline")).answer();
    const sources = buttonOf(first.body, ACTION.sources);
    const { body } = await (await slack.click(ACTION.sources, sources.value ?? "")).answer();
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(shown(body)).toContain(`"text":"${slackMessages.sources}"`);
    expect(shown(body)).toMatch(/\*\[1\]\* <https:\/\/[^|]+\|/);
    expect(shown(body)).toMatch(/\\nhttps:\/\//);
  });

  it.each([
    [ACTION.helpful, slackMessages.thanksHelpful],
    [ACTION.unhelpful, slackMessages.thanksUnhelpful],
  ])("%s thanks the asker privately", async (actionId, thanks) => {
    const slack = await startHarness();
    const { body } = await (await slack.click(actionId, "when is the tiktok deadline")).answer();
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false, text: thanks });
    expect(slack.logs).toContainEqual(expect.objectContaining({ msg: "slack: feedback" }));
  });

  it("hands a vote to the feedback recorder, and still thanks the user if recording fails", async () => {
    const votes: unknown[] = [];
    const slack = await startHarness({
      services: {
        recordFeedback: (vote) => {
          votes.push(vote);
          throw new Error("store offline");
        },
      },
    });
    const { body } = await (await slack.click(ACTION.unhelpful, "who is greer", { user: "U4" })).answer();
    expect(body.text).toBe(slackMessages.thanksUnhelpful);
    // The clicked message's text (the answer's lead) goes with the vote when Slack includes it.
    expect(votes).toEqual([
      {
        question: "who is greer",
        vote: "down",
        answer: "message with a button",
        platform: "slack",
        userId: "U4",
      },
    ]);
    expect(slack.logs).toContainEqual(expect.objectContaining({ msg: "slack: recording feedback failed" }));
  });

  it("a shared question still counts against the sharer's rate limit", async () => {
    const slack = await startHarness({ rateLimiter: new RateLimiter({ burst: 1, refillSeconds: 60 }) });
    await (await slack.slash("who greer", { user: "U1" })).answer();
    const { body } = await (await slack.click(ACTION.share, "who greer", { user: "U1" })).answer();
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/asking faster/);
  });

  it("escapes a forged question carried in a button's value", async () => {
    const slack = await startHarness();
    const { body } = await (await slack.click(ACTION.share, "who <!here> <@U999>")).answer();
    expect(shown(body)).toContain("&lt;!here&gt;");
    expect(shown(body)).not.toContain("<!here>");
    expect(shown(body)).not.toContain("<@U999>");
  });
});
