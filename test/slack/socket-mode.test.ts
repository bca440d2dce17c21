import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { ACTION } from "../../src/adapters/slack/buttons.ts";
import { startSlack } from "../../src/adapters/slack/start.ts";
import { loadConfig } from "../../src/config.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { createLogger } from "../../src/logger.ts";
import { shippedEngine } from "../support/engine.ts";
import {
  appHomeOpened,
  appMention,
  directMessage,
  SlackWebApiStandIn,
  SocketModeStandIn,
} from "../support/slack-standin.ts";
import { APP_TOKEN, gatedCommand, shown, startHarness } from "./harness.ts";

describe("Socket Mode", () => {
  it("connects with the app token through SLACK_API_URL", async () => {
    const slack = await startHarness({ mode: "socket" });
    expect(slack.slack.mode).toBe("socket");
    expect(slack.slack.port).toBeNull();
    const open = await slack.webApi.waitForCall("apps.connections.open");
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(slack.socket?.openConnections).toBe(1);
  });

  it("acks a slash command envelope before a slow answer, which follows through the response_url", async () => {
    const slow = gatedCommand();
    const slack = await startHarness({ mode: "socket", extraCommands: [slow.command] });
    const sent = await slack.slash("slow");
    expect(sent.ack).toMatchObject({ payload: {} });
    expect(slack.webApi.responses).toHaveLength(0);
    slow.release();
    expect((await sent.answer()).body).toMatchObject({ response_type: "ephemeral", text: "Slow but sure." });
  });

  it("answers /talks questions and subcommands", async () => {
    const slack = await startHarness({ mode: "socket" });
    const ask = await (await slack.slash("when is the tiktok deadline")).answer();
    expect(ask.body.text).toMatch(/TikTok/);
    const deadlines = await (await slack.slash("deadlines tiktok")).answer();
    expect(shown(deadlines.body)).toMatch(/most relevant first/);
  });

  it("answers a mention in its thread, once, even when Slack retries the envelope", async () => {
    const slack = await startHarness({ mode: "socket" });
    const mention = appMention({ text: "<@UBOT> who is he lifeng", channel: "C2", ts: "1747000001.000100" });
    await slack.event(mention, { eventId: "Ev-socket" });
    await slack.event(mention, { eventId: "Ev-socket", retryNum: 1 });
    const post = await slack.webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({ channel: "C2", thread_ts: "1747000001.000100" });
    await slack.event(directMessage({ text: "who is greer", channel: "D5" }));
    await slack.webApi.waitForCall((c) => c.method === "chat.postMessage" && c.args.channel === "D5");
    expect(slack.webApi.callsTo("chat.postMessage").filter((c) => c.args.channel === "C2")).toHaveLength(1);
  });

  it("publishes the Home tab and answers the Share button", async () => {
    const slack = await startHarness({ mode: "socket" });
    await slack.event(appHomeOpened({ user: "U1" }));
    expect(shown((await slack.webApi.waitForCall("views.publish")).args.view)).toContain("Knowledge as of");
    const { body } = await (await slack.click(ACTION.share, "who is he lifeng")).answer();
    expect(body.response_type).toBe("in_channel");
  });
});

describe("start-up failures", () => {
  const logger = createLogger("silent");
  const dispatch = createDispatcher({ commands, engine: shippedEngine, logger });

  it("rejects when Slack refuses the bot token", async () => {
    const webApi = await SlackWebApiStandIn.start({ validTokens: ["xoxb-other"] });
    try {
      const config = loadConfig({
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: webApi.apiUrl,
        PORT: "0",
      });
      await expect(
        startSlack({ config, dispatch, commands, engine: shippedEngine, logger }),
      ).rejects.toMatchObject({
        data: { error: "invalid_auth" },
      });
    } finally {
      await webApi.close();
    }
  });

  it("rejects when Slack refuses the app token in Socket Mode", async () => {
    const socket = await SocketModeStandIn.start();
    const webApi = await SlackWebApiStandIn.start({ socketMode: socket, validTokens: ["xoxb-test"] });
    try {
      const config = loadConfig({
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_APP_TOKEN: "xapp-test",
        SLACK_API_URL: webApi.apiUrl,
      });
      await expect(
        startSlack({ config, dispatch, commands, engine: shippedEngine, logger }),
      ).rejects.toMatchObject({
        data: { error: "invalid_auth" },
      });
    } finally {
      await webApi.close();
      await socket.close();
    }
  });
});
