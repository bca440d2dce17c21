/**
 * DiscordStandIn — a local, offline stand-in for Discord's REST API (v10) and
 * Gateway (v10, JSON encoding) that the real discord.js `Client` can be pointed at.
 *
 *   const standIn = await DiscordStandIn.start();
 *   const client = new Client({ intents, rest: { api: standIn.apiUrl } });
 *   await client.login(DiscordStandIn.TOKEN);
 *
 * Wire-level facts this relies on (checked against discord.js 14.28 / @discordjs/ws 1.2 / @discordjs/rest 2.6):
 * - @discordjs/rest builds `${api}/v10${route}`, so `apiUrl` has NO version suffix.
 * - discord.js fetches GET /gateway/bot, then connects to `${url}?v=10&encoding=json`
 *   (no `compress` param unless the optional `zlib-sync` package is installed; text frames
 *   are always accepted by the client, so this stand-in never compresses).
 * - After READY, discord.js waits for a GUILD_CREATE for every guild listed in READY before
 *   emitting `clientReady` (otherwise it waits `waitGuildTimeout`, 15 s by default).
 * - Interaction callbacks are POSTed with `?with_response=false|true`; `false` gets 204 (like
 *   Discord), `true` gets 200 + an InteractionCallbackResponse JSON body.
 */
import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import {
  type APIActionRowComponent,
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIComponentInMessageActionRow,
  type APIDMChannel,
  type APIEmbed,
  type APIInteractionGuildMember,
  type APIInteractionResponse,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIRole,
  type APITextChannel,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationFlags,
  ApplicationIntegrationType,
  ButtonStyle,
  type ChannelFlags,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  type GatewayMessageCreateDispatchData,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type RoleFlags,
  type UserFlags,
} from "discord-api-types/v10";
import { type RawData, WebSocket, WebSocketServer } from "ws";

// ───────────────────────────────────────────── public types ──

export interface StandInGuildInput {
  id: string;
  name: string;
  /** Id of the guild's single text channel ("general"). Generated when omitted. */
  textChannelId?: string;
  /** Permissions of the @everyone role (decimal string / bigint). Defaults to a typical member set. */
  everyonePermissions?: string | bigint;
}

export interface StandInGuild {
  readonly id: string;
  readonly name: string;
  readonly textChannelId: string;
  readonly everyonePermissions: string;
}

export interface DiscordStandInOptions {
  applicationId?: string;
  /** Defaults to `applicationId` (true for every bot created since 2018). */
  botUserId?: string;
  botUsername?: string;
  /** Defaults to one guild, "Parley Test Guild". Pass `[]` for none. */
  guilds?: StandInGuildInput[];
  /**
   * `true` / `'gateway'`: close the gateway with 4004 (Authentication failed) on IDENTIFY.
   * `'rest'`: answer every bot-authenticated REST call with 401 (what Discord really does
   * with a bad token — discord.js then rejects `login()` with TokenInvalid before connecting).
   */
  rejectToken?: boolean | "gateway" | "rest";
  /** When false, IDENTIFY with a privileged intent (GuildMembers, GuildPresences, MessageContent) closes with 4014. Default true. */
  privilegedIntents?: boolean;
  /** Gateway HELLO heartbeat_interval. Default 41250 (Discord's value). */
  heartbeatIntervalMs?: number;
  /** Enforce Discord's payload limits (content 2000, embeds, choices, …) with real 400 errors. Default true. */
  validate?: boolean;
  /**
   * Echo the bot's own non-ephemeral messages back over the gateway (MESSAGE_CREATE / MESSAGE_UPDATE /
   * MESSAGE_DELETE), as Discord does — so adapters must ignore their own messages. Default true.
   */
  echoBotMessages?: boolean;
}

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest<TBody = unknown> {
  method: string;
  /** Route below `/api/v10`, without query string, e.g. `/channels/123/messages`. For non-v10 URLs: the raw pathname. */
  path: string;
  /** Raw request URL (path + query) as received. */
  url: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; for multipart/form-data the parsed `payload_json` part; `null` when there is no body. */
  body: TBody;
  /** Files from multipart/form-data requests. */
  files: RecordedFile[];
  status: number;
  responseBody: unknown;
  /** Date.now() when the request was handled. */
  at: number;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface ReceivedGatewayFrame {
  connectionId: number;
  payload: GatewayFrame;
  at: number;
}

/** Query string the client connected to the gateway with. */
export interface GatewayConnectionInfo {
  connectionId: number;
  query: Record<string, string>;
}

export interface InteractionBuilderBase {
  /** Merged over the default test user. */
  user?: Partial<APIUser>;
  /** Defaults to the first guild. Ignored when `dm` is true. */
  guildId?: string;
  /** Defaults to the guild's text channel (or the user's DM channel when `dm`). */
  channelId?: string;
  /** Channel-level permissions of the invoking member (decimal string / bigint). */
  memberPermissions?: string | bigint;
  /** Permissions of the app in the channel. */
  appPermissions?: string | bigint;
  memberRoles?: string[];
  /** Send as a bot-DM interaction (`user` instead of `member`, DM `channel`, context BotDM). */
  dm?: boolean;
  locale?: Locale;
}

export type SimpleOptionValues = Record<string, string | number | boolean>;

export interface ChatInputBuilderOptions extends InteractionBuilderBase {
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  /**
   * Either a record (string → STRING, integer → INTEGER, other number → NUMBER, boolean → BOOLEAN)
   * or raw Discord option objects.
   */
  options?: SimpleOptionValues | APIApplicationCommandInteractionDataBasicOption[];
}

export interface AutocompleteBuilderOptions extends InteractionBuilderBase {
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  /** The option being typed into. `type` defaults to STRING. */
  focused: {
    name: string;
    value: string | number;
    type?:
      | ApplicationCommandOptionType.String
      | ApplicationCommandOptionType.Integer
      | ApplicationCommandOptionType.Number;
  };
  /** Other options already filled in. */
  options?: SimpleOptionValues | APIApplicationCommandInteractionDataBasicOption[];
}

export interface ButtonBuilderOptions extends InteractionBuilderBase {
  customId: string;
  /** Id of the message carrying the button. Ignored when `message` is given. */
  messageId?: string;
  /** Full message carrying the button. Defaults to a bot message with a single button row. */
  message?: APIMessage;
}

export interface MessageCreateBuilderOptions {
  content: string;
  /** Id of the author; merged with `author`. Defaults to the test user. */
  authorId?: string;
  author?: Partial<APIUser>;
  /** Adds the bot user to `mentions` and prefixes `<@botId> ` to content unless already present. */
  mentionsBot?: boolean;
  guildId?: string;
  channelId?: string;
  dm?: boolean;
  /** Message id this message replies to (adds message_reference, type Reply). */
  replyTo?: string;
  memberRoles?: string[];
}

export type InteractionCallbackRecord = RecordedRequest<APIInteractionResponse> & {
  interactionId: string;
  interactionToken: string;
};

// ───────────────────────────────────────────── internals ──

type Json = Record<string, unknown>;

interface Route {
  status: number;
  body?: unknown;
}

interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  guildId?: string;
  acknowledged: boolean;
  responseType?: InteractionResponseType;
  original?: APIMessage;
  sourceMessage?: APIMessage;
  commandName?: string;
}

interface ChannelState {
  id: string;
  type: ChannelType.GuildText | ChannelType.DM;
  guildId?: string;
  recipient?: APIUser;
}

interface GatewaySession {
  connectionId: number;
  socket: WebSocket;
  seq: number;
  sessionId?: string;
  identified: boolean;
  intents: number;
}

interface Waiter {
  pred: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

class DiscordHTTPError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}

const API_PREFIX = "/api/v10";
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A fresh, realistic (time-based) snowflake. */
export function snowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

const P = PermissionFlagsBits;
/** Roughly what @everyone gets in a freshly created guild. */
export const DEFAULT_EVERYONE_PERMISSIONS = (
  P.CreateInstantInvite |
  P.AddReactions |
  P.Stream |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.MentionEveryone |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.UseVAD |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.RequestToSpeak |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.UseExternalStickers |
  P.SendMessagesInThreads |
  P.UseEmbeddedActivities |
  P.UseSoundboard |
  P.SendVoiceMessages |
  P.SendPolls |
  P.UseExternalApps
).toString();

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

const DEFAULT_APPLICATION_ID = "1300000000000000001";
const DEFAULT_GUILD_ID = "1300000000000000100";
const DEFAULT_USER_ID = "1300000000000000200";
const GUILD_OWNER_ID = "1300000000000000300";

function isRecord(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function strLen(v: unknown): number {
  return typeof v === "string" ? [...v].length : 0;
}
function perms(v: string | bigint | undefined, fallback: string): string {
  return v === undefined ? fallback : v.toString();
}
function nowIso(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}

type ErrorTree = { [key: string]: ErrorTree | { code: string; message: string }[] };

function addError(tree: ErrorTree, path: (string | number)[], code: string, message: string): void {
  let node: ErrorTree = tree;
  for (const key of path) {
    const next = node[String(key)];
    if (next === undefined || Array.isArray(next)) {
      const created: ErrorTree = {};
      node[String(key)] = created;
      node = created;
    } else {
      node = next;
    }
  }
  const list = node._errors;
  if (Array.isArray(list)) list.push({ code, message });
  else node._errors = [{ code, message }];
}

function maxLen(tree: ErrorTree, path: (string | number)[], v: unknown, max: number): void {
  if (strLen(v) > max) addError(tree, path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
}

function invalidFormBody(errors: ErrorTree): DiscordHTTPError {
  return new DiscordHTTPError(400, { message: "Invalid Form Body", code: 50035, errors });
}

/** Validates a message-ish payload (create/edit message, interaction message data). Adds to `tree` under `base`. */
function validateMessagePayload(tree: ErrorTree, base: (string | number)[], body: Json): void {
  maxLen(tree, [...base, "content"], body.content, 2000);
  const embeds = asArray(body.embeds);
  if (embeds.length > 10)
    addError(tree, [...base, "embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isRecord(e)) return;
    const p = [...base, "embeds", i];
    maxLen(tree, [...p, "title"], e.title, 256);
    maxLen(tree, [...p, "description"], e.description, 4096);
    total += strLen(e.title) + strLen(e.description);
    if (isRecord(e.footer)) {
      maxLen(tree, [...p, "footer", "text"], e.footer.text, 2048);
      total += strLen(e.footer.text);
    }
    if (isRecord(e.author)) {
      maxLen(tree, [...p, "author", "name"], e.author.name, 256);
      total += strLen(e.author.name);
    }
    const fields = asArray(e.fields);
    if (fields.length > 25)
      addError(tree, [...p, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    fields.forEach((f, j) => {
      if (!isRecord(f)) return;
      if (strLen(f.name) === 0)
        addError(tree, [...p, "fields", j, "name"], "BASE_TYPE_REQUIRED", "This field is required");
      if (strLen(f.value) === 0)
        addError(tree, [...p, "fields", j, "value"], "BASE_TYPE_REQUIRED", "This field is required");
      maxLen(tree, [...p, "fields", j, "name"], f.name, 256);
      maxLen(tree, [...p, "fields", j, "value"], f.value, 1024);
      total += strLen(f.name) + strLen(f.value);
    });
  });
  if (total > 6000)
    addError(tree, [...base, "embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  const rows = asArray(body.components);
  const isV2 = typeof body.flags === "number" && (body.flags & MessageFlags.IsComponentsV2) !== 0;
  if (!isV2) {
    if (rows.length > 5)
      addError(tree, [...base, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
    rows.forEach((row, i) => {
      if (!isRecord(row)) return;
      const children = asArray(row.components);
      if (children.length > 5)
        addError(
          tree,
          [...base, "components", i, "components"],
          "BASE_TYPE_MAX_LENGTH",
          "Must be 5 or fewer in length.",
        );
      children.forEach((c, j) => {
        if (!isRecord(c)) return;
        const cp = [...base, "components", i, "components", j];
        maxLen(tree, [...cp, "custom_id"], c.custom_id, 100);
        maxLen(tree, [...cp, "label"], c.label, 80);
        if (
          c.type === ComponentType.Button &&
          c.style !== ButtonStyle.Link &&
          c.style !== ButtonStyle.Premium &&
          strLen(c.custom_id) === 0
        ) {
          addError(tree, [...cp, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required");
        }
      });
    });
  }
}

function isEmptyMessage(body: Json, files: RecordedFile[]): boolean {
  return (
    strLen(body.content) === 0 &&
    asArray(body.embeds).length === 0 &&
    asArray(body.components).length === 0 &&
    asArray(body.sticker_ids).length === 0 &&
    body.poll === undefined &&
    files.length === 0
  );
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommand(tree: ErrorTree, base: (string | number)[], cmd: Json): void {
  const type = typeof cmd.type === "number" ? cmd.type : ApplicationCommandType.ChatInput;
  const name = typeof cmd.name === "string" ? cmd.name : "";
  if (type === ApplicationCommandType.ChatInput) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      addError(tree, [...base, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    }
    const d = strLen(cmd.description);
    if (d < 1 || d > 100)
      addError(
        tree,
        [...base, "description"],
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 100 in length.",
      );
  } else if (strLen(name) < 1 || strLen(name) > 32) {
    addError(tree, [...base, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
  }
  const validateOptions = (opts: unknown[], p: (string | number)[]): void => {
    if (opts.length > 25) addError(tree, p, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    opts.forEach((o, i) => {
      if (!isRecord(o)) return;
      const op = [...p, i];
      const oname = typeof o.name === "string" ? o.name : "";
      if (!COMMAND_NAME.test(oname) || oname !== oname.toLowerCase()) {
        addError(tree, [...op, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
      }
      const d = strLen(o.description);
      if (d < 1 || d > 100)
        addError(
          tree,
          [...op, "description"],
          "BASE_TYPE_BAD_LENGTH",
          "Must be between 1 and 100 in length.",
        );
      const choices = asArray(o.choices);
      if (choices.length > 25)
        addError(tree, [...op, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
      if (Array.isArray(o.options)) validateOptions(o.options, [...op, "options"]);
    });
  };
  validateOptions(asArray(cmd.options), [...base, "options"]);
}

async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  const ct = contentType ?? "";
  if (ct.startsWith("multipart/form-data")) {
    const form = await new Request("http://stand-in.invalid/", {
      method: "POST",
      headers: { "content-type": ct },
      body: Uint8Array.from(raw),
    }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  if (ct.includes("json") || text.startsWith("{") || text.startsWith("[")) {
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      throw new DiscordHTTPError(400, { message: "The request body contains invalid JSON.", code: 50109 });
    }
  }
  return { body: text, files: [] };
}

// ───────────────────────────────────────────── the stand-in ──

export class DiscordStandIn {
  /** A token-shaped fake bot token (any token is accepted unless `rejectToken`). */
  static readonly TOKEN = "MTMwMDAwMDAwMDAwMDAwMDAwMQ.GsTndN.stand-in-token-not-a-real-secret-000000";
  readonly token = DiscordStandIn.TOKEN;

  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly defaultUser: APIUser;
  readonly guilds: readonly StandInGuild[];
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Every frame received from gateway clients. */
  readonly gatewayReceived: ReceivedGatewayFrame[] = [];
  /** Query strings of gateway connections, in order. */
  readonly gatewayConnections: GatewayConnectionInfo[] = [];

  readonly #opts: Required<
    Pick<DiscordStandInOptions, "privilegedIntents" | "heartbeatIntervalMs" | "validate" | "echoBotMessages">
  > & {
    rejectToken: false | "gateway" | "rest";
  };
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  #port = 0;
  #connectionCounter = 0;
  readonly #sessions = new Set<GatewaySession>();
  /** session_id → last sequence + intents, for RESUME. */
  readonly #resumable = new Map<string, { seq: number; intents: number }>();
  readonly #waiters = new Set<Waiter>();
  readonly #users = new Map<string, APIUser>();
  readonly #channels = new Map<string, ChannelState>();
  readonly #dmChannelByUser = new Map<string, string>();
  readonly #messages = new Map<string, APIMessage>();
  readonly #botMessageIds: string[] = [];
  readonly #interactionsById = new Map<string, InteractionState>();
  readonly #interactionsByToken = new Map<string, InteractionState>();
  readonly #commands = new Map<string, APIApplicationCommand[]>();
  #closed = false;

  private constructor(opts: DiscordStandInOptions) {
    this.applicationId = opts.applicationId ?? opts.botUserId ?? DEFAULT_APPLICATION_ID;
    const botId = opts.botUserId ?? this.applicationId;
    this.#opts = {
      rejectToken: opts.rejectToken === true ? "gateway" : (opts.rejectToken ?? false),
      privilegedIntents: opts.privilegedIntents ?? true,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      validate: opts.validate ?? true,
      echoBotMessages: opts.echoBotMessages ?? true,
    };
    this.botUser = {
      id: botId,
      username: opts.botUsername ?? "Parley",
      discriminator: "4821",
      global_name: null,
      avatar: null,
      bot: true,
      flags: 0 as UserFlags,
      public_flags: 0 as UserFlags,
      mfa_enabled: false,
      verified: true,
      email: null,
    };
    this.defaultUser = {
      id: DEFAULT_USER_ID,
      username: "tester",
      discriminator: "0",
      global_name: "Test User",
      avatar: null,
      public_flags: 0 as UserFlags,
    };
    this.#users.set(this.botUser.id, this.botUser);
    this.#users.set(this.defaultUser.id, this.defaultUser);
    const guildInputs = opts.guilds ?? [{ id: DEFAULT_GUILD_ID, name: "Parley Test Guild" }];
    this.guilds = guildInputs.map((g) => {
      const guild: StandInGuild = {
        id: g.id,
        name: g.name,
        textChannelId: g.textChannelId ?? snowflake(),
        everyonePermissions: perms(g.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS),
      };
      this.#channels.set(guild.textChannelId, {
        id: guild.textChannelId,
        type: ChannelType.GuildText,
        guildId: guild.id,
      });
      return guild;
    });
    this.#server = createServer((req, res) => {
      void this.#onHttp(req, res);
    });
    this.#wss = new WebSocketServer({ noServer: true });
    this.#server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#onUpgrade(req, socket, head),
    );
  }

  static async start(opts: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
    const standIn = new DiscordStandIn(opts);
    await new Promise<void>((resolve, reject) => {
      standIn.#server.once("error", reject);
      standIn.#server.listen(0, "127.0.0.1", () => {
        standIn.#server.off("error", reject);
        resolve();
      });
    });
    standIn.#port = (standIn.#server.address() as AddressInfo).port;
    return standIn;
  }

  get port(): number {
    return this.#port;
  }
  /** Pass as discord.js `rest: { api }` — no `/v10` (discord.js appends it). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }
  /** First guild (throws if configured with no guilds). */
  get defaultGuild(): StandInGuild {
    const g = this.guilds[0];
    if (!g) throw new Error("DiscordStandIn: no guilds configured");
    return g;
  }
  /** Number of gateway connections that completed IDENTIFY/RESUME and are still open. */
  get connectedSessions(): number {
    return [...this.#sessions].filter((s) => s.identified).length;
  }
  /** IDENTIFY payloads received (token, intents, properties, shard, …). */
  get identifies(): Record<string, unknown>[] {
    return this.gatewayReceived
      .filter((f) => f.payload.op === GatewayOpcodes.Identify)
      .map((f) => (isRecord(f.payload.d) ? f.payload.d : {}));
  }

  // ── request helpers ──

  /** Resolves with the first recorded request (past or future) matching `pred`. */
  waitForRequest<TBody = unknown>(
    pred: (r: RecordedRequest) => boolean,
    timeoutMs = 3000,
  ): Promise<RecordedRequest<TBody>> {
    const existing = this.requests.find(pred);
    if (existing) return Promise.resolve(existing as RecordedRequest<TBody>);
    return new Promise<RecordedRequest<TBody>>((resolve, reject) => {
      const waiter: Waiter = {
        pred,
        resolve: (r) => resolve(r as RecordedRequest<TBody>),
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          const seen = this.requests.map((r) => `  ${r.method} ${r.path} → ${r.status}`).join("\n");
          reject(
            new Error(
              `DiscordStandIn.waitForRequest timed out after ${timeoutMs}ms. Recorded requests:\n${seen || "  (none)"}`,
            ),
          );
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Recorded POST /interactions/:id/:token/callback requests (optionally for one interaction). */
  interactionCallbacks(interactionId?: string): InteractionCallbackRecord[] {
    return this.requests
      .filter((r) => this.#isCallback(r, interactionId))
      .map((r) => this.#toCallbackRecord(r));
  }

  /** Resolves with the first callback for `interactionId` (past or future). */
  async waitForInteractionCallback(
    interactionId: string,
    timeoutMs = 3000,
  ): Promise<InteractionCallbackRecord> {
    const r = await this.waitForRequest((req) => this.#isCallback(req, interactionId), timeoutMs);
    return this.#toCallbackRecord(r);
  }

  /** Messages the bot created (channel messages, interaction responses, follow-ups), current state, oldest first. */
  botMessages(channelId?: string): APIMessage[] {
    return this.#botMessageIds
      .map((id) => this.#messages.get(id))
      .filter(
        (m): m is APIMessage => m !== undefined && (channelId === undefined || m.channel_id === channelId),
      );
  }

  /** Registered application commands (global when `guildId` omitted). */
  commands(guildId?: string): APIApplicationCommand[] {
    return [...(this.#commands.get(guildId ?? "global") ?? [])];
  }

  /** The DM channel id the stand-in uses for `userId` (stable; same as POST /users/@me/channels returns). */
  dmChannelId(userId: string = this.defaultUser.id): string {
    let id = this.#dmChannelByUser.get(userId);
    if (!id) {
      id = snowflake();
      this.#dmChannelByUser.set(userId, id);
      this.#channels.set(id, {
        id,
        type: ChannelType.DM,
        recipient: this.#users.get(userId) ?? this.#user({ id: userId }),
      });
    }
    return id;
  }

  // ── gateway helpers ──

  /**
   * Sends a dispatch (op 0) to every identified gateway session. Returns the number of sessions it was sent to;
   * throws when none is connected (dispatching into the void is always a test bug).
   * INTERACTION_CREATE / MESSAGE_CREATE payloads are also registered so later REST calls about them are validated.
   */
  dispatch(t: GatewayDispatchEvents | (string & {}), d: object): number {
    const targets = [...this.#sessions].filter((s) => s.identified && s.socket.readyState === WebSocket.OPEN);
    if (targets.length === 0)
      throw new Error(`DiscordStandIn.dispatch(${t}): no identified gateway session is connected`);
    if (t === GatewayDispatchEvents.InteractionCreate) this.#registerInteraction(d);
    if (t === GatewayDispatchEvents.MessageCreate) this.#registerIncomingMessage(d);
    return this.#broadcast(t, d);
  }

  /**
   * Sends to every identified session, applying Discord's intent rules for MESSAGE_* events:
   * guild messages need GUILD_MESSAGES, DMs need DIRECT_MESSAGES, and without MESSAGE_CONTENT the
   * content/embeds/attachments/components/poll of guild messages are blanked unless the message
   * mentions the bot or was sent by it.
   */
  #broadcast(t: string, d: object): number {
    let delivered = 0;
    for (const session of this.#sessions) {
      if (!session.identified || session.socket.readyState !== WebSocket.OPEN) continue;
      let payload: object = d;
      if (t.startsWith("MESSAGE_") && isRecord(d)) {
        const inGuild = typeof d.guild_id === "string";
        const needed = t.startsWith("MESSAGE_REACTION")
          ? inGuild
            ? GatewayIntentBits.GuildMessageReactions
            : GatewayIntentBits.DirectMessageReactions
          : inGuild
            ? GatewayIntentBits.GuildMessages
            : GatewayIntentBits.DirectMessages;
        if ((session.intents & needed) === 0) continue;
        const isMessage =
          t === GatewayDispatchEvents.MessageCreate || t === GatewayDispatchEvents.MessageUpdate;
        const author = isRecord(d.author) ? d.author : {};
        const mentionsBot = asArray(d.mentions).some((u) => isRecord(u) && u.id === this.botUser.id);
        if (
          isMessage &&
          inGuild &&
          (session.intents & GatewayIntentBits.MessageContent) === 0 &&
          author.id !== this.botUser.id &&
          !mentionsBot
        ) {
          payload = { ...d, content: "", embeds: [], attachments: [], components: [], poll: undefined };
        }
      }
      this.#sendDispatch(session, t, payload);
      delivered += 1;
    }
    return delivered;
  }

  /** Gateway echo of a message the bot created/edited/deleted via REST (Discord sends these too). */
  #echo(t: "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE", m: APIMessage): void {
    if (!this.#opts.echoBotMessages || ((m.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return;
    const channel = this.#channels.get(m.channel_id);
    const guildId = channel?.guildId;
    if (t === "MESSAGE_DELETE") {
      this.#broadcast(t, { id: m.id, channel_id: m.channel_id, ...(guildId ? { guild_id: guildId } : {}) });
      return;
    }
    const { user: _user, ...member } = this.#botMember();
    this.#broadcast(t, {
      ...m,
      channel_type: channel?.type ?? ChannelType.GuildText,
      ...(guildId ? { guild_id: guildId, member } : {}),
    });
  }

  /** Closes every gateway connection with `code` (default 4000 Unknown error → discord.js resumes). */
  disconnectAll(code: number = GatewayCloseCodes.UnknownError, reason = "stand-in disconnect"): void {
    for (const s of this.#sessions) s.socket.close(code, reason);
  }

  /** Closes the gateway (terminating clients) and the HTTP server. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of this.#waiters) {
      clearTimeout(w.timer);
      w.reject(new Error("DiscordStandIn closed"));
    }
    this.#waiters.clear();
    for (const s of this.#sessions) s.socket.terminate();
    this.#sessions.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ── payload builders ──

  /** INTERACTION_CREATE data for a slash command (type 2). */
  chatInput(opts: ChatInputBuilderOptions): APIChatInputApplicationCommandInteraction {
    const ctx = this.#interactionContext(opts);
    const options = this.#nestOptions(opts.subcommandGroup, opts.subcommand, this.#toOptions(opts.options));
    return {
      ...ctx.base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: this.#commandIdFor(opts.name, ctx.guildId),
        name: opts.name,
        type: ApplicationCommandType.ChatInput,
        ...(options.length > 0 ? { options } : {}),
      },
    };
  }

  /** INTERACTION_CREATE data for an autocomplete request (type 4). */
  autocomplete(opts: AutocompleteBuilderOptions): APIApplicationCommandAutocompleteInteraction {
    const ctx = this.#interactionContext(opts);
    const focusedType = opts.focused.type ?? ApplicationCommandOptionType.String;
    const focused =
      focusedType === ApplicationCommandOptionType.String
        ? { name: opts.focused.name, type: focusedType, value: String(opts.focused.value), focused: true }
        : { name: opts.focused.name, type: focusedType, value: Number(opts.focused.value), focused: true };
    const others = this.#toOptions(opts.options).filter((o) => o.name !== opts.focused.name);
    const options = this.#nestOptions(opts.subcommandGroup, opts.subcommand, [
      ...others,
      focused,
    ] as APIApplicationCommandInteractionDataBasicOption[]);
    return {
      ...ctx.base,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: this.#commandIdFor(opts.name, ctx.guildId),
        name: opts.name,
        type: ApplicationCommandType.ChatInput,
        options,
      },
    };
  }

  /** INTERACTION_CREATE data for a button click (type 3, component_type 2) on a bot message. */
  button(opts: ButtonBuilderOptions): APIMessageComponentButtonInteraction {
    const ctx = this.#interactionContext(opts);
    const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: "Button",
          custom_id: opts.customId,
        },
      ],
    };
    const message: APIMessage = opts.message ?? {
      ...this.#baseMessage(ctx.channelId, this.botUser),
      id: opts.messageId ?? snowflake(),
      components: [row],
    };
    if (!this.#messages.has(message.id)) this.#messages.set(message.id, message);
    return {
      ...ctx.base,
      type: InteractionType.MessageComponent,
      data: { custom_id: opts.customId, component_type: ComponentType.Button },
      message,
    };
  }

  /** MESSAGE_CREATE data for a user message (guild by default, or DM). */
  messageCreate(opts: MessageCreateBuilderOptions): GatewayMessageCreateDispatchData {
    const author = this.#user({ ...opts.author, ...(opts.authorId ? { id: opts.authorId } : {}) });
    const mention = `<@${this.botUser.id}>`;
    const content =
      opts.mentionsBot && !opts.content.includes(mention) && !opts.content.includes(`<@!${this.botUser.id}>`)
        ? `${mention} ${opts.content}`
        : opts.content;
    const base = this.#baseMessage("", author);
    let message: GatewayMessageCreateDispatchData;
    if (opts.dm) {
      // discord.js 14.28 only materialises an uncached DM channel when `channel_type` is present (Discord sends it).
      message = {
        ...base,
        channel_id: opts.channelId ?? this.dmChannelId(author.id),
        channel_type: ChannelType.DM,
        content,
        mentions: opts.mentionsBot ? [this.botUser] : [],
      };
    } else {
      const guild = this.#guild(opts.guildId);
      const guildId = guild?.id ?? opts.guildId ?? this.defaultGuild.id;
      const channelId = opts.channelId ?? guild?.textChannelId ?? snowflake();
      this.#ensureGuildChannel(channelId, guildId);
      const member = {
        roles: opts.memberRoles ?? [],
        premium_since: null,
        pending: false,
        nick: null,
        mute: false,
        joined_at: "2024-01-15T10:00:00.000000+00:00",
        flags: 0,
        deaf: false,
        communication_disabled_until: null,
        avatar: null,
        banner: null,
      };
      message = {
        ...base,
        channel_id: channelId,
        channel_type: ChannelType.GuildText,
        guild_id: guildId,
        member,
        content,
        mentions: opts.mentionsBot
          ? [
              {
                ...this.botUser,
                member: { ...member, roles: [], joined_at: "2024-01-01T00:00:00.000000+00:00" },
              },
            ]
          : [],
      };
    }
    if (opts.replyTo) {
      const referenced = this.#messages.get(opts.replyTo);
      message.type = MessageType.Reply;
      message.message_reference = {
        type: 0,
        channel_id: message.channel_id,
        message_id: opts.replyTo,
        ...(message.guild_id ? { guild_id: message.guild_id } : {}),
      };
      message.referenced_message = referenced ?? null;
    }
    return message;
  }

  // ───────────────────────────── internals: builders ──

  #user(partial: Partial<APIUser> = {}): APIUser {
    const id = partial.id ?? this.defaultUser.id;
    const known = this.#users.get(id);
    const base: APIUser = known ?? {
      id,
      username: `user${id.slice(-4)}`,
      discriminator: "0",
      global_name: null,
      avatar: null,
      public_flags: 0 as UserFlags,
    };
    const user: APIUser = { ...base, ...partial, id };
    this.#users.set(id, user);
    return user;
  }

  #guild(id?: string): StandInGuild | undefined {
    return id === undefined ? this.guilds[0] : this.guilds.find((g) => g.id === id);
  }

  #ensureGuildChannel(channelId: string, guildId: string): void {
    if (!this.#channels.has(channelId))
      this.#channels.set(channelId, { id: channelId, type: ChannelType.GuildText, guildId });
  }

  #textChannel(id: string, guildId: string): APITextChannel {
    const guild = this.#guild(guildId);
    return {
      id,
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: guild && guild.textChannelId === id ? "general" : `channel-${id.slice(-4)}`,
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  #dmChannel(id: string, recipient: APIUser): APIDMChannel {
    return {
      id,
      type: ChannelType.DM,
      name: null,
      last_message_id: null,
      flags: 0 as ChannelFlags,
      recipients: [recipient],
    };
  }

  #interactionContext(opts: InteractionBuilderBase) {
    const user = this.#user(opts.user);
    const id = snowflake();
    // Real interaction tokens are opaque base64url strings starting with "aW50ZXJhY3Rpb246" ("interaction:").
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString("base64url")}`).toString(
      "base64url",
    );
    const common = {
      id,
      application_id: this.applicationId,
      token,
      version: 1 as const,
      locale: opts.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (opts.dm) {
      const channelId = opts.channelId ?? this.dmChannelId(user.id);
      return {
        guildId: undefined,
        channelId,
        base: {
          ...common,
          app_permissions: perms(opts.appPermissions, DEFAULT_EVERYONE_PERMISSIONS),
          channel_id: channelId,
          channel: this.#dmChannel(channelId, user),
          user,
          authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: "0" },
          context: InteractionContextType.BotDM,
        },
      };
    }
    const guild = this.#guild(opts.guildId);
    const guildId = guild?.id ?? opts.guildId ?? this.defaultGuild.id;
    const channelId = opts.channelId ?? guild?.textChannelId ?? snowflake();
    this.#ensureGuildChannel(channelId, guildId);
    const everyone = guild?.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS;
    const member: APIInteractionGuildMember = {
      user,
      roles: opts.memberRoles ?? [],
      premium_since: null,
      permissions: perms(opts.memberPermissions, everyone),
      pending: false,
      nick: null,
      mute: false,
      joined_at: "2024-01-15T10:00:00.000000+00:00",
      flags: 0 as GuildMemberFlags,
      deaf: false,
      communication_disabled_until: null,
      avatar: null,
      banner: null,
    };
    return {
      guildId,
      channelId,
      base: {
        ...common,
        app_permissions: perms(opts.appPermissions, everyone),
        guild_locale: Locale.EnglishUS,
        guild_id: guildId,
        guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
        channel_id: channelId,
        channel: this.#textChannel(channelId, guildId),
        member,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
        context: InteractionContextType.Guild,
      },
    };
  }

  #toOptions(input: ChatInputBuilderOptions["options"]): APIApplicationCommandInteractionDataBasicOption[] {
    if (input === undefined) return [];
    if (Array.isArray(input)) return input;
    return Object.entries(input).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
      if (typeof value === "boolean") return { name, type: ApplicationCommandOptionType.Boolean, value };
      if (typeof value === "number") {
        return Number.isInteger(value)
          ? { name, type: ApplicationCommandOptionType.Integer, value }
          : { name, type: ApplicationCommandOptionType.Number, value };
      }
      return { name, type: ApplicationCommandOptionType.String, value };
    });
  }

  #nestOptions(
    group: string | undefined,
    sub: string | undefined,
    options: APIApplicationCommandInteractionDataBasicOption[],
  ): APIApplicationCommandInteractionDataOption[] {
    if (sub === undefined) return options;
    const subOpt = { name: sub, type: ApplicationCommandOptionType.Subcommand as const, options };
    if (group === undefined) return [subOpt];
    return [{ name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [subOpt] }];
  }

  #commandIdFor(name: string, guildId: string | undefined): string {
    const scopes = guildId ? [guildId, "global"] : ["global"];
    for (const scope of scopes) {
      const found = this.#commands
        .get(scope)
        ?.find((c) => c.name === name && (c.type ?? 1) === ApplicationCommandType.ChatInput);
      if (found) return found.id;
    }
    // Stable id per unregistered name so repeated invocations agree.
    const key = `unregistered:${name}`;
    let list = this.#commands.get(key);
    if (!list) {
      list = [this.#materializeCommand({ name, description: name }, undefined, undefined)];
      this.#commands.set(key, list);
    }
    return list[0]?.id ?? snowflake();
  }

  #baseMessage(channelId: string, author: APIUser): APIMessage {
    return {
      id: snowflake(),
      channel_id: channelId,
      author,
      content: "",
      timestamp: nowIso(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
      flags: 0 as MessageFlags,
      components: [],
    };
  }

  // ───────────────────────────── internals: gateway ──

  #onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const session: GatewaySession = {
        connectionId: ++this.#connectionCounter,
        socket: ws,
        seq: 0,
        identified: false,
        intents: 0,
      };
      this.gatewayConnections.push({
        connectionId: session.connectionId,
        query: Object.fromEntries(url.searchParams),
      });
      this.#sessions.add(session);
      ws.on("close", () => {
        this.#sessions.delete(session);
        if (session.sessionId)
          this.#resumable.set(session.sessionId, { seq: session.seq, intents: session.intents });
      });
      ws.on("error", () => {});
      const v = url.searchParams.get("v");
      if (v !== null && v !== "10") {
        ws.close(GatewayCloseCodes.InvalidAPIVersion, "Invalid API version");
        return;
      }
      const encoding = url.searchParams.get("encoding") ?? "json";
      if (encoding !== "json") {
        ws.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
        return;
      }
      ws.on("message", (data: RawData, isBinary: boolean) => this.#onGatewayMessage(session, data, isBinary));
      this.#send(session, {
        op: GatewayOpcodes.Hello,
        d: {
          heartbeat_interval: this.#opts.heartbeatIntervalMs,
          _trace: ['["stand-in-gateway",{"micros":0}]'],
        },
      });
    });
  }

  #send(session: GatewaySession, payload: GatewayFrame): void {
    if (session.socket.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  #sendDispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    this.#send(session, { op: GatewayOpcodes.Dispatch, s: session.seq, t, d });
  }

  #onGatewayMessage(session: GatewaySession, data: RawData, isBinary: boolean): void {
    let payload: GatewayFrame;
    try {
      if (isBinary) throw new Error("binary");
      const parsed: unknown = JSON.parse(data.toString());
      if (!isRecord(parsed) || typeof parsed.op !== "number") throw new Error("shape");
      payload = { op: parsed.op, d: parsed.d ?? null };
    } catch {
      session.socket.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    this.gatewayReceived.push({ connectionId: session.connectionId, payload, at: Date.now() });
    const d = payload.d;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#send(session, { op: GatewayOpcodes.HeartbeatAck, d: null });
        return;
      case GatewayOpcodes.Identify:
        this.#onIdentify(session, isRecord(d) ? d : {});
        return;
      case GatewayOpcodes.Resume:
        this.#onResume(session, isRecord(d) ? d : {});
        return;
      default:
        break;
    }
    if (!session.identified) {
      session.socket.close(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestSoundboardSounds:
        return;
      case GatewayOpcodes.RequestGuildMembers: {
        const req = isRecord(d) ? d : {};
        const guildId = typeof req.guild_id === "string" ? req.guild_id : (this.guilds[0]?.id ?? "");
        this.#sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
          guild_id: guildId,
          members: [this.#botMember()],
          chunk_index: 0,
          chunk_count: 1,
          not_found: [],
          ...(typeof req.nonce === "string" ? { nonce: req.nonce } : {}),
        });
        return;
      }
      default:
        session.socket.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  #onIdentify(session: GatewaySession, d: Json): void {
    if (session.identified) {
      session.socket.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (this.#opts.rejectToken !== false || typeof d.token !== "string" || d.token.length === 0) {
      session.socket.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const intents = typeof d.intents === "number" ? d.intents : -1;
    if (intents < 0) {
      session.socket.close(GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
      return;
    }
    if (!this.#opts.privilegedIntents && (intents & PRIVILEGED_INTENTS) !== 0) {
      session.socket.close(GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
      return;
    }
    session.identified = true;
    session.intents = intents;
    session.sessionId = randomBytes(16).toString("hex");
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
    };
    this.#sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      for (const g of this.guilds)
        this.#sendDispatch(session, GatewayDispatchEvents.GuildCreate, this.#guildCreate(g));
    }
  }

  #onResume(session: GatewaySession, d: Json): void {
    const sessionId = typeof d.session_id === "string" ? d.session_id : "";
    const resumable = this.#resumable.get(sessionId);
    if (this.#opts.rejectToken !== false) {
      session.socket.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    if (resumable === undefined) {
      this.#send(session, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    this.#resumable.delete(sessionId);
    session.identified = true;
    session.sessionId = sessionId;
    session.seq = resumable.seq;
    session.intents = resumable.intents;
    this.#sendDispatch(session, GatewayDispatchEvents.Resumed, {});
  }

  #botMember() {
    return {
      user: this.botUser,
      roles: [],
      premium_since: null,
      pending: false,
      nick: null,
      mute: false,
      joined_at: "2024-01-01T00:00:00.000000+00:00",
      flags: 0,
      deaf: false,
      communication_disabled_until: null,
      avatar: null,
      banner: null,
    };
  }

  #guildCreate(g: StandInGuild): GatewayGuildCreateDispatchData {
    const everyone: APIRole = {
      id: g.id,
      name: "@everyone",
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: g.everyonePermissions,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
    const channels = [...this.#channels.values()]
      .filter((c) => c.guildId === g.id)
      .map((c) => this.#textChannel(c.id, g.id));
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: GUILD_OWNER_ID,
      region: "us-east",
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: GuildVerificationLevel.Low,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.AllMembers,
      roles: [everyone],
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: g.textChannelId,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
      rules_channel_id: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      // GUILD_CREATE extras
      joined_at: "2024-01-01T00:00:00.000000+00:00",
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.#botMember()],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ───────────────────────────── internals: REST ──

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const rawPath = versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    // @discordjs/rest percent-encodes segments (e.g. `%40original`); record the decoded form.
    const path = rawPath
      .split("/")
      .map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          return p;
        }
      })
      .join("/");
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = null;
    let files: RecordedFile[] = [];
    let result: Route;
    try {
      ({ body, files } = await parseBody(req.headers["content-type"], raw));
      result = versioned ? this.#route(method, rawPath, query, body, files, req.headers) : notFound();
    } catch (e) {
      result =
        e instanceof DiscordHTTPError
          ? { status: e.status, body: e.body }
          : {
              status: 500,
              body: { message: `500: Internal Server Error (stand-in: ${(e as Error).message})`, code: 0 },
            };
    }
    const record: RecordedRequest = {
      method,
      path,
      url: req.url ?? "/",
      query,
      headers: req.headers,
      body,
      files,
      status: result.status,
      responseBody: result.body ?? null,
      at: Date.now(),
    };
    this.requests.push(record);
    for (const w of [...this.#waiters]) {
      let matched: boolean;
      try {
        matched = w.pred(record);
      } catch (e) {
        clearTimeout(w.timer);
        this.#waiters.delete(w);
        w.reject(e instanceof Error ? e : new Error(String(e)));
        continue;
      }
      if (matched) {
        clearTimeout(w.timer);
        this.#waiters.delete(w);
        w.resolve(record);
      }
    }
    if (result.body === undefined) {
      res.writeHead(result.status).end();
    } else {
      const text = JSON.stringify(result.body);
      res
        .writeHead(result.status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
        })
        .end(text);
    }
  }

  #route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    files: RecordedFile[],
    headers: IncomingHttpHeaders,
  ): Route {
    const seg = path.split("/").slice(1).map(decodeURIComponent);
    const json: Json = isRecord(body) ? body : {};
    const is = (m: string, ...pattern: string[]): boolean =>
      method === m && seg.length === pattern.length && pattern.every((p, i) => p === "*" || p === seg[i]);
    const at = (i: number): string => seg[i] ?? "";

    // Routes that do not use bot auth (interaction tokens are the credential).
    if (is("POST", "interactions", "*", "*", "callback"))
      return this.#interactionCallback(at(1), at(2), json, files, query);
    if (seg[0] === "webhooks" && seg.length >= 3) return this.#webhookRoute(method, seg, json, files);

    const auth = headers.authorization;
    if (typeof auth !== "string" || !auth.startsWith("Bot ") || this.#opts.rejectToken === "rest") {
      return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    }

    if (is("GET", "gateway", "bot")) {
      const info: RESTGetAPIGatewayBotResult = {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      };
      return ok(info);
    }
    if (is("GET", "gateway")) return ok({ url: this.gatewayUrl });
    if (is("GET", "users", "@me")) return ok(this.botUser);
    if (is("GET", "users", "*")) {
      const u = this.#users.get(at(1));
      return u ? ok(u) : err(404, "Unknown User", 10013);
    }
    if (is("POST", "users", "@me", "channels")) {
      const recipient = typeof json.recipient_id === "string" ? json.recipient_id : "";
      if (!recipient)
        throw invalidFormBody({
          recipient_id: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
        });
      const id = this.dmChannelId(recipient);
      return ok(this.#dmChannel(id, this.#users.get(recipient) ?? this.#user({ id: recipient })));
    }
    if (is("GET", "applications", "@me")) return ok(this.#application());

    // Application commands: /applications/:app/commands[/:id] and /applications/:app/guilds/:guild/commands[/:id]
    if (
      seg[0] === "applications" &&
      (seg[2] === "commands" || (seg[2] === "guilds" && seg[4] === "commands"))
    ) {
      if (at(1) !== this.applicationId) return err(403, "Missing Access", 50001);
      const guildId = seg[2] === "guilds" ? at(3) : undefined;
      const rest = seg.slice(guildId ? 5 : 3);
      return this.#commandsRoute(method, guildId, rest, body);
    }

    if (seg[0] === "channels" && seg.length >= 2) {
      const channel = this.#channels.get(at(1));
      if (!channel) return err(404, "Unknown Channel", 10003);
      if (is("GET", "channels", "*")) {
        return ok(
          channel.type === ChannelType.DM && channel.recipient
            ? this.#dmChannel(channel.id, channel.recipient)
            : this.#textChannel(channel.id, channel.guildId ?? ""),
        );
      }
      if (is("POST", "channels", "*", "typing")) return { status: 204 };
      if (is("POST", "channels", "*", "messages"))
        return ok(this.#createChannelMessage(channel, json, files));
      if (seg[2] === "messages" && seg.length >= 4) {
        const message = this.#messages.get(at(3));
        if (!message || message.channel_id !== channel.id) return err(404, "Unknown Message", 10008);
        if (is("GET", "channels", "*", "messages", "*")) return ok(message);
        if (is("PATCH", "channels", "*", "messages", "*")) {
          if (message.author.id !== this.botUser.id)
            return err(403, "Cannot edit a message authored by another user", 50005);
          return ok(this.#editMessage(message, json, files, [""]));
        }
        if (is("DELETE", "channels", "*", "messages", "*")) {
          this.#messages.delete(message.id);
          this.#echo("MESSAGE_DELETE", message);
          return { status: 204 };
        }
        if ((method === "PUT" || method === "DELETE") && seg[4] === "reactions" && seg.length === 7)
          return { status: 204 };
      }
    }
    if (is("GET", "guilds", "*")) {
      const g = this.#guild(at(1));
      if (!g) return err(404, "Unknown Guild", 10004);
      const { channels: _c, members: _m, ...guild } = this.#guildCreate(g);
      return ok(guild);
    }
    return notFound();
  }

  #application(): APIApplication {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: "",
      summary: "",
      bot_public: false,
      bot_require_code_grant: false,
      bot: this.botUser,
      verify_key: "a".repeat(64),
      owner: {
        id: GUILD_OWNER_ID,
        username: "owner",
        discriminator: "0",
        global_name: "Owner",
        avatar: null,
      },
      team: null,
      flags: 0,
      flags_new: "0",
      approximate_guild_count: this.guilds.length,
      redirect_uris: [],
      interactions_endpoint_url: null,
      integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
    } as unknown as APIApplication;
  }

  #materializeCommand(
    input: Json,
    guildId: string | undefined,
    previous: APIApplicationCommand | undefined,
  ): APIApplicationCommand {
    const type =
      typeof input.type === "number"
        ? (input.type as ApplicationCommandType)
        : ApplicationCommandType.ChatInput;
    const cmd: APIApplicationCommand = {
      ...(input as Partial<APIApplicationCommand>),
      id: previous?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      name: typeof input.name === "string" ? input.name : "",
      description: typeof input.description === "string" ? input.description : "",
      default_member_permissions:
        typeof input.default_member_permissions === "string" ? input.default_member_permissions : null,
      nsfw: input.nsfw === true,
      integration_types: Array.isArray(input.integration_types)
        ? (input.integration_types as ApplicationIntegrationType[])
        : [ApplicationIntegrationType.GuildInstall],
      contexts: Array.isArray(input.contexts) ? (input.contexts as InteractionContextType[]) : null,
      ...(guildId ? { guild_id: guildId } : {}),
    };
    return cmd;
  }

  #commandsRoute(method: string, guildId: string | undefined, rest: string[], body: unknown): Route {
    const scope = guildId ?? "global";
    const list = this.#commands.get(scope) ?? [];
    const findPrev = (c: Json): APIApplicationCommand | undefined =>
      list.find(
        (p) =>
          p.name === c.name &&
          p.type === (typeof c.type === "number" ? c.type : ApplicationCommandType.ChatInput),
      );
    if (rest.length === 0) {
      if (method === "GET") return ok(list);
      if (method === "PUT") {
        const inputs = asArray(body);
        if (!Array.isArray(body))
          throw invalidFormBody({
            _errors: [{ code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" }],
          });
        const tree: ErrorTree = {};
        if (this.#opts.validate) {
          inputs.forEach((c, i) => {
            validateCommand(tree, [i], isRecord(c) ? c : {});
          });
        }
        if (Object.keys(tree).length > 0) throw invalidFormBody(tree);
        const next = inputs.map((c) => {
          const input = isRecord(c) ? c : {};
          return this.#materializeCommand(input, guildId, findPrev(input));
        });
        this.#commands.set(scope, next);
        return ok(next);
      }
      if (method === "POST") {
        const input: Json = isRecord(body) ? body : {};
        const tree: ErrorTree = {};
        if (this.#opts.validate) validateCommand(tree, [], input);
        if (Object.keys(tree).length > 0) throw invalidFormBody(tree);
        const prev = findPrev(input);
        const cmd = this.#materializeCommand(input, guildId, prev);
        this.#commands.set(scope, [...list.filter((c) => c !== prev), cmd]);
        return { status: prev ? 200 : 201, body: cmd };
      }
    } else if (rest.length === 1) {
      const cmd = list.find((c) => c.id === rest[0]);
      if (!cmd) return err(404, "Unknown application command", 10063);
      if (method === "GET") return ok(cmd);
      if (method === "DELETE") {
        this.#commands.set(
          scope,
          list.filter((c) => c !== cmd),
        );
        return { status: 204 };
      }
      if (method === "PATCH") {
        const updated = this.#materializeCommand({ ...cmd, ...(isRecord(body) ? body : {}) }, guildId, cmd);
        this.#commands.set(
          scope,
          list.map((c) => (c === cmd ? updated : c)),
        );
        return ok(updated);
      }
    }
    return notFound();
  }

  #attachments(body: Json, files: RecordedFile[]): APIAttachment[] {
    const declared = asArray(body.attachments).filter(isRecord);
    const out: APIAttachment[] = [];
    files.forEach((f, i) => {
      const idx = /^files\[(\d+)\]$/.exec(f.field)?.[1] ?? String(i);
      const meta = declared.find((a) => String(a.id) === idx);
      const id = snowflake();
      const filename = typeof meta?.filename === "string" ? meta.filename : f.filename;
      const url = `http://127.0.0.1:${this.#port}/attachments/${id}/${encodeURIComponent(filename)}`;
      out.push({
        id,
        filename,
        size: f.size,
        url,
        proxy_url: url,
        ...(f.contentType ? { content_type: f.contentType } : {}),
        ...(typeof meta?.description === "string" ? { description: meta.description } : {}),
      });
    });
    return out;
  }

  #validateMessage(body: Json, files: RecordedFile[], base: string[], requireNonEmpty: boolean): void {
    if (!this.#opts.validate) return;
    const tree: ErrorTree = {};
    validateMessagePayload(tree, base, body);
    if (Object.keys(tree).length > 0) throw invalidFormBody(tree);
    if (requireNonEmpty && isEmptyMessage(body, files))
      throw new DiscordHTTPError(400, { message: "Cannot send an empty message", code: 50006 });
  }

  #storeBotMessage(m: APIMessage): APIMessage {
    this.#messages.set(m.id, m);
    this.#botMessageIds.push(m.id);
    this.#echo("MESSAGE_CREATE", m);
    return m;
  }

  #messageFromBody(channelId: string, body: Json, files: RecordedFile[]): APIMessage {
    const embeds = asArray(body.embeds)
      .filter(isRecord)
      .map((e) => ({ type: "rich", ...e }) as APIEmbed);
    const flags =
      typeof body.flags === "number"
        ? body.flags &
          (MessageFlags.Ephemeral |
            MessageFlags.SuppressEmbeds |
            MessageFlags.SuppressNotifications |
            MessageFlags.IsComponentsV2)
        : 0;
    return {
      ...this.#baseMessage(channelId, this.botUser),
      content: typeof body.content === "string" ? body.content : "",
      tts: body.tts === true,
      embeds,
      components: asArray(body.components) as NonNullable<APIMessage["components"]>,
      attachments: this.#attachments(body, files),
      flags,
      ...(typeof body.nonce === "string" || typeof body.nonce === "number" ? { nonce: body.nonce } : {}),
    };
  }

  #createChannelMessage(channel: ChannelState, body: Json, files: RecordedFile[]): APIMessage {
    this.#validateMessage(body, files, [], true);
    const message = this.#messageFromBody(channel.id, body, files);
    const ref = isRecord(body.message_reference) ? body.message_reference : undefined;
    if (ref) {
      const refId = typeof ref.message_id === "string" ? ref.message_id : "";
      const referenced = this.#messages.get(refId);
      if (!referenced && ref.fail_if_not_exists !== false) {
        throw invalidFormBody({
          message_reference: {
            _errors: [{ code: "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", message: "Unknown message" }],
          },
        });
      }
      if (referenced) {
        message.type = MessageType.Reply;
        message.message_reference = {
          type: 0,
          channel_id: referenced.channel_id,
          message_id: referenced.id,
          ...(channel.guildId ? { guild_id: channel.guildId } : {}),
        };
        message.referenced_message = referenced;
      }
    }
    return this.#storeBotMessage(message);
  }

  #editMessage(message: APIMessage, body: Json, files: RecordedFile[], base: string[]): APIMessage {
    this.#validateMessage(body, files, base.filter(Boolean), false);
    const patch = this.#messageFromBody(message.channel_id, body, files);
    const keepAttachments = Array.isArray(body.attachments)
      ? message.attachments.filter((a) => asArray(body.attachments).some((x) => isRecord(x) && x.id === a.id))
      : message.attachments;
    const updated: APIMessage = {
      ...message,
      ...("content" in body ? { content: patch.content } : {}),
      ...("embeds" in body ? { embeds: patch.embeds } : {}),
      ...("components" in body ? { components: patch.components } : {}),
      attachments: [...keepAttachments, ...patch.attachments],
      flags: (message.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: (message.flags ?? 0) & MessageFlags.Loading ? null : nowIso(),
    };
    this.#messages.set(updated.id, updated);
    this.#echo("MESSAGE_UPDATE", updated);
    return updated;
  }

  #registerInteraction(d: object): void {
    if (!isRecord(d) || typeof d.id !== "string" || typeof d.token !== "string") return;
    const channelId =
      typeof d.channel_id === "string"
        ? d.channel_id
        : isRecord(d.channel) && typeof d.channel.id === "string"
          ? d.channel.id
          : "";
    const guildId = typeof d.guild_id === "string" ? d.guild_id : undefined;
    if (channelId && !this.#channels.has(channelId)) {
      if (guildId) this.#ensureGuildChannel(channelId, guildId);
      else if (isRecord(d.user))
        this.#channels.set(channelId, {
          id: channelId,
          type: ChannelType.DM,
          recipient: d.user as unknown as APIUser,
        });
    }
    const sourceMessage = isRecord(d.message) ? (d.message as unknown as APIMessage) : undefined;
    if (sourceMessage && !this.#messages.has(sourceMessage.id))
      this.#messages.set(sourceMessage.id, sourceMessage);
    const state: InteractionState = {
      id: d.id,
      token: d.token,
      type: typeof d.type === "number" ? (d.type as InteractionType) : InteractionType.ApplicationCommand,
      channelId,
      ...(guildId ? { guildId } : {}),
      acknowledged: false,
      ...(sourceMessage ? { sourceMessage } : {}),
      ...(isRecord(d.data) && typeof d.data.name === "string" ? { commandName: d.data.name } : {}),
    };
    this.#interactionsById.set(state.id, state);
    this.#interactionsByToken.set(state.token, state);
  }

  #registerIncomingMessage(d: object): void {
    if (!isRecord(d) || typeof d.id !== "string" || typeof d.channel_id !== "string") return;
    const m = d as unknown as APIMessage & { guild_id?: string };
    this.#messages.set(m.id, m);
    if (!this.#channels.has(m.channel_id)) {
      if (m.guild_id) this.#ensureGuildChannel(m.channel_id, m.guild_id);
      else this.#channels.set(m.channel_id, { id: m.channel_id, type: ChannelType.DM, recipient: m.author });
    }
  }

  #interactionMessage(
    state: InteractionState,
    data: Json,
    files: RecordedFile[],
    loading: boolean,
  ): APIMessage {
    const m = this.#messageFromBody(state.channelId, data, files);
    m.type =
      state.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
    m.webhook_id = this.applicationId;
    m.application_id = this.applicationId;
    if (loading) {
      m.flags = (m.flags ?? 0) | MessageFlags.Loading;
      m.content = "";
    }
    return m;
  }

  #interactionCallback(
    id: string,
    token: string,
    body: Json,
    files: RecordedFile[],
    query: Record<string, string>,
  ): Route {
    const state = this.#interactionsById.get(id);
    if (!state || state.token !== token) return err(404, "Unknown interaction", 10062);
    if (state.acknowledged) return err(400, "Interaction has already been acknowledged.", 40060);
    const type = (typeof body.type === "number" ? body.type : -1) as InteractionResponseType;
    const data: Json = isRecord(body.data) ? body.data : {};
    const isComponent =
      state.type === InteractionType.MessageComponent || state.type === InteractionType.ModalSubmit;
    const allowed: Record<number, InteractionResponseType[]> = {
      [InteractionType.ApplicationCommand]: [4, 5, 9, 10, 12],
      [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 10],
      [InteractionType.ApplicationCommandAutocomplete]: [8],
      [InteractionType.ModalSubmit]: [4, 5, 6, 7, 10],
    };
    if (!(allowed[state.type] ?? []).includes(type)) {
      throw invalidFormBody({
        type: {
          _errors: [
            { code: "INTERACTION_RESPONSE_TYPE_INVALID", message: "Invalid interaction response type" },
          ],
        },
      });
    }
    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        this.#validateMessage(data, files, ["data"], true);
        message = this.#storeBotMessage(this.#interactionMessage(state, data, files, false));
        state.original = message;
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.#storeBotMessage(this.#interactionMessage(state, { flags: data.flags }, [], true));
        state.original = message;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        if (state.sourceMessage)
          state.original = this.#messages.get(state.sourceMessage.id) ?? state.sourceMessage;
        break;
      case InteractionResponseType.UpdateMessage:
        if (state.sourceMessage && isComponent) {
          message = this.#editMessage(
            this.#messages.get(state.sourceMessage.id) ?? state.sourceMessage,
            data,
            files,
            ["data"],
          );
          state.original = message;
        }
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (this.#opts.validate) {
          const tree: ErrorTree = {};
          const choices = asArray(data.choices);
          if (choices.length > 25)
            addError(tree, ["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
          choices.forEach((c, i) => {
            if (!isRecord(c)) return;
            const n = strLen(c.name);
            if (n < 1 || n > 100)
              addError(
                tree,
                ["data", "choices", i, "name"],
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 100 in length.",
              );
            if (typeof c.value === "string") maxLen(tree, ["data", "choices", i, "value"], c.value, 100);
          });
          if (Object.keys(tree).length > 0) throw invalidFormBody(tree);
        }
        break;
      }
      case InteractionResponseType.Modal: {
        if (this.#opts.validate) {
          const tree: ErrorTree = {};
          maxLen(tree, ["data", "title"], data.title, 45);
          maxLen(tree, ["data", "custom_id"], data.custom_id, 100);
          if (Object.keys(tree).length > 0) throw invalidFormBody(tree);
        }
        break;
      }
      default:
        break;
    }
    state.acknowledged = true;
    state.responseType = type;
    if (query.with_response !== "true") return { status: 204 };
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: state.id,
        type: state.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource ||
      type === InteractionResponseType.UpdateMessage
        ? { resource: { type, ...(message ? { message } : {}) } }
        : {}),
    } as RESTPostAPIInteractionCallbackWithResponseResult;
    return ok(result);
  }

  #webhookRoute(method: string, seg: string[], body: Json, files: RecordedFile[]): Route {
    const [, appId = "", token = "", messages, messageRef] = seg;
    const state = this.#interactionsByToken.get(token);
    if (appId !== this.applicationId || !state || !state.acknowledged)
      return err(404, "Unknown Webhook", 10015);
    if (seg.length === 3 && method === "POST") {
      this.#validateMessage(body, files, [], true);
      const m = this.#interactionMessage(state, body, files, false);
      if (state.type === InteractionType.ApplicationCommand) m.type = MessageType.ChatInputCommand;
      return ok(this.#storeBotMessage(m));
    }
    if (seg.length === 5 && messages === "messages" && messageRef) {
      const message =
        messageRef === "@original"
          ? state.original
            ? this.#messages.get(state.original.id)
            : undefined
          : this.#messages.get(messageRef);
      if (!message) return err(404, "Unknown Message", 10008);
      if (method === "GET") return ok(message);
      if (method === "PATCH") {
        const updated = this.#editMessage(message, body, files, [""]);
        if (messageRef === "@original") state.original = updated;
        return ok(updated);
      }
      if (method === "DELETE") {
        this.#messages.delete(message.id);
        this.#echo("MESSAGE_DELETE", message);
        return { status: 204 };
      }
    }
    return notFound();
  }

  #isCallback(r: RecordedRequest, interactionId?: string): boolean {
    const m = /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(r.path);
    return r.method === "POST" && m !== null && (interactionId === undefined || m[1] === interactionId);
  }

  #toCallbackRecord(r: RecordedRequest): InteractionCallbackRecord {
    const [, , id = "", token = ""] = r.path.split("/");
    return { ...(r as RecordedRequest<APIInteractionResponse>), interactionId: id, interactionToken: token };
  }
}

function ok(body: unknown): Route {
  return { status: 200, body };
}
function err(status: number, message: string, code: number): Route {
  return { status, body: { message, code } };
}
function notFound(): Route {
  return { status: 404, body: { message: "404: Not Found", code: 0 } };
}
