import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
} from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DiscordStandIn, type DiscordStandInOptions } from "./discord-standin.js";

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

let standIn: DiscordStandIn | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await standIn?.close();
  standIn = undefined;
});

function newClient(s: DiscordStandIn): Client {
  client = new Client({ intents: INTENTS, rest: { api: s.apiUrl }, partials: [Partials.Channel] });
  return client;
}

/** Starts a stand-in and a real discord.js Client logged in against it; resolves once `clientReady` fired. */
async function startBot(opts: DiscordStandInOptions = {}): Promise<{ s: DiscordStandIn; c: Client<true> }> {
  const s = await DiscordStandIn.start(opts);
  standIn = s;
  const c = newClient(s);
  const ready = new Promise<Client<true>>((resolve) => c.once(Events.ClientReady, resolve));
  await c.login(DiscordStandIn.TOKEN);
  return { s, c: await within(ready, "clientReady") };
}

/** Rejects if `p` does not settle within `ms` (keeps failures fast and descriptive). */
function within<T>(p: Promise<T>, label: string, ms = 2000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms}ms waiting for ${label}`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Registers an interaction handler and returns a promise for the first error it throws (or undefined). */
function onInteraction(c: Client, handler: (i: Interaction) => Promise<void>): Promise<unknown> {
  return new Promise((resolve) => {
    c.on(Events.InteractionCreate, (i) => {
      handler(i).then(
        () => resolve(undefined),
        (e: unknown) => resolve(e),
      );
    });
  });
}

describe("DiscordStandIn with the real discord.js Client", () => {
  it("serves /gateway/bot, HELLO/IDENTIFY/READY/GUILD_CREATE and discord.js emits clientReady", async () => {
    const { s, c } = await startBot({
      applicationId: "111111111111111111",
      guilds: [{ id: "222222222222222222", name: "Trade Desk" }],
    });

    expect(c.user.id).toBe("111111111111111111");
    expect(c.user.bot).toBe(true);
    expect(c.application.id).toBe("111111111111111111");
    const guild = c.guilds.cache.get("222222222222222222");
    expect(guild?.name).toBe("Trade Desk");
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(s.defaultGuild.textChannelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.me?.id).toBe(c.user.id);

    // What discord.js put on the wire.
    const gw = s.requests.find((r) => r.path === "/gateway/bot");
    expect(gw?.method).toBe("GET");
    expect(gw?.headers.authorization).toBe(`Bot ${DiscordStandIn.TOKEN}`);
    expect(s.gatewayConnections[0]?.query).toEqual({ v: "10", encoding: "json" });
    expect(s.identifies[0]).toMatchObject({
      token: DiscordStandIn.TOKEN,
      intents: INTENTS.reduce((a, b) => a | b, 0),
      shard: [0, 1],
      compress: false,
    });
  });

  it("chat-input interaction answered with an embed reply → callback type 4 with the embed", async () => {
    const { s, c } = await startBot();
    let seen:
      | {
          question: string | null;
          guildId: string | null;
          userId: string;
          channelType: ChannelType | undefined;
        }
      | undefined;
    const done = onInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        question: i.options.getString("question"),
        guildId: i.guildId,
        userId: i.user.id,
        channelType: i.channel?.type,
      };
      await i.reply({
        embeds: [
          new EmbedBuilder()
            .setTitle("Tariffs")
            .setDescription("Answer [1]")
            .setFooter({ text: "Source: MOFCOM" }),
        ],
      });
    });

    const payload = s.chatInput({ name: "ask", options: { question: "What changed in May?" } });
    s.dispatch("INTERACTION_CREATE", payload);

    const cb = await s.waitForInteractionCallback(payload.id);
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(seen).toEqual({
      question: "What changed in May?",
      guildId: s.defaultGuild.id,
      userId: s.defaultUser.id,
      channelType: ChannelType.GuildText,
    });
    expect(cb.query).toEqual({ with_response: "false" });
    expect(cb.status).toBe(204);
    expect(cb.headers.authorization).toBeUndefined(); // interaction routes are unauthenticated
    expect(cb.body).toMatchObject({
      type: 4,
      data: { embeds: [{ title: "Tariffs", description: "Answer [1]", footer: { text: "Source: MOFCOM" } }] },
    });
    expect(s.interactionCallbacks()).toHaveLength(1);
  });

  it("subcommands, DM interactions and withResponse", async () => {
    const { s, c } = await startBot();
    let info:
      | { sub: string; inGuild: boolean; dmType: ChannelType | undefined; messageId: string | undefined }
      | undefined;
    const done = onInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) return;
      const res = await i.reply({ content: "pong", flags: MessageFlags.Ephemeral, withResponse: true });
      info = {
        sub: i.options.getSubcommand(),
        inGuild: i.inGuild(),
        dmType: i.channel?.type,
        messageId: res.resource?.message?.id,
      };
    });
    const payload = s.chatInput({ name: "parley", subcommand: "ping", dm: true });
    s.dispatch("INTERACTION_CREATE", payload);
    const cb = await s.waitForInteractionCallback(payload.id);
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(cb.query.with_response).toBe("true");
    expect(cb.status).toBe(200);
    expect(cb.body).toMatchObject({ type: 4, data: { content: "pong", flags: MessageFlags.Ephemeral } });
    expect(info?.sub).toBe("ping");
    expect(info?.inGuild).toBe(false);
    expect(info?.dmType).toBe(ChannelType.DM);
    expect(info?.messageId).toBe(s.botMessages(s.dmChannelId())[0]?.id);
  });

  it("autocomplete respond → callback type 8 with choices", async () => {
    const { s, c } = await startBot();
    let focused: string | undefined;
    const done = onInteraction(c, async (i) => {
      if (!i.isAutocomplete()) return;
      focused = i.options.getFocused();
      await i.respond([
        { name: "Geneva talks (May 2025)", value: "geneva" },
        { name: "London talks (June 2025)", value: "london" },
      ]);
    });
    const payload = s.autocomplete({ name: "ask", focused: { name: "topic", value: "ge" } });
    s.dispatch("INTERACTION_CREATE", payload);
    const cb = await s.waitForInteractionCallback(payload.id);
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(focused).toBe("ge");
    expect(cb.body).toMatchObject({
      type: 8,
      data: { choices: [{ name: "Geneva talks (May 2025)", value: "geneva" }, { value: "london" }] },
    });
  });

  it("deferReply + editReply → callback type 5 then PATCH /webhooks/:app/:token/messages/@original", async () => {
    const { s, c } = await startBot();
    let edited: Message | undefined;
    const done = onInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      edited = await i.editReply({ content: "Final answer", embeds: [{ title: "Sources" }] });
      await i.followUp({ content: "One more thing", flags: MessageFlags.Ephemeral });
    });
    const payload = s.chatInput({ name: "ask", options: { question: "x" } });
    s.dispatch("INTERACTION_CREATE", payload);

    const cb = await s.waitForInteractionCallback(payload.id);
    expect(cb.body).toEqual({ type: 5, data: { flags: 0 } });
    const patch = await s.waitForRequest(
      (r) =>
        r.method === "PATCH" && r.path === `/webhooks/${s.applicationId}/${payload.token}/messages/@original`,
    );
    expect(patch.body).toMatchObject({ content: "Final answer", embeds: [{ title: "Sources" }] });
    const follow = await s.waitForRequest(
      (r) => r.method === "POST" && r.path === `/webhooks/${s.applicationId}/${payload.token}`,
    );
    expect(follow.body).toMatchObject({ content: "One more thing", flags: MessageFlags.Ephemeral });
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(edited?.content).toBe("Final answer");
    expect(s.botMessages().map((m) => m.content)).toEqual(["Final answer", "One more thing"]);
  });

  it("messageCreate mentioning the bot answered with message.reply → POST /channels/:id/messages with message_reference", async () => {
    const { s, c } = await startBot();
    const handled = new Promise<{ mentioned: boolean; content: string; reply: Message }>(
      (resolve, reject) => {
        c.on(Events.MessageCreate, (m) => {
          if (m.author.bot) return;
          m.reply("Here is the answer").then(
            (reply) => resolve({ mentioned: m.mentions.has(c.user), content: m.content, reply }),
            reject,
          );
        });
      },
    );
    const msg = s.messageCreate({ content: "what about rare earths?", mentionsBot: true });
    s.dispatch("MESSAGE_CREATE", msg);

    const req = await s.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${s.defaultGuild.textChannelId}/messages`,
    );
    expect(req.status).toBe(200);
    expect(req.body).toMatchObject({
      content: "Here is the answer",
      message_reference: { message_id: msg.id },
    });
    const { mentioned, content, reply } = await within(handled, "messageCreate handler");
    expect(mentioned).toBe(true);
    expect(content).toBe(`<@${s.botUser.id}> what about rare earths?`);
    expect(reply.reference?.messageId).toBe(msg.id);
    expect(s.botMessages(s.defaultGuild.textChannelId)[0]?.type).toBe(19);
  });

  it("DM messages reach the client (Partials.Channel) and can be answered", async () => {
    const { s, c } = await startBot();
    const got = new Promise<Message>((resolve) => c.on(Events.MessageCreate, resolve));
    s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "hello in DM", dm: true }));
    const m = await within(got, "DM messageCreate");
    expect(m.channel.type).toBe(ChannelType.DM);
    expect(m.guildId).toBeNull();
    if (!m.channel.isSendable()) throw new Error("DM channel not sendable");
    await m.channel.send("hi back");
    expect(s.botMessages(s.dmChannelId()).map((x) => x.content)).toEqual(["hi back"]);
  });

  it("button interaction answered with update → callback type 7 and edited source message", async () => {
    const { s, c } = await startBot();
    const done = onInteraction(c, async (i) => {
      if (!i.isButton()) return;
      expect(i.customId).toBe("more:1");
      await i.update({ content: "expanded", components: [] });
    });
    const payload = s.button({ customId: "more:1" });
    s.dispatch("INTERACTION_CREATE", payload);
    const cb = await s.waitForInteractionCallback(payload.id);
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(cb.body).toMatchObject({ type: 7, data: { content: "expanded", components: [] } });
  });

  it("replies with attachments are sent as multipart; payload_json and files are recorded", async () => {
    const { s, c } = await startBot();
    const done = onInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        content: "see file",
        files: [new AttachmentBuilder(Buffer.from("a,b\n1,2\n"), { name: "data.csv" })],
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId("x").setLabel("More").setStyle(ButtonStyle.Primary),
          ),
        ],
      });
    });
    const payload = s.chatInput({ name: "export" });
    s.dispatch("INTERACTION_CREATE", payload);
    const cb = await s.waitForInteractionCallback(payload.id);
    expect(await within(done, "interaction handler")).toBeUndefined();
    expect(String(cb.headers["content-type"])).toMatch(/^multipart\/form-data/);
    expect(cb.body).toMatchObject({ type: 4, data: { content: "see file", attachments: [{ id: "0" }] } });
    expect(cb.files).toHaveLength(1);
    expect(cb.files[0]).toMatchObject({ field: "files[0]", filename: "data.csv", size: 8 });
    expect(cb.files[0]?.data.toString()).toBe("a,b\n1,2\n");
    expect(s.botMessages()[0]?.attachments[0]?.filename).toBe("data.csv");
  });

  it("application commands: PUT (global + guild) and GET echo ids; invocations use the registered id", async () => {
    const { s, c } = await startBot();
    const created = await c.application.commands.set([
      { name: "ask", description: "Ask a question", options: [] },
    ]);
    const cmd = created.first();
    expect(cmd?.name).toBe("ask");
    expect(cmd?.applicationId).toBe(s.applicationId);
    const again = await c.application.commands.set([{ name: "ask", description: "Ask (v2)" }]);
    expect(again.first()?.id).toBe(cmd?.id); // Discord keeps ids stable per name
    await c.application.commands.set([{ name: "help", description: "Help" }], s.defaultGuild.id);
    expect(s.commands(s.defaultGuild.id).map((x) => x.name)).toEqual(["help"]);
    expect((await c.application.commands.fetch()).size).toBe(1);
    const put = s.requests.find(
      (r) => r.method === "PUT" && r.path === `/applications/${s.applicationId}/commands`,
    );
    expect(put?.body).toMatchObject([{ name: "ask", description: "Ask a question" }]);
    expect(s.chatInput({ name: "ask" }).data.id).toBe(cmd?.id);

    await expect(c.application.commands.set([{ name: "Bad Name", description: "x" }])).rejects.toMatchObject({
      code: 50035,
      status: 400,
    });
  });

  it("enforces Discord limits and acknowledgement rules with real error shapes", async () => {
    const { s, c } = await startBot();
    const done = onInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: "x".repeat(2001) });
    });
    const payload = s.chatInput({ name: "ask" });
    s.dispatch("INTERACTION_CREATE", payload);
    const error = await within(done, "interaction handler");
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } },
    });

    // A second acknowledgement of the same interaction, sent raw (discord.js itself refuses client-side).
    const url = `${s.apiUrl}/v10/interactions/${payload.id}/${payload.token}/callback`;
    const body = JSON.stringify({ type: 4, data: { content: "ok" } });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body };
    expect((await fetch(url, init)).status).toBe(204);
    const second = await fetch(url, init);
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({
      message: "Interaction has already been acknowledged.",
      code: 40060,
    });

    const unknown = await fetch(`${s.apiUrl}/v10/no/such/route`, { headers: { authorization: "Bot x" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "404: Not Found", code: 0 });
    expect(s.requests.at(-1)?.path).toBe("/no/such/route");
  });

  it("echoes the bot's own messages over the gateway, like Discord (adapters must ignore them)", async () => {
    const { s, c } = await startBot();
    const seen: { content: string; bot: boolean }[] = [];
    const twoSeen = new Promise<void>((resolve) => {
      c.on(Events.MessageCreate, (m) => {
        seen.push({ content: m.content, bot: m.author.id === c.user.id });
        if (seen.length === 2) resolve();
        if (!m.author.bot) void m.reply("answer");
      });
    });
    s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "question", mentionsBot: true }));
    await within(twoSeen, "user message + echoed bot reply");
    expect(seen).toEqual([
      { content: `<@${s.botUser.id}> question`, bot: false },
      { content: "answer", bot: true },
    ]);
  });

  it("without the MessageContent intent, guild message content is blanked unless the bot is mentioned", async () => {
    const s = await DiscordStandIn.start();
    standIn = s;
    const c = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      rest: { api: s.apiUrl },
    });
    client = c;
    const ready = new Promise((resolve) => c.once(Events.ClientReady, resolve));
    await c.login(DiscordStandIn.TOKEN);
    await within(ready, "clientReady");
    const contents: string[] = [];
    const both = new Promise<void>((resolve) => {
      c.on(Events.MessageCreate, (m) => {
        contents.push(m.content);
        if (contents.length === 2) resolve();
      });
    });
    s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "not for the bot" }));
    s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "for the bot", mentionsBot: true }));
    // DMs need the DirectMessages intent, which this client lacks: nothing is delivered.
    expect(s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "dm", dm: true }))).toBe(0);
    await within(both, "two guild messages");
    expect(contents).toEqual(["", `<@${s.botUser.id}> for the bot`]);
  });

  it("gateway RESUME after an unexpected close; dispatches keep flowing", async () => {
    const { s, c } = await startBot();
    const resumed = new Promise<void>((resolve) => c.once(Events.ShardResume, () => resolve()));
    s.disconnectAll(4000);
    await within(resumed, "shardResume");
    expect(s.gatewayReceived.some((f) => f.payload.op === 6)).toBe(true);
    const got = new Promise<Message>((resolve) => c.on(Events.MessageCreate, resolve));
    s.dispatch("MESSAGE_CREATE", s.messageCreate({ content: "after resume" }));
    expect((await within(got, "messageCreate after resume")).content).toBe("after resume");
  });
});

describe("fatal authentication failures", () => {
  it('rejectToken (gateway close 4004): login() rejects with "Authentication failed" and the shard is not reconnected', async () => {
    const s = await DiscordStandIn.start({ rejectToken: true });
    standIn = s;
    const c = newClient(s);
    const disconnects: number[] = [];
    const shardErrors: string[] = [];
    c.on(Events.ShardDisconnect, (ev) => disconnects.push(ev.code));
    c.on(Events.ShardError, (e) => shardErrors.push(e.message));
    const ready = vi.fn();
    c.on(Events.ClientReady, ready);

    await expect(c.login(DiscordStandIn.TOKEN)).rejects.toThrow("Authentication failed");
    await new Promise((r) => setTimeout(r, 700)); // longer than @discordjs/ws' 500 ms reconnect delay
    expect(s.gatewayConnections).toHaveLength(1);
    expect(disconnects).toEqual([4004]);
    expect(shardErrors).toEqual(["Authentication failed"]);
    expect(ready).not.toHaveBeenCalled();
    expect(c.token).toBeNull(); // login() destroyed the client before rethrowing
  });

  it("rejectToken: 'rest' (HTTP 401): login() rejects with TokenInvalid before opening the gateway", async () => {
    const s = await DiscordStandIn.start({ rejectToken: "rest" });
    standIn = s;
    const c = newClient(s);
    await expect(c.login(DiscordStandIn.TOKEN)).rejects.toMatchObject({ code: "TokenInvalid" });
    expect(s.gatewayConnections).toHaveLength(0);
    expect(s.requests[0]).toMatchObject({ method: "GET", path: "/gateway/bot", status: 401 });
  });

  it('privilegedIntents: false → close 4014: login() rejects with "Used disallowed intents"', async () => {
    const s = await DiscordStandIn.start({ privilegedIntents: false });
    standIn = s;
    const c = newClient(s);
    await expect(c.login(DiscordStandIn.TOKEN)).rejects.toThrow("Used disallowed intents");
  });
});
