import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { slashCommandsJson, TALKS, TALKS_ADMIN } from "../../src/adapters/discord/command-json.ts";
import { discordMessages } from "../../src/adapters/discord/messages.ts";
import { type AnyCommand, defineCommand } from "../../src/core/command.ts";
import { messages } from "../../src/core/messages.ts";
import { reply } from "../../src/core/reply.ts";
import { DiscordStandIn, snowflake } from "../support/discord-standin.ts";
import { runScript } from "../support/spawn.ts";
import { EPHEMERAL, Harness } from "./harness.ts";

const purge = defineCommand({
  name: "purge",
  description: "Forget the unanswered-question log",
  options: [{ name: "confirm", description: "Really", type: "boolean", required: true }],
  args: z.object({ confirm: z.boolean() }),
  access: "moderator",
  examples: ["purge confirm:true"],
  run: () => reply("info", "Purged."),
});

/** The same commands built with discord.js's own builders, which validate every name, length and count. */
function builtWithDiscordJs(
  name: string,
  description: string,
  list: readonly AnyCommand[],
  moderatorOnly: boolean,
) {
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(
      ...(moderatorOnly
        ? [InteractionContextType.Guild]
        : [InteractionContextType.Guild, InteractionContextType.BotDM]),
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  if (moderatorOnly) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  for (const command of list) {
    const sub = new SlashCommandSubcommandBuilder().setName(command.name).setDescription(command.description);
    for (const o of [...command.options].sort((a, b) => Number(b.required) - Number(a.required))) {
      if (o.type === "boolean")
        sub.addBooleanOption((b) => b.setName(o.name).setDescription(o.description).setRequired(o.required));
      else if (o.type === "integer")
        sub.addIntegerOption((b) => {
          b.setName(o.name).setDescription(o.description).setRequired(o.required);
          return o.autocomplete ? b.setAutocomplete(true) : b;
        });
      else
        sub.addStringOption((b) => {
          b.setName(o.name).setDescription(o.description).setRequired(o.required);
          return o.autocomplete ? b.setAutocomplete(true) : b;
        });
    }
    builder.addSubcommand(sub);
  }
  return builder.toJSON();
}

function checkShape(json: RESTPostAPIChatInputApplicationCommandsJSONBody): void {
  const NAME = /^[-_a-z0-9]{1,32}$/;
  expect(json.name).toMatch(NAME);
  expect(json.description.length).toBeGreaterThanOrEqual(1);
  expect(json.description.length).toBeLessThanOrEqual(100);
  expect(json.options?.length ?? 0).toBeLessThanOrEqual(25);
  for (const sub of json.options ?? []) {
    expect(sub.type).toBe(ApplicationCommandOptionType.Subcommand);
    expect(sub.name).toMatch(NAME);
    expect(sub.description.length).toBeGreaterThanOrEqual(1);
    expect(sub.description.length).toBeLessThanOrEqual(100);
    const options = "options" in sub ? (sub.options ?? []) : [];
    expect(options.length).toBeLessThanOrEqual(25);
    let optionalSeen = false;
    for (const o of options) {
      expect(o.name).toMatch(NAME);
      expect(o.description.length).toBeLessThanOrEqual(100);
      if (!o.required) optionalSeen = true;
      else expect(optionalSeen).toBe(false); // required options come first
    }
  }
}

const everyone = commands.filter((c) => c.access === "everyone");
const moderator = commands.filter((c) => c.access === "moderator");

describe("/talks JSON derived from the shared commands", () => {
  it("equals what discord.js's validating builders produce", () => {
    const [talks, admin, ...rest] = slashCommandsJson(commands);
    expect(rest).toEqual([]);
    expect(talks).toEqual(builtWithDiscordJs(TALKS, discordMessages.talksDescription, everyone, false));
    if (moderator.length)
      expect(admin).toEqual(
        builtWithDiscordJs(TALKS_ADMIN, discordMessages.moderatorDescription, moderator, true),
      );
  });

  it("has one subcommand per shared command with valid names, lengths and counts", () => {
    const [talks, admin] = slashCommandsJson(commands);
    if (!talks) throw new Error("no /talks");
    for (const json of [talks, admin]) if (json) checkShape(json);
    expect(talks.options?.map((o) => o.name)).toEqual(everyone.map((c) => c.name));
    expect(admin?.options?.map((o) => o.name) ?? []).toEqual(moderator.map((c) => c.name));
    const who = talks.options?.find((o) => o.name === "who");
    expect(who && "options" in who ? who.options : []).toEqual([
      expect.objectContaining({
        name: "name",
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      }),
    ]);
  });

  it("puts moderator commands under /talks-admin, for Manage Server by default", () => {
    const [talks, admin] = slashCommandsJson([...everyone, purge]);
    expect(talks?.options?.map((o) => o.name)).not.toContain("purge");
    expect(talks).not.toHaveProperty("default_member_permissions");
    expect(admin).toMatchObject({
      name: TALKS_ADMIN,
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      contexts: [InteractionContextType.Guild],
      options: [
        { name: "purge", options: [{ name: "confirm", type: ApplicationCommandOptionType.Boolean }] },
      ],
    });
    expect(slashCommandsJson(everyone)).toHaveLength(1);
  });

  it("guild-scoped commands carry no contexts (Discord ignores them there)", () => {
    for (const json of slashCommandsJson(commands, "guild")) {
      expect(json).not.toHaveProperty("contexts");
      expect(json).not.toHaveProperty("integration_types");
    }
  });
});

describe("moderator commands at run time", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("re-checks the member's permissions: Manage Server runs it, anyone else is refused privately", async () => {
    h = await Harness.start({ commands: [...commands, purge] });
    const refused = await h.callback(
      h.slash(
        "purge",
        { confirm: true },
        { name: TALKS_ADMIN, memberPermissions: PermissionFlagsBits.SendMessages },
      ),
    );
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.embeds[0]?.description).toBe(messages.notModerator);
    const allowed = await h.callback(
      h.slash(
        "purge",
        { confirm: true },
        { name: TALKS_ADMIN, memberPermissions: PermissionFlagsBits.ManageGuild },
      ),
    );
    expect(allowed.embeds[0]?.description).toBe("Purged.");
    expect(h.requests.at(-1)?.moderator).toBe(true);
  });
});

describe("npm run commands:deploy", () => {
  let standIn: DiscordStandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  const envFor = (s: DiscordStandIn, extra: Record<string, string> = {}) => ({
    DISCORD_TOKEN: s.token,
    DISCORD_APPLICATION_ID: s.applicationId,
    DISCORD_API_URL: s.apiUrl,
    DISCORD_GUILD_ID: "",
    ...extra,
  });

  it("registers /talks in DISCORD_GUILD_ID when set", async () => {
    standIn = await DiscordStandIn.start();
    const guild = standIn.defaultGuild.id;
    const run = await runScript("src/cli/deploy-commands.ts", [], {
      env: envFor(standIn, { DISCORD_GUILD_ID: guild }),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const names = slashCommandsJson(commands)
      .map((c) => `/${c.name}`)
      .join(" and ");
    expect(run.stdout).toContain(`Registered ${names} (${commands.length} subcommands) in server ${guild}.`);
    const put = standIn.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${standIn.applicationId}/guilds/${guild}/commands`);
    expect(put?.headers.authorization).toBe(`Bot ${standIn.token}`);
    expect(put?.body).toEqual(slashCommandsJson(commands, "guild"));
    expect(put?.status).toBe(200);
    expect(standIn.commands(guild).map((c) => c.name)).toEqual(
      slashCommandsJson(commands).map((c) => c.name),
    );
  });

  it("registers globally when no guild is set", async () => {
    standIn = await DiscordStandIn.start();
    const run = await runScript("src/cli/deploy-commands.ts", [], { env: envFor(standIn) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("globally");
    const put = standIn.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/applications/${standIn.applicationId}/commands`);
    expect(put?.body).toEqual(slashCommandsJson(commands));
    expect(standIn.commands().map((c) => c.name)).toEqual(slashCommandsJson(commands).map((c) => c.name));
  });

  it("says so when the token is rejected, and never prints it", async () => {
    standIn = await DiscordStandIn.start({ rejectToken: "rest" });
    const run = await runScript("src/cli/deploy-commands.ts", [], { env: envFor(standIn) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(discordMessages.tokenRejected);
    expect(run.stdout + run.stderr).not.toContain(standIn.token);
  });

  it("needs the token and application id", async () => {
    const run = await runScript("src/cli/deploy-commands.ts", [], {
      env: {
        DISCORD_TOKEN: "",
        DISCORD_APPLICATION_ID: snowflake(),
        DISCORD_API_URL: "http://127.0.0.1:9/api",
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DISCORD_TOKEN and DISCORD_APPLICATION_ID must both be set");
  });
});
