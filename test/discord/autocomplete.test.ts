import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { toChoices } from "../../src/adapters/discord/autocomplete.ts";
import { defineCommand } from "../../src/core/command.ts";
import { snowflake } from "../support/discord-standin.ts";
import { Harness } from "./harness.ts";

const failing = defineCommand({
  name: "failing",
  description: "Its autocomplete throws",
  options: [
    {
      name: "thing",
      description: "Anything",
      type: "string",
      required: true,
      autocomplete: () => {
        throw new Error("no completions today");
      },
    },
  ],
  args: z.object({ thing: z.string() }),
  access: "everyone",
  examples: [],
  run: () => {
    throw new Error("not run");
  },
});

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ commands: [...commands, failing] });
});
afterAll(async () => {
  await h.close();
});

async function complete(subcommand: string, option: string, typed: string) {
  const payload = h.standIn.autocomplete({
    name: "talks",
    subcommand,
    focused: { name: option, value: typed },
    user: { id: snowflake() },
  });
  h.standIn.dispatch("INTERACTION_CREATE", payload);
  const { type, data } = await h.callback(payload);
  expect(type).toBe(8);
  const choices = data.choices ?? [];
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThanOrEqual(1);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(String(c.value).length).toBeLessThanOrEqual(100);
  }
  return choices;
}

describe("autocomplete from the shared definitions on the live engine", () => {
  it("who name: people matching what was typed, valued by id", async () => {
    const choices = await complete("who", "name", "he li");
    expect(choices).toContainEqual({ name: "He Lifeng", value: "he-lifeng" });
  });

  it("quote speaker and quote about", async () => {
    const speakers = await complete("quote", "speaker", "greer");
    expect(speakers.map((c) => c.name)).toContain("Jamieson Greer");
    const topics = await complete("quote", "about", "tik");
    expect(topics.some((c) => /tiktok/i.test(c.name))).toBe(true);
  });

  it("ask question: answerable questions, at most 25 even with nothing typed", async () => {
    expect(await complete("ask", "question", "")).toHaveLength(25);
    const typed = await complete("ask", "question", "tiktok");
    expect(typed.length).toBeGreaterThan(1);
    expect(typed.some((c) => /tiktok/i.test(c.name))).toBe(true);
  });

  it("an option without autocomplete, or one whose completions throw, gets an empty list", async () => {
    expect(await complete("deadlines", "about", "tik")).toEqual([]);
    expect(await complete("failing", "thing", "x")).toEqual([]);
    expect(h.logs.some((l) => l.includes('"autocomplete failed"'))).toBe(true);
  });
});

describe("toChoices", () => {
  it("keeps Discord's limits: 25 choices, names clipped to 100, over-long values dropped, no repeats", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${"n".repeat(150)}${i}`, value: `v${i}` }));
    const out = toChoices([{ name: "x", value: "v".repeat(101) }, { name: "dup", value: "v0" }, ...many]);
    expect(out).toHaveLength(25);
    expect(out[0]).toEqual({ name: "dup", value: "v0" });
    expect(out.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });
});
