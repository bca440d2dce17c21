import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import type { ParleyRequest } from "../../src/core/request.ts";
import { createLogger } from "../../src/logger.ts";
import { shippedEngine } from "../support/engine.ts";

const dispatch = createDispatcher({
  commands,
  engine: shippedEngine,
  clock: () => new Date("2026-11-25T12:00:00Z"),
  logger: createLogger("silent"),
});
const run = (command: string, args: ParleyRequest["args"] = {}) =>
  dispatch({
    platform: "terminal",
    user: { id: "t" },
    channel: { id: "t", kind: "terminal" },
    command,
    args,
    moderator: true,
  });

describe("the shared commands", () => {
  it("deadlines: every deadline with its status, most relevant first, each cited", async () => {
    const r = await run("deadlines");
    expect(r.kind).toBe("list");
    expect(r.items.length).toBe(shippedEngine().kb.deadlines.length);
    expect(r.items[0]?.text).toMatch(/in \d+ days?|passed|met|moot|extended|superseded/);
    for (const item of r.items) expect(item.citations.length).toBe(1);
  });

  it("deadlines about a topic keeps to that topic", async () => {
    const r = await run("deadlines", { about: "tiktok" });
    expect(r.items.length).toBeGreaterThan(3);
    expect(r.items.every((i) => /tiktok/i.test(i.text))).toBe(true);
  });

  it("quote: by speaker and subject, with date and source", async () => {
    const r = await run("quote", { speaker: "greer", about: "tariffs" });
    expect(r.kind).toBe("list");
    expect(r.items.length).toBeGreaterThan(0);
    for (const item of r.items) expect(item.text).toMatch(/— Jamieson Greer.*\d{4}/);
  });

  it("quote: says so when a speaker has no quotes", async () => {
    const r = await run("quote", { speaker: "king charles" });
    expect(r.kind).toBe("refusal");
  });

  it("who: role, affiliation, events and quotes, by any spelling", async () => {
    const r = await run("who", { name: "何立峰" });
    expect(r.title).toBe("He Lifeng");
    expect(r.body).toContain("Vice Premier");
    expect(r.items.some((i) => i.text.includes("Madrid"))).toBe(true);
  });

  it("timeline: in date order within the range, each line cited", async () => {
    const r = await run("timeline", { from: "2025-09", to: "2025-10" });
    const dates = r.items.map((i) => i.text);
    expect(dates.length).toBeGreaterThan(3);
    expect(dates.every((t) => /(Sep|Oct) 2025/.test(t))).toBe(true);
    for (const item of r.items) expect(item.citations.length).toBeGreaterThan(0);
  });

  it("sources: with publisher, date and link", async () => {
    const r = await run("sources", { filter: "reuters" });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.url?.startsWith("http"))).toBe(true);
  });

  it("help: lists every command an ordinary user may run, with examples", async () => {
    const r = await run("help");
    for (const c of commands) expect(r.items.some((i) => i.text.startsWith(c.name))).toBe(true);
  });
});
