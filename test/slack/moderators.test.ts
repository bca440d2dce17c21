import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.ts";
import { shown, startHarness } from "./harness.ts";

describe("moderators on Slack", () => {
  it("refuses moderator commands to everyone else, and leaves them out of their help", async () => {
    const slack = await startHarness({ env: { SLACK_MODERATOR_IDS: "UMOD" } });
    const { body } = await (await slack.slash("status", { user: "U1" })).answer();
    expect(body).toMatchObject({ response_type: "ephemeral", text: messages.notModerator });
    const help = await (await slack.slash("help", { user: "U1" })).answer();
    expect(shown(help.body)).not.toContain("reload — ");
  });

  it("lets the users in SLACK_MODERATOR_IDS run them, and shows them in their help", async () => {
    const slack = await startHarness({ env: { SLACK_MODERATOR_IDS: "UMOD,UOTHER" } });
    const { body } = await (await slack.slash("status", { user: "UMOD" })).answer();
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/Serving knowledge version/);
    const help = await (await slack.slash("help", { user: "UOTHER" })).answer();
    expect(shown(help.body)).toContain("reload — ");
  });

  it("lets the members of SLACK_MODERATOR_CHANNEL_ID run them, asking Slack for the members once", async () => {
    const slack = await startHarness({ env: { SLACK_MODERATOR_CHANNEL_ID: "CMODS" } });
    slack.webApi.override("conversations.members", () => ({
      body: { ok: true, members: ["UCHAN"], response_metadata: { next_cursor: "" } },
    }));
    const member = await (await slack.slash("status", { user: "UCHAN" })).answer();
    expect(member.body.text).toMatch(/Serving knowledge version/);
    const outsider = await (await slack.slash("status", { user: "U1" })).answer();
    expect(outsider.body.text).toBe(messages.notModerator);
    expect(slack.webApi.callsTo("conversations.members")).toHaveLength(1);
    expect(slack.webApi.callsTo("conversations.members")[0]?.args.channel).toBe("CMODS");
  });

  it("falls back to the listed ids, with a warning, when Slack won't list the channel's members", async () => {
    const slack = await startHarness({
      env: { SLACK_MODERATOR_IDS: "UMOD", SLACK_MODERATOR_CHANNEL_ID: "CMODS" },
    });
    slack.webApi.override("conversations.members", () => ({ body: { ok: false, error: "missing_scope" } }));
    const { body } = await (await slack.slash("status", { user: "UCHAN" })).answer();
    expect(body.text).toBe(messages.notModerator);
    expect(slack.logs).toContainEqual(
      expect.objectContaining({ level: 40, err: expect.objectContaining({ slackError: "missing_scope" }) }),
    );
    const listed = await (await slack.slash("status", { user: "UMOD" })).answer();
    expect(listed.body.text).toMatch(/Serving knowledge version/);
  });

  it("posts notices in the moderator channel, escaped and without unfurling", async () => {
    const slack = await startHarness({ env: { SLACK_MODERATOR_CHANNEL_ID: "CMODS" } });
    await slack.slack.notifyModerators("Knowledge reload failed: <!channel> see people.yaml:3");
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({ channel: "CMODS" });
    expect(String(post.args.unfurl_links)).toBe("false");
    expect(post.args.text).toBe("Knowledge reload failed: &lt;!channel&gt; see people.yaml:3");
  });

  it("has nowhere to post notices without a moderator channel, and does nothing", async () => {
    const slack = await startHarness();
    await slack.slack.notifyModerators("Knowledge reloaded.");
    expect(slack.webApi.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
