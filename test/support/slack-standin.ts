/**
 * Local stand-ins for Slack, speaking Slack's real wire formats, so that the Slack adapter can be tested
 * through its real entry points (a real Bolt `App`) without touching the internet.
 *
 * - `SlackWebApiStandIn`: the Web API (`POST /api/<method>`, form or JSON bodies) plus a `response_url` receiver.
 * - `SocketModeStandIn`: a Socket Mode WebSocket server (hello, envelopes, acks, disconnect messages).
 * - `signRequest` / `postSigned`: HTTP-mode request signing (v0 HMAC-SHA256) and delivery.
 * - Payload builders: slash commands, Events API envelopes and events, block_actions, url_verification.
 *
 * Wiring Bolt to them (verified against @slack/bolt 4.7 sources):
 * - HTTP mode: `new App({ token, signingSecret, clientOptions: { slackApiUrl: webApi.apiUrl, retryConfig: { retries: 0 } } })`,
 *   then `const server = await app.start({ port: 0, host: '127.0.0.1' })` and read `server.address().port`.
 * - Socket Mode: the same `clientOptions` also reach the SocketModeClient (Bolt copies `clientOptions` into
 *   `installerOptions.clientOptions`), so `apps.connections.open` goes to this stand-in, which answers with
 *   `SocketModeStandIn.url` when one is attached.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, type WebSocket, WebSocketServer } from "ws";

// ---------------------------------------------------------------------------------------------------------
// JSON types
// ---------------------------------------------------------------------------------------------------------

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Small recorder with "past or future" waiting
// ---------------------------------------------------------------------------------------------------------

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
}

class Recorder<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(item: T): void {
    this.items.push(item);
    const matched = this.waiters.filter((w) => w.predicate(item));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(item);
  }

  clear(): void {
    this.items.length = 0;
  }

  wait(predicate: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    const past = this.items.find(predicate);
    if (past !== undefined) return Promise.resolve(past);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${describe()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stop listening, let in-flight requests finish (up to `graceMs`), then drop whatever is left. */
function closeServer(server: Server, graceMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: JsonValue,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Form fields that @slack/web-api JSON-encodes (non-primitive values); parsed back so tests can inspect them. */
const JSON_FORM_FIELDS = new Set([
  "blocks",
  "attachments",
  "view",
  "metadata",
  "unfurls",
  "options",
  "option_groups",
  "user_auth_blocks",
]);

function parseArgs(contentType: string, rawBody: string, query: URLSearchParams): JsonObject {
  const args: JsonObject = {};
  for (const [k, v] of query) args[k] = v;
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "application/json") {
    if (rawBody.trim() === "") return args;
    const parsed: unknown = JSON.parse(rawBody);
    if (isJsonObject(parsed)) Object.assign(args, parsed);
    return args;
  }
  if (mime === "application/x-www-form-urlencoded" || (mime === "" && rawBody.includes("="))) {
    for (const [k, v] of new URLSearchParams(rawBody)) {
      if (JSON_FORM_FIELDS.has(k)) {
        try {
          args[k] = JSON.parse(v) as JsonValue;
          continue;
        } catch {
          // keep the raw string
        }
      }
      args[k] = v;
    }
  }
  return args;
}

// ---------------------------------------------------------------------------------------------------------
// Web API stand-in
// ---------------------------------------------------------------------------------------------------------

export interface WebApiCall {
  /** e.g. `chat.postMessage` */
  method: string;
  /** Parsed arguments (query string + form or JSON body). JSON-encoded form fields such as `blocks` are parsed. */
  args: JsonObject;
  /** Raw `Authorization` header, e.g. `Bearer xoxb-test` (undefined when absent). */
  authorization: string | undefined;
  /** Token actually used: from the `Authorization: Bearer` header, else from a `token` argument. */
  token: string | undefined;
  contentType: string | undefined;
  rawBody: string;
  /** What the stand-in answered. */
  reply: WebApiReply;
  at: number;
}

export interface WebApiReply {
  /** HTTP status; Slack uses 200 for everything except rate limiting (429). Default 200. */
  status?: number;
  headers?: Record<string, string>;
  body: JsonObject;
}

/** A per-method override; return `undefined` to fall through to the built-in behaviour. */
export type WebApiOverride = (
  call: Omit<WebApiCall, "reply">,
) => WebApiReply | undefined | Promise<WebApiReply | undefined>;

export interface ResponseUrlPost {
  /** The `<id>` in `/respond/<id>`. */
  id: string;
  /** Parsed JSON body (Bolt's `respond()` posts JSON); `{}` when it was not a JSON object. */
  body: JsonObject;
  rawBody: string;
  contentType: string | undefined;
  at: number;
}

export interface SlackWebApiStandInOptions {
  /** Socket Mode stand-in whose `url` `apps.connections.open` returns. Can also be set later with `attachSocketMode`. */
  socketMode?: SocketModeStandIn;
  /** Identity returned by `auth.test` and used in messages. */
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** If set, only these tokens are accepted (others get `invalid_auth`). Missing tokens always get `not_authed`. */
  validTokens?: readonly string[];
}

export type CallMatcher = string | ((call: WebApiCall) => boolean);

export class SlackWebApiStandIn {
  /** e.g. `http://127.0.0.1:PORT/api/` (trailing slash, as @slack/web-api expects for `slackApiUrl`). */
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly port: number;
  private readonly callLog = new Recorder<WebApiCall>();
  private readonly responseLog = new Recorder<ResponseUrlPost>();
  private readonly overrides = new Map<string, WebApiOverride>();
  private socket: SocketModeStandIn | undefined;
  private tsCounter = 0;
  private readonly tsBase = Math.floor(Date.now() / 1000);
  private readonly identity: Required<Omit<SlackWebApiStandInOptions, "socketMode" | "validTokens">>;
  private readonly validTokens: readonly string[] | undefined;

  private constructor(
    private readonly server: Server,
    port: number,
    opts: SlackWebApiStandInOptions,
  ) {
    this.port = port;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.socket = opts.socketMode;
    this.validTokens = opts.validTokens;
    this.identity = {
      teamId: opts.teamId ?? "T1",
      teamName: opts.teamName ?? "Stand-in Workspace",
      botUserId: opts.botUserId ?? "UBOT",
      botId: opts.botId ?? "BBOT",
      appId: opts.appId ?? "A1",
    };
  }

  static async start(opts: SlackWebApiStandInOptions = {}): Promise<SlackWebApiStandIn> {
    let instance: SlackWebApiStandIn | undefined;
    const server = createServer((req, res) => {
      if (instance === undefined) {
        res.writeHead(503).end();
        return;
      }
      instance.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: "standin_error", detail: String(error) });
      });
    });
    const port = await listen(server);
    instance = new SlackWebApiStandIn(server, port, opts);
    return instance;
  }

  /** Every Web API call received, in order (including failed and unknown methods). */
  get calls(): readonly WebApiCall[] {
    return this.callLog.items;
  }

  /** Every POST received by the `response_url` receiver, in order. */
  get responses(): readonly ResponseUrlPost[] {
    return this.responseLog.items;
  }

  callsTo(method: string): WebApiCall[] {
    return this.callLog.items.filter((c) => c.method === method);
  }

  /** Resolves with the first recorded call matching (already received, or arriving within `timeoutMs`). */
  waitForCall(matcher: CallMatcher, timeoutMs = 3000): Promise<WebApiCall> {
    const predicate = typeof matcher === "string" ? (c: WebApiCall) => c.method === matcher : matcher;
    return this.callLog.wait(predicate, timeoutMs, () => {
      const seen = this.callLog.items.map((c) => c.method).join(", ") || "none";
      return `${typeof matcher === "string" ? matcher : "a matching Web API call"} (calls so far: ${seen})`;
    });
  }

  /** Resolves with the first `response_url` POST matching (already received, or arriving within `timeoutMs`). */
  waitForResponse(
    predicate: (post: ResponseUrlPost) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<ResponseUrlPost> {
    return this.responseLog.wait(
      predicate,
      timeoutMs,
      () => `a matching response_url POST (received so far: ${this.responseLog.items.length})`,
    );
  }

  /** `http://127.0.0.1:PORT/respond/<id>` — use as `response_url` in payloads. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${encodeURIComponent(id)}`;
  }

  attachSocketMode(socket: SocketModeStandIn | undefined): void {
    this.socket = socket;
  }

  /** Replace the built-in answer for `method` (e.g. to simulate `channel_not_found` or a 429). */
  override(method: string, handler: WebApiOverride): void {
    this.overrides.set(method, handler);
  }

  clearOverrides(): void {
    this.overrides.clear();
  }

  /** Forget recorded calls and response_url posts. */
  reset(): void {
    this.callLog.clear();
    this.responseLog.clear();
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  // -------------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const rawBody = await readBody(req);
    const contentType = req.headers["content-type"];

    if (url.pathname.startsWith("/respond/")) {
      if (req.method !== "POST") {
        res.writeHead(405).end();
        return;
      }
      let body: JsonObject = {};
      try {
        const parsed: unknown = JSON.parse(rawBody);
        if (isJsonObject(parsed)) body = parsed;
      } catch {
        // not JSON; leave body empty, rawBody has it
      }
      this.responseLog.push({
        id: decodeURIComponent(url.pathname.slice("/respond/".length)),
        body,
        rawBody,
        contentType,
        at: Date.now(),
      });
      sendJson(res, 200, { ok: true });
      return;
    }

    if (!url.pathname.startsWith("/api/")) {
      res.writeHead(404).end();
      return;
    }

    const method = url.pathname.slice("/api/".length);
    let args: JsonObject;
    try {
      args = parseArgs(contentType ?? "", rawBody, url.searchParams);
    } catch {
      sendJson(res, 200, { ok: false, error: "invalid_json" });
      return;
    }
    const authorization = req.headers.authorization;
    const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? str(args.token);
    const partial: Omit<WebApiCall, "reply"> = {
      method,
      args,
      authorization,
      token,
      contentType,
      rawBody,
      at: Date.now(),
    };

    const override = this.overrides.get(method);
    const reply = (override ? await override(partial) : undefined) ?? this.builtin(method, args, token);
    // record before answering so a waiter sees the call no later than the caller sees the reply
    this.callLog.push({ ...partial, reply });
    sendJson(res, reply.status ?? 200, reply.body, reply.headers);
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${this.tsBase}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private botMessage(args: JsonObject, ts: string): JsonObject {
    const message: JsonObject = {
      type: "message",
      text: str(args.text) ?? "",
      user: this.identity.botUserId,
      bot_id: this.identity.botId,
      app_id: this.identity.appId,
      team: this.identity.teamId,
      ts,
      bot_profile: {
        id: this.identity.botId,
        app_id: this.identity.appId,
        name: "parley",
        deleted: false,
        team_id: this.identity.teamId,
      },
    };
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    const threadTs = str(args.thread_ts);
    if (threadTs !== undefined) {
      message.thread_ts = threadTs;
      message.parent_user_id = this.identity.botUserId;
    }
    return message;
  }

  private builtin(method: string, args: JsonObject, token: string | undefined): WebApiReply {
    const ok = (body: JsonObject): WebApiReply => ({ body: { ok: true, ...body } });
    const fail = (error: string): WebApiReply => ({ body: { ok: false, error } });
    const known = new Set([
      "auth.test",
      "chat.postMessage",
      "chat.postEphemeral",
      "chat.update",
      "views.publish",
      "apps.connections.open",
      "conversations.open",
      "users.info",
    ]);
    if (!known.has(method)) return fail("unknown_method");
    if (token === undefined || token === "") return fail("not_authed");
    if (this.validTokens !== undefined && !this.validTokens.includes(token)) return fail("invalid_auth");

    const { teamId, teamName, botUserId, botId } = this.identity;
    const hasContent = (): boolean =>
      (str(args.text) ?? "") !== "" || args.blocks !== undefined || args.attachments !== undefined;

    switch (method) {
      case "auth.test":
        return ok({
          url: "https://standin.slack.com/",
          team: teamName,
          user: "parley",
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          is_enterprise_install: false,
        });
      case "chat.postMessage": {
        const channel = str(args.channel);
        if (!channel) return fail("channel_not_found");
        if (!hasContent()) return fail("no_text");
        const ts = this.nextTs();
        return ok({ channel, ts, message: this.botMessage(args, ts) });
      }
      case "chat.postEphemeral": {
        const channel = str(args.channel);
        if (!channel) return fail("channel_not_found");
        if (!str(args.user)) return fail("user_not_in_channel");
        if (!hasContent()) return fail("no_text");
        // real Slack answers postEphemeral with only `message_ts`
        return ok({ message_ts: this.nextTs() });
      }
      case "chat.update": {
        const channel = str(args.channel);
        const ts = str(args.ts);
        if (!channel) return fail("channel_not_found");
        if (!ts) return fail("message_not_found");
        return ok({ channel, ts, text: str(args.text) ?? "", message: this.botMessage(args, ts) });
      }
      case "views.publish": {
        const userId = str(args.user_id);
        if (!userId) return fail("user_not_found");
        if (!isJsonObject(args.view)) return fail("invalid_arguments");
        return ok({
          view: {
            id: `V${String(++this.tsCounter).padStart(8, "0")}`,
            team_id: teamId,
            app_id: this.identity.appId,
            bot_id: botId,
            ...args.view,
            type: str(args.view.type) ?? "home",
            hash: `${this.tsBase}.standin`,
          },
        });
      }
      case "apps.connections.open":
        if (!token.startsWith("xapp-")) return fail("not_allowed_token_type");
        // With no Socket Mode stand-in attached, answer with an error Bolt treats as unrecoverable,
        // so app.start() rejects quickly instead of retrying forever.
        if (this.socket === undefined) return fail("invalid_auth");
        return ok({ url: this.socket.url });
      case "conversations.open": {
        const users = str(args.users) ?? "";
        const channel = str(args.channel);
        if (channel) return ok({ no_op: true, already_open: true, channel: { id: channel } });
        const first = users.split(",")[0]?.trim();
        if (!first) return fail("users_list_not_supplied");
        return ok({ channel: { id: `D${first.replace(/^[UW]/, "")}` } });
      }
      case "users.info": {
        const user = str(args.user);
        if (!user) return fail("user_not_found");
        const name = `user-${user.toLowerCase()}`;
        return ok({
          user: {
            id: user,
            team_id: teamId,
            name,
            deleted: false,
            real_name: `User ${user}`,
            tz: "America/New_York",
            tz_label: "Eastern Standard Time",
            tz_offset: -18000,
            is_admin: false,
            is_owner: false,
            is_bot: user === botUserId,
            is_app_user: false,
            updated: this.tsBase,
            profile: {
              real_name: `User ${user}`,
              display_name: name,
              team: teamId,
            },
          },
        });
      }
      default:
        return fail("unknown_method");
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Socket Mode stand-in
// ---------------------------------------------------------------------------------------------------------

export type SocketEnvelopeType = "slash_commands" | "events_api" | "interactive";

export interface SocketEnvelope {
  envelope_id: string;
  type: SocketEnvelopeType;
  payload: object;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the client sends back: `{ envelope_id, payload? }` (Bolt always includes `payload`, `{}` for a bare ack()). */
export interface SocketAck {
  envelope_id: string;
  payload?: JsonObject;
}

export interface SocketSendOptions {
  /** `retry_attempt`; events_api envelopes always carry it (default 0), others only when given. */
  retryAttempt?: number;
  /** `retry_reason`; events_api default `''`. */
  retryReason?: string;
  /** Default: false for events_api, true otherwise. */
  acceptsResponsePayload?: boolean;
  envelopeId?: string;
  /** How long to wait for the ack. Default 3000ms. */
  timeoutMs?: number;
}

export type DisconnectReason = "warning" | "refresh_requested" | "link_disabled";

export interface SocketModeStandInOptions {
  appId?: string;
  /** Send the hello message on connect (default true). Without it Bolt's app.start() never resolves. */
  sendHello?: boolean;
}

export class SocketModeStandIn {
  readonly port: number;
  /** What `apps.connections.open` hands out, shaped like Slack's `wss://wss-primary.slack.com/link/?ticket=…&app_id=…`. */
  readonly url: string;
  /** Every message a client sent (parsed JSON), in order. */
  readonly received: JsonValue[] = [];
  private readonly ackLog = new Recorder<SocketAck>();
  private readonly connectionLog = new Recorder<number>();
  private readonly sockets = new Set<WebSocket>();
  private latest: WebSocket | undefined;
  private readonly appId: string;
  private readonly sendHello: boolean;

  private constructor(
    private readonly wss: WebSocketServer,
    port: number,
    opts: SocketModeStandInOptions,
  ) {
    this.port = port;
    this.appId = opts.appId ?? "A1";
    this.sendHello = opts.sendHello ?? true;
    this.url = `ws://127.0.0.1:${port}/link/?ticket=standin-ticket&app_id=${this.appId}`;
    wss.on("connection", (ws) => this.onConnection(ws));
  }

  static async start(opts: SocketModeStandInOptions = {}): Promise<SocketModeStandIn> {
    const wss = await new Promise<WebSocketServer>((resolve, reject) => {
      const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
      server.once("listening", () => resolve(server));
      server.once("error", reject);
    });
    return new SocketModeStandIn(wss, (wss.address() as AddressInfo).port, opts);
  }

  /** Number of connections accepted so far (including closed ones). */
  get connectionCount(): number {
    return this.connectionLog.items.length;
  }

  /** Number of currently open connections. */
  get openConnections(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** Resolves once `count` connections have been accepted in total (past or future). */
  async waitForConnections(count = 1, timeoutMs = 3000): Promise<void> {
    await this.connectionLog.wait(
      (n) => n >= count,
      timeoutMs,
      () => `${count} Socket Mode connection(s) (so far ${this.connectionCount})`,
    );
  }

  /**
   * Send an envelope to the most recent open connection and resolve with the client's ack.
   * Rejects if nobody is connected or no ack arrives within `timeoutMs`.
   */
  send(type: SocketEnvelopeType, payload: object, opts: SocketSendOptions = {}): Promise<SocketAck> {
    const envelope: SocketEnvelope = {
      envelope_id: opts.envelopeId ?? randomUUID(),
      type,
      payload,
      accepts_response_payload: opts.acceptsResponsePayload ?? type !== "events_api",
    };
    if (type === "events_api" || opts.retryAttempt !== undefined || opts.retryReason !== undefined) {
      envelope.retry_attempt = opts.retryAttempt ?? 0;
      envelope.retry_reason = opts.retryReason ?? "";
    }
    const ack = this.ackLog.wait(
      (a) => a.envelope_id === envelope.envelope_id,
      opts.timeoutMs ?? 3000,
      () => `the ack of ${type} envelope ${envelope.envelope_id}`,
    );
    try {
      this.sendRaw(envelope);
    } catch (error) {
      ack.catch(() => undefined);
      return Promise.reject(error);
    }
    return ack;
  }

  /** Send any JSON message to the most recent open connection. */
  sendRaw(message: object): void {
    const ws = this.latest;
    if (ws === undefined || ws.readyState !== ws.OPEN) throw new Error("No open Socket Mode connection");
    ws.send(JSON.stringify(message));
  }

  /**
   * Send Slack's `disconnect` message. The real client closes the socket and reconnects
   * (calling apps.connections.open again) after `clientPingTimeout` ms (Bolt default 5000).
   * With `close: true` the stand-in also closes the socket itself, as Slack eventually does.
   */
  disconnect(reason: DisconnectReason = "refresh_requested", opts: { close?: boolean } = {}): void {
    this.sendRaw({ type: "disconnect", reason, debug_info: { host: "standin" } });
    if (opts.close) this.latest?.close(1000);
  }

  async close(): Promise<void> {
    const closing = [...this.sockets].map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) {
            resolve();
            return;
          }
          const timer = setTimeout(() => {
            ws.terminate();
            resolve();
          }, 250);
          ws.once("close", () => {
            clearTimeout(timer);
            resolve();
          });
          ws.close(1001);
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    this.latest = ws;
    ws.on("close", () => {
      this.sockets.delete(ws);
      if (this.latest === ws) this.latest = [...this.sockets].at(-1);
    });
    ws.on("message", (data: RawData) => this.onMessage(data));
    if (this.sendHello) {
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: this.openConnections,
          debug_info: { host: "standin", build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: this.appId },
        }),
      );
    }
    this.connectionLog.push(this.connectionLog.items.length + 1);
  }

  private onMessage(data: RawData): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return;
    }
    this.received.push(parsed as JsonValue);
    if (isJsonObject(parsed) && typeof parsed.envelope_id === "string") {
      const ack: SocketAck = { envelope_id: parsed.envelope_id };
      if (isJsonObject(parsed.payload)) ack.payload = parsed.payload;
      this.ackLog.push(ack);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP-mode request signing
// ---------------------------------------------------------------------------------------------------------

export interface SlackSignatureHeaders {
  "X-Slack-Request-Timestamp": string;
  "X-Slack-Signature": string;
}

/** Slack's v0 signature: `v0=` + hex HMAC-SHA256(secret, `v0:${timestamp}:${body}`). Timestamp in seconds. */
export function signRequest(
  secret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const hash = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "X-Slack-Request-Timestamp": String(timestamp), "X-Slack-Signature": `v0=${hash}` };
}

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";

export interface PostSignedOptions {
  secret: string;
  /**
   * Sent verbatim. Bolt parses form bodies only when this is exactly `application/x-www-form-urlencoded`
   * (Slack sends it without a charset). Default: JSON if the body starts with `{`, else form.
   */
  contentType?: string;
  /** Seconds since epoch; default now. Use `now - 6 * 60` for a stale request. */
  timestamp?: number;
  /** Sign with a wrong secret. */
  badSignature?: boolean;
  /** Sent as `X-Slack-Retry-Num` (Bolt surfaces it as `context.retryNum`). */
  retryNum?: number;
  /** Sent as `X-Slack-Retry-Reason` (Bolt: `context.retryReason`). */
  retryReason?: string;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  text: string;
  headers: Headers;
}

/** POST `body` to `url` the way Slack does in HTTP mode (signed, exact content type). */
export async function postSigned(url: string, body: string, opts: PostSignedOptions): Promise<PostResult> {
  const contentType =
    opts.contentType ?? (body.trimStart().startsWith("{") ? JSON_CONTENT_TYPE : FORM_CONTENT_TYPE);
  const secret = opts.badSignature ? `${opts.secret}-wrong` : opts.secret;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...signRequest(secret, body, opts.timestamp),
    ...opts.headers,
  };
  if (opts.retryNum !== undefined) headers["X-Slack-Retry-Num"] = String(opts.retryNum);
  if (opts.retryReason !== undefined) headers["X-Slack-Retry-Reason"] = opts.retryReason;
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

// ---------------------------------------------------------------------------------------------------------
// Payload builders
// ---------------------------------------------------------------------------------------------------------

let idCounter = 0;
function nextId(prefix: string, width = 10): string {
  idCounter += 1;
  return `${prefix}${String(idCounter).padStart(width, "0")}`;
}

function triggerId(): string {
  idCounter += 1;
  return `${1000000000 + idCounter}.${1000000000 + idCounter}.${randomUUID().replace(/-/g, "")}`;
}

/** A message timestamp in Slack's `seconds.micro` format. */
export function slackTs(date: Date = new Date()): string {
  idCounter += 1;
  return `${Math.floor(date.getTime() / 1000)}.${String(idCounter % 1000000).padStart(6, "0")}`;
}

/** Slash command fields, all strings, exactly as Slack sends them (form fields in HTTP mode, payload in Socket Mode). */
export type SlashCommandPayload = {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  is_enterprise_install: string;
  response_url: string;
  trigger_id: string;
};

export interface SlashCommandOptions {
  text: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  command?: string;
  /** Where `respond()` will POST; use `webApi.responseUrl(id)`. Required: tests must never reach hooks.slack.com. */
  responseUrl: string;
  triggerId?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
}

export interface BuiltPayload<T> {
  /** Object form (Socket Mode `payload`). */
  body: T;
  /** `application/x-www-form-urlencoded` body for HTTP mode. */
  form: string;
}

export function slashCommand(opts: SlashCommandOptions): BuiltPayload<SlashCommandPayload> {
  const body: SlashCommandPayload = {
    token: "standin-verification-token",
    team_id: opts.teamId ?? "T1",
    team_domain: opts.teamDomain ?? "standin",
    channel_id: opts.channelId ?? "C1",
    channel_name: opts.channelName ?? "general",
    user_id: opts.userId ?? "U1",
    user_name: opts.userName ?? "alice",
    command: opts.command ?? "/talks",
    text: opts.text,
    api_app_id: opts.apiAppId ?? "A1",
    is_enterprise_install: "false",
    response_url: opts.responseUrl,
    trigger_id: opts.triggerId ?? triggerId(),
  };
  return { body, form: new URLSearchParams(body).toString() };
}

export type SlackEvent = { type: string; [key: string]: JsonValue };

export type EventCallbackBody = {
  token: string;
  team_id: string;
  context_team_id: string;
  context_enterprise_id: null;
  api_app_id: string;
  event: SlackEvent;
  type: "event_callback";
  event_id: string;
  event_time: number;
  authorizations: {
    enterprise_id: null;
    team_id: string;
    user_id: string;
    is_bot: boolean;
    is_enterprise_install: boolean;
  }[];
  is_ext_shared_channel: boolean;
  event_context: string;
};

export interface EventCallbackOptions {
  eventId?: string;
  teamId?: string;
  apiAppId?: string;
  /** Seconds since epoch; default now. */
  eventTime?: number;
  /** The installation's bot user (authorizations[0].user_id). Default 'UBOT'. */
  botUserId?: string;
}

/** The Events API envelope (`type: 'event_callback'`). Send as JSON in HTTP mode, or as the events_api payload. */
export function eventCallback(event: SlackEvent, opts: EventCallbackOptions = {}): EventCallbackBody {
  const teamId = opts.teamId ?? "T1";
  return {
    token: "standin-verification-token",
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: opts.apiAppId ?? "A1",
    event,
    type: "event_callback",
    event_id: opts.eventId ?? nextId("Ev"),
    event_time: opts.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: opts.botUserId ?? "UBOT",
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: event.type, tid: teamId, aid: opts.apiAppId ?? "A1" })).toString("base64")}`,
  };
}

export interface MessageEventOptions {
  /** Verbatim text; for a mention include `<@UBOT>`. */
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  team?: string;
}

export function appMention(opts: MessageEventOptions): SlackEvent {
  const ts = opts.ts ?? slackTs();
  const event: SlackEvent = {
    type: "app_mention",
    client_msg_id: randomUUID(),
    text: opts.text,
    user: opts.user ?? "U1",
    ts,
    team: opts.team ?? "T1",
    channel: opts.channel ?? "C1",
    event_ts: ts,
  };
  if (opts.threadTs !== undefined) event.thread_ts = opts.threadTs;
  return event;
}

/** A `message` event in a DM with the bot (`channel_type: 'im'`, channel id starting with `D`). */
export function directMessage(opts: MessageEventOptions): SlackEvent {
  const ts = opts.ts ?? slackTs();
  const event: SlackEvent = {
    type: "message",
    client_msg_id: randomUUID(),
    text: opts.text,
    user: opts.user ?? "U1",
    ts,
    team: opts.team ?? "T1",
    channel: opts.channel ?? "D1",
    event_ts: ts,
    channel_type: "im",
  };
  if (opts.threadTs !== undefined) event.thread_ts = opts.threadTs;
  return event;
}

export function appHomeOpened(
  opts: { user?: string; channel?: string; tab?: "home" | "messages" } = {},
): SlackEvent {
  return {
    type: "app_home_opened",
    user: opts.user ?? "U1",
    channel: opts.channel ?? "D1",
    tab: opts.tab ?? "home",
    event_ts: slackTs(),
  };
}

export type BlockActionsPayload = {
  type: "block_actions";
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: JsonObject;
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  channel?: { id: string; name: string };
  message?: JsonObject;
  state: { values: JsonObject };
  response_url?: string;
  actions: {
    action_id: string;
    block_id: string;
    text: { type: "plain_text"; text: string; emoji: boolean };
    value: string;
    type: "button";
    action_ts: string;
  }[];
};

export interface BlockActionsOptions {
  actionId: string;
  value: string;
  blockId?: string;
  buttonText?: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  apiAppId?: string;
  /** Message container (default): channel + message ts. */
  channelId?: string;
  messageTs?: string;
  /** Present for message containers; use `webApi.responseUrl(id)`. */
  responseUrl?: string;
  triggerId?: string;
  /** Use `'view'` for a button on the App Home (no channel, message or response_url). */
  container?: "message" | "view";
  viewId?: string;
}

/** The interactive `block_actions` payload; HTTP mode sends it as the form field `payload=<json>`. */
export function blockActions(opts: BlockActionsOptions): BuiltPayload<BlockActionsPayload> {
  const teamId = opts.teamId ?? "T1";
  const userId = opts.userId ?? "U1";
  const userName = opts.userName ?? "alice";
  const blockId = opts.blockId ?? "standin_block";
  const body: BlockActionsPayload = {
    type: "block_actions",
    user: { id: userId, username: userName, name: userName, team_id: teamId },
    api_app_id: opts.apiAppId ?? "A1",
    token: "standin-verification-token",
    container: {},
    trigger_id: opts.triggerId ?? triggerId(),
    team: { id: teamId, domain: "standin" },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [
      {
        action_id: opts.actionId,
        block_id: blockId,
        text: { type: "plain_text", text: opts.buttonText ?? "Button", emoji: true },
        value: opts.value,
        type: "button",
        action_ts: slackTs(),
      },
    ],
  };
  if (opts.container === "view") {
    body.container = { type: "view", view_id: opts.viewId ?? "V1" };
  } else {
    const channelId = opts.channelId ?? "C1";
    const messageTs = opts.messageTs ?? slackTs();
    body.container = { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: false };
    body.channel = { id: channelId, name: channelId.startsWith("D") ? "directmessage" : "general" };
    body.message = {
      type: "message",
      user: "UBOT",
      bot_id: "BBOT",
      text: "message with a button",
      ts: messageTs,
      blocks: [
        {
          type: "actions",
          block_id: blockId,
          elements: [
            {
              type: "button",
              action_id: opts.actionId,
              text: { type: "plain_text", text: opts.buttonText ?? "Button", emoji: true },
              value: opts.value,
            },
          ],
        },
      ],
    };
    if (opts.responseUrl !== undefined) body.response_url = opts.responseUrl;
  }
  return { body, form: interactiveForm(body) };
}

/** Any interactive payload as Slack's HTTP form body: `payload=<url-encoded JSON>`. */
export function interactiveForm(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export type UrlVerificationBody = { token: string; challenge: string; type: "url_verification" };

export function urlVerification(challenge: string): UrlVerificationBody {
  return { token: "standin-verification-token", challenge, type: "url_verification" };
}
