/**
 * Self-test: the Slack stand-ins work with the real Bolt App, in HTTP mode and Socket Mode.
 * Nothing here touches the internet: the Web API, response_url and Socket Mode endpoints are all local.
 */
import type { AddressInfo } from "node:net";
import { App, LogLevel, SocketModeReceiver } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  eventCallback,
  postSigned,
  SlackWebApiStandIn,
  SocketModeStandIn,
  slashCommand,
  urlVerification,
} from "./slack-standin.ts";

const signingSecret = "standin-signing-secret";

/** Cleanups run in reverse order: stop the app before closing the stand-ins it talks to. */
let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  const pending = cleanups.reverse();
  cleanups = [];
  for (const fn of pending) await fn();
});

/** Client options every test App needs: the stand-in URL, and no retry storms if something goes wrong. */
function clientOptions(webApi: SlackWebApiStandIn) {
  return { slackApiUrl: webApi.apiUrl, retryConfig: { retries: 0 } };
}

interface Seen {
  retryNums: (number | undefined)[];
  retryReasons: (string | undefined)[];
}

function registerHandlers(app: App, seen: Seen): void {
  app.command("/talks", async ({ command, ack, respond }) => {
    await ack();
    await respond({ response_type: "ephemeral", text: `You asked: ${command.text}` });
  });
  app.event("app_mention", async ({ event, say, context }) => {
    seen.retryNums.push(context.retryNum);
    seen.retryReasons.push(context.retryReason);
    await say({ text: "Answer with a citation", thread_ts: event.thread_ts ?? event.ts });
  });
  app.action("talks_more", async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: false, text: "More detail" });
  });
}

async function startHttpApp() {
  const webApi = await SlackWebApiStandIn.start();
  cleanups.push(() => webApi.close());
  const seen: Seen = { retryNums: [], retryReasons: [] };
  const app = new App({
    token: "xoxb-test",
    signingSecret,
    clientOptions: clientOptions(webApi),
    logLevel: LogLevel.ERROR,
  });
  registerHandlers(app, seen);
  // HTTPReceiver.start resolves with the node:http Server; port 0 = random free port.
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  cleanups.push(() => app.stop());
  const { port } = server.address() as AddressInfo;
  return { webApi, app, seen, url: `http://127.0.0.1:${port}/slack/events` };
}

describe("HTTP mode against SlackWebApiStandIn", () => {
  it("verifies auth on construction against the stand-in", async () => {
    const { webApi } = await startHttpApp();
    const call = await webApi.waitForCall("auth.test");
    expect(call.authorization).toBe("Bearer xoxb-test");
    expect(call.reply.body).toMatchObject({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
  });

  it("signed slash command is acked with 200 and respond() reaches the response_url receiver", async () => {
    const { webApi, url } = await startHttpApp();
    const { form } = slashCommand({ text: "tariffs", responseUrl: webApi.responseUrl("cmd-1") });
    const res = await postSigned(url, form, {
      secret: signingSecret,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(200);
    const reply = await webApi.waitForResponse((r) => r.id === "cmd-1");
    expect(reply.body).toMatchObject({ response_type: "ephemeral", text: "You asked: tariffs" });
    expect(reply.contentType).toMatch(/^application\/json/);
  });

  it("rejects a bad signature with 401", async () => {
    const { webApi, url } = await startHttpApp();
    const { form } = slashCommand({ text: "x", responseUrl: webApi.responseUrl("bad") });
    const res = await postSigned(url, form, { secret: signingSecret, badSignature: true });
    expect(res.status).toBe(401);
  });

  it("rejects a stale (6 minutes old) timestamp with 401", async () => {
    const { webApi, url } = await startHttpApp();
    const { form } = slashCommand({ text: "x", responseUrl: webApi.responseUrl("stale") });
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned(url, form, { secret: signingSecret, timestamp });
    expect(res.status).toBe(401);
  });

  it("answers url_verification with the challenge", async () => {
    const { url } = await startHttpApp();
    const res = await postSigned(url, JSON.stringify(urlVerification("chal-123")), { secret: signingSecret });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "chal-123" });
  });

  it("app_mention event → chat.postMessage in the thread; retry headers surface as context.retryNum/retryReason", async () => {
    const { webApi, url, seen } = await startHttpApp();
    const event = appMention({
      text: "<@UBOT> what was agreed?",
      user: "U2",
      channel: "C9",
      ts: "1747000000.000100",
    });
    const res = await postSigned(url, JSON.stringify(eventCallback(event)), {
      secret: signingSecret,
      contentType: "application/json",
      retryNum: 1,
      retryReason: "http_timeout",
    });
    expect(res.status).toBe(200);
    const post = await webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({
      channel: "C9",
      thread_ts: "1747000000.000100",
      text: "Answer with a citation",
    });
    expect(post.authorization).toBe("Bearer xoxb-test");
    expect(post.reply.body).toMatchObject({ ok: true, channel: "C9" });
    expect(seen.retryNums).toEqual([1]);
    expect(seen.retryReasons).toEqual(["http_timeout"]);
  });

  it("block_actions form payload is acked and respond() reaches the response_url", async () => {
    const { webApi, url } = await startHttpApp();
    const { form } = blockActions({
      actionId: "talks_more",
      value: "q-42",
      userId: "U2",
      channelId: "C9",
      messageTs: "1747000000.000200",
      responseUrl: webApi.responseUrl("act-1"),
    });
    expect(form.startsWith("payload=")).toBe(true);
    const res = await postSigned(url, form, { secret: signingSecret });
    expect(res.status).toBe(200);
    const reply = await webApi.waitForResponse((r) => r.id === "act-1");
    expect(reply.body).toMatchObject({ text: "More detail", replace_original: false });
  });

  it("a charset suffix on the form content type is NOT parsed as a form by Bolt (trap)", async () => {
    const { webApi, url } = await startHttpApp();
    const { form } = slashCommand({ text: "x", responseUrl: webApi.responseUrl("charset") });
    const res = await postSigned(url, form, {
      secret: signingSecret,
      contentType: "application/x-www-form-urlencoded; charset=utf-8",
    });
    // Bolt falls back to JSON.parse on the form body and answers 400 (malformed body).
    expect(res.status).toBe(400);
  });
});

describe("SlackWebApiStandIn directly", () => {
  it("records form and JSON calls, answers unknown methods with unknown_method", async () => {
    const webApi = await SlackWebApiStandIn.start();
    cleanups.push(() => webApi.close());
    const form = await fetch(`${webApi.apiUrl}chat.update`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer xoxb-test" },
      body: new URLSearchParams({
        channel: "C1",
        ts: "1.000001",
        text: "hi",
        blocks: '[{"type":"divider"}]',
      }),
    });
    expect(await form.json()).toMatchObject({ ok: true, channel: "C1", ts: "1.000001" });
    const json = await fetch(`${webApi.apiUrl}nope.nothing`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await json.json()).toEqual({ ok: false, error: "unknown_method" });
    expect(webApi.calls.map((c) => c.method)).toEqual(["chat.update", "nope.nothing"]);
    expect(webApi.calls[0]?.args.blocks).toEqual([{ type: "divider" }]);
    expect(webApi.calls[1]?.args).toEqual({ a: 1 });
  });

  it("serves the other methods the adapter needs through a real WebClient", async () => {
    const webApi = await SlackWebApiStandIn.start();
    cleanups.push(() => webApi.close());
    const app = new App({
      token: "xoxb-test",
      signingSecret,
      clientOptions: clientOptions(webApi),
      logLevel: LogLevel.ERROR,
    });
    const { client } = app;
    const eph = await client.chat.postEphemeral({ channel: "C1", user: "U1", text: "only you" });
    expect(eph.message_ts).toMatch(/^\d+\.\d{6}$/);
    const dm = await client.conversations.open({ users: "U123" });
    expect(dm.channel?.id).toBe("D123");
    const user = await client.users.info({ user: "U123" });
    expect(user.user?.id).toBe("U123");
    const home = await client.views.publish({ user_id: "U1", view: { type: "home", blocks: [] } });
    expect(home.view?.type).toBe("home");
    await expect(client.apiCall("made.up")).rejects.toMatchObject({ data: { error: "unknown_method" } });
    webApi.override("chat.postMessage", () => ({ body: { ok: false, error: "channel_not_found" } }));
    await expect(client.chat.postMessage({ channel: "CX", text: "x" })).rejects.toMatchObject({
      data: { error: "channel_not_found" },
    });
    expect(webApi.callsTo("views.publish")[0]?.args.view).toEqual({ type: "home", blocks: [] });
  });
});

describe("Socket Mode against SocketModeStandIn", () => {
  async function startSocketApp() {
    const socket = await SocketModeStandIn.start();
    cleanups.push(() => socket.close());
    const webApi = await SlackWebApiStandIn.start({ socketMode: socket });
    cleanups.push(() => webApi.close());
    const seen: Seen = { retryNums: [], retryReasons: [] };
    const app = new App({
      token: "xoxb-test",
      appToken: "xapp-test",
      socketMode: true,
      // Bolt copies clientOptions into installerOptions.clientOptions, which the SocketModeClient's own
      // WebClient uses for apps.connections.open.
      clientOptions: clientOptions(webApi),
      logLevel: LogLevel.ERROR,
    });
    registerHandlers(app, seen);
    await app.start(); // resolves once the stand-in's hello arrives
    cleanups.push(() => app.stop());
    return { socket, webApi, app, seen };
  }

  it("connects via apps.connections.open (with the app token) and receives hello", async () => {
    const { socket, webApi } = await startSocketApp();
    const open = await webApi.waitForCall("apps.connections.open");
    expect(open.authorization).toBe("Bearer xapp-test");
    expect(open.reply.body).toEqual({ ok: true, url: socket.url });
    expect(socket.connectionCount).toBe(1);
    expect(socket.openConnections).toBe(1);
  });

  it("slash_commands envelope is acked and respond() reaches the response_url", async () => {
    const { socket, webApi } = await startSocketApp();
    const { body } = slashCommand({ text: "soybeans", responseUrl: webApi.responseUrl("sm-cmd") });
    const ack = await socket.send("slash_commands", body);
    expect(ack.envelope_id).toEqual(expect.any(String));
    expect(ack.payload).toEqual({});
    const reply = await webApi.waitForResponse((r) => r.id === "sm-cmd");
    expect(reply.body).toMatchObject({ text: "You asked: soybeans" });
  });

  it("events_api envelope is acked; retry_attempt/retry_reason surface as context.retryNum/retryReason", async () => {
    const { socket, webApi, seen } = await startSocketApp();
    const event = appMention({ text: "<@UBOT> hello", channel: "C5", ts: "1747000001.000100" });
    const ack = await socket.send("events_api", eventCallback(event), {
      retryAttempt: 2,
      retryReason: "timeout",
    });
    expect(ack.payload).toEqual({});
    const post = await webApi.waitForCall("chat.postMessage");
    expect(post.args).toMatchObject({ channel: "C5", thread_ts: "1747000001.000100" });
    expect(seen.retryNums).toEqual([2]);
    expect(seen.retryReasons).toEqual(["timeout"]);
  });

  it("interactive envelope (block_actions) is acked", async () => {
    const { socket, webApi } = await startSocketApp();
    const { body } = blockActions({
      actionId: "talks_more",
      value: "v",
      responseUrl: webApi.responseUrl("sm-act"),
    });
    const ack = await socket.send("interactive", body);
    expect(ack.payload).toEqual({});
    await webApi.waitForResponse((r) => r.id === "sm-act");
  });

  it("events without a listener are still acked (DM, app_home_opened)", async () => {
    const { socket } = await startSocketApp();
    await expect(
      socket.send("events_api", eventCallback(directMessage({ text: "hi" }))),
    ).resolves.toMatchObject({
      payload: {},
    });
    await expect(
      socket.send("events_api", eventCallback(appHomeOpened({ user: "U1" }))),
    ).resolves.toMatchObject({
      payload: {},
    });
  });

  it("reconnects after a disconnect message (custom receiver with a short clientPingTimeout)", async () => {
    const socket = await SocketModeStandIn.start();
    cleanups.push(() => socket.close());
    const webApi = await SlackWebApiStandIn.start({ socketMode: socket });
    cleanups.push(() => webApi.close());
    // App does not forward clientPingTimeout; the reconnect delay is clientPingTimeout * failures (default 5s).
    const receiver = new SocketModeReceiver({
      appToken: "xapp-test",
      clientPingTimeout: 600,
      logLevel: LogLevel.ERROR,
      installerOptions: { clientOptions: clientOptions(webApi) },
    });
    const app = new App({
      token: "xoxb-test",
      receiver,
      clientOptions: clientOptions(webApi),
      logLevel: LogLevel.ERROR,
    });
    registerHandlers(app, { retryNums: [], retryReasons: [] });
    await app.start();
    cleanups.push(() => app.stop());
    socket.disconnect("refresh_requested");
    await socket.waitForConnections(2, 4000);
    expect(webApi.callsTo("apps.connections.open")).toHaveLength(2);
    // still usable after reconnecting
    const { body } = slashCommand({ text: "again", responseUrl: webApi.responseUrl("after") });
    await expect(socket.send("slash_commands", body)).resolves.toMatchObject({ payload: {} });
    await webApi.waitForResponse((r) => r.id === "after");
  });
});
