import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snowflake } from "../support/discord-standin.ts";
import { Harness, sleep } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

type Posted = {
  embeds: { description?: string; footer?: { text: string } }[];
  message_reference?: { message_id: string };
  allowed_mentions?: unknown;
};

const postsTo = (channelId: string) =>
  h.standIn.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`);

describe("mentions and DMs", () => {
  it("@Parley <question> in a channel is answered as a reply to that message, the mention stripped", async () => {
    const channel = h.standIn.defaultGuild.textChannelId;
    const msg = h.standIn.messageCreate({
      content: "where were the madrid talks held?",
      mentionsBot: true,
      authorId: snowflake(),
    });
    h.standIn.dispatch("MESSAGE_CREATE", msg);
    const posted = await h.standIn.waitForRequest<Posted>(
      (r) => r.method === "POST" && r.path === `/channels/${channel}/messages`,
    );
    expect(posted.status).toBe(200);
    expect(posted.body.message_reference?.message_id).toBe(msg.id);
    expect(posted.body.allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(posted.body.embeds[0]?.footer?.text).toContain("Asked: where were the madrid talks held?");
    expect(h.requests.at(-1)).toMatchObject({
      command: "ask",
      args: { question: "where were the madrid talks held?" },
      channel: { kind: "channel" },
    });
    // Discord echoes Parley's own reply back over the gateway; it must not be answered.
    await sleep(300);
    expect(
      postsTo(channel).filter((r) => (r.body as Posted).message_reference?.message_id === msg.id),
    ).toHaveLength(1);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it("a DM is answered without a mention", async () => {
    const author = snowflake();
    const msg = h.standIn.messageCreate({ content: "who is he lifeng", dm: true, authorId: author });
    h.standIn.dispatch("MESSAGE_CREATE", msg);
    const posted = await h.standIn.waitForRequest<Posted>(
      (r) => r.method === "POST" && r.path === `/channels/${h.standIn.dmChannelId(author)}/messages`,
    );
    expect(posted.body.message_reference?.message_id).toBe(msg.id);
    expect(posted.body.embeds[0]?.description).toContain("He Lifeng");
    expect(h.requests.at(-1)?.channel.kind).toBe("dm");
  });

  it("free text follows the terminal's grammar: a command word runs that command, a bare mention shows help", async () => {
    const channel = h.standIn.defaultGuild.textChannelId;
    for (const [content, command] of [
      ["deadlines tiktok", "deadlines"],
      ["", "help"],
    ] as const) {
      const msg = h.standIn.messageCreate({ content, mentionsBot: true, authorId: snowflake() });
      h.standIn.dispatch("MESSAGE_CREATE", msg);
      await h.standIn.waitForRequest(
        (r) =>
          r.method === "POST" &&
          r.path === `/channels/${channel}/messages` &&
          (r.body as Posted).message_reference?.message_id === msg.id,
      );
      expect(h.requests.at(-1)).toMatchObject({ command, moderator: false });
    }
    expect(h.requests.at(-2)?.args).toEqual({ about: "tiktok" });
  });

  it("ignores channel messages without a mention, and messages from bots", async () => {
    const channel = h.standIn.defaultGuild.textChannelId;
    const before = postsTo(channel).length;
    h.standIn.dispatch("MESSAGE_CREATE", h.standIn.messageCreate({ content: "when is the tiktok deadline" }));
    h.standIn.dispatch(
      "MESSAGE_CREATE",
      h.standIn.messageCreate({
        content: "when is the tiktok deadline",
        mentionsBot: true,
        author: { id: snowflake(), bot: true },
      }),
    );
    await sleep(300);
    expect(postsTo(channel)).toHaveLength(before);
  });
});
