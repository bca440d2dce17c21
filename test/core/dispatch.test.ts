import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { defineCommand } from "../../src/core/command.ts";
import { createDispatcher } from "../../src/core/dispatch.ts";
import { messages } from "../../src/core/messages.ts";
import { RateLimiter } from "../../src/core/rate-limit.ts";
import { reply } from "../../src/core/reply.ts";
import type { ParleyRequest } from "../../src/core/request.ts";
import { createLogger } from "../../src/logger.ts";
import { shippedEngine } from "../support/engine.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

const request = (over: Partial<ParleyRequest> = {}): ParleyRequest => ({
  platform: "discord",
  user: { id: "u1" },
  channel: { id: "c1", kind: "channel" },
  command: "ask",
  args: { question: "who is greer" },
  moderator: false,
  ...over,
});

const boom = defineCommand({
  name: "boom",
  description: "fails",
  options: [],
  args: z.object({}),
  access: "everyone",
  examples: [],
  run: () => {
    throw new Error("kaput token=xoxb-secret");
  },
});
const secret = defineCommand({
  ...boom,
  name: "secret",
  access: "moderator",
  run: () => reply("info", "moderator things"),
});

describe("the dispatcher", () => {
  let clock = new Date("2026-11-25T12:00:00Z");
  const { lines, logger } = capture();
  const dispatch = createDispatcher({
    commands: [...commands, boom, secret],
    engine: shippedEngine,
    clock: () => clock,
    rateLimiter: new RateLimiter({ burst: 5, refillSeconds: 10 }),
    logger,
  });

  it("answers through the shared command", async () => {
    const r = await dispatch(request());
    expect(r.kind).toBe("answer");
    expect(r.body).toContain("Greer");
    expect(r.citations.length).toBeGreaterThan(0);
  });

  it("limits each user to a burst of five, then one every ten seconds, without touching others", async () => {
    const user = { id: "busy" };
    for (let i = 0; i < 5; i++) expect((await dispatch(request({ user }))).kind).toBe("answer");
    const limited = await dispatch(request({ user }));
    expect(limited).toMatchObject({ kind: "rate-limited", private: true });
    expect(limited.body).toBe(messages.rateLimited(10));
    expect((await dispatch(request({ user: { id: "someone-else" } }))).kind).toBe("answer");
    clock = new Date(clock.getTime() + 10_000);
    expect((await dispatch(request({ user }))).kind).toBe("answer");
  });

  it("never limits the operator's terminal", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await dispatch(request({ platform: "terminal", user: { id: "op" } }))).kind).toBe("answer");
    }
  });

  it("answers a failing command politely and logs it with context", async () => {
    const r = await dispatch(request({ command: "boom", args: {}, user: { id: "u-boom" } }));
    expect(r).toMatchObject({ kind: "error", body: messages.genericError, private: true });
    const line = lines.find((l) => l.includes("command failed"));
    expect(line).toBeDefined();
    expect(line).toContain('"command":"boom"');
  });

  it("refuses moderator commands to everyone else, and runs them for moderators", async () => {
    expect((await dispatch(request({ command: "secret", args: {}, user: { id: "u-m1" } }))).kind).toBe(
      "forbidden",
    );
    expect(
      (await dispatch(request({ command: "secret", args: {}, user: { id: "u-m2" }, moderator: true }))).body,
    ).toBe("moderator things");
  });

  it("explains bad arguments and unknown commands", async () => {
    const bad = await dispatch(
      request({ command: "timeline", args: { from: "last tuesday" }, user: { id: "u-bad" } }),
    );
    expect(bad.kind).toBe("invalid");
    expect(bad.body).toContain("from");
    const unknown = await dispatch(request({ command: "dance", args: {}, user: { id: "u-unknown" } }));
    expect(unknown.kind).toBe("invalid");
  });

  it("keeps over-long option values out of every command", async () => {
    const r = await dispatch(
      request({ command: "who", args: { name: "x".repeat(600) }, user: { id: "u-long" } }),
    );
    expect(r.kind).toBe("invalid");
    expect(r.body).toContain("600");
  });
});
