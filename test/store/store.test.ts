import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupUnanswered, mostDisliked } from "../../src/store/gaps.ts";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import { Store } from "../../src/store/store.ts";
import { ROOT } from "../support/spawn.ts";

let dir: string;
const LONG_AGO = new Date("2000-01-01");

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-data-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the store", () => {
  it("creates its database on first start, at the latest schema version", () => {
    const store = Store.open(join(dir, "nested", "data"));
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    store.close();
  });

  it("keeps records across a restart", () => {
    const first = Store.open(dir);
    first.recordUnanswered({ question: "  what is bessent's salary  ", platform: "slack", userId: "U1" });
    first.recordFeedback({
      question: "when is the deadline",
      vote: "down",
      platform: "discord",
      userId: "U2",
      answer: "17 Sep 2025",
    });
    first.close();
    const again = Store.open(dir);
    expect(again.unansweredSince(LONG_AGO).map((r) => r.question)).toEqual(["what is bessent's salary"]);
    expect(again.feedbackSince(LONG_AGO, -1)).toMatchObject([
      { question: "when is the deadline", vote: -1, answer: "17 Sep 2025" },
    ]);
    again.close();
  });

  it("stores no user id, only a salted hash that still counts distinct askers", async () => {
    const store = Store.open(dir);
    store.recordUnanswered({ question: "q one", platform: "discord", userId: "123456789012345678" });
    store.recordUnanswered({ question: "q one", platform: "discord", userId: "123456789012345678" });
    store.recordUnanswered({ question: "q one", platform: "discord", userId: "999" });
    const rows = store.unansweredSince(LONG_AGO);
    expect(new Set(rows.map((r) => r.asker)).size).toBe(2);
    store.close();
    const bytes = await readFile(join(dir, "parley.db"));
    expect(bytes.includes(Buffer.from("123456789012345678"))).toBe(false);
  });

  it("loses nothing acknowledged when the process is killed right after recording", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/support/record-feedback.ts", dir, "was this right?"],
      { cwd: ROOT },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        if (String(d).includes("recorded")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("error", reject);
      child.on("exit", () => resolve());
    });
    await new Promise((r) => child.once("close", r));
    const store = Store.open(dir);
    expect(store.feedbackSince(LONG_AGO, -1).map((r) => r.question)).toEqual(["was this right?"]);
    store.close();
  });
});

describe("gaps", () => {
  it("groups alike wordings and counts distinct askers", () => {
    const at = "2026-11-20T00:00:00.000Z";
    const groups = groupUnanswered([
      { question: "what is bessent's salary", normalized: "", askedAt: at, platform: "d", asker: "a" },
      { question: "bessent salary?", normalized: "", askedAt: at, platform: "d", asker: "b" },
      { question: "what is bessent's salary", normalized: "", askedAt: at, platform: "d", asker: "a" },
      { question: "who won the world cup", normalized: "", askedAt: at, platform: "d", asker: "c" },
    ]);
    expect(groups[0]).toMatchObject({
      question: "what is bessent's salary",
      count: 3,
      askers: 2,
      variants: ["bessent salary?"],
    });
    expect(groups[1]).toMatchObject({ question: "who won the world cup", count: 1 });
  });

  it("ranks the most disliked answers first", () => {
    const row = (question: string, vote: 1 | -1) => ({
      question,
      answer: "a",
      vote,
      givenAt: "2026-11-20",
      platform: "d",
      entries: [],
    });
    const disliked = mostDisliked([row("x y", -1), row("when z", -1), row("when z", -1), row("when z", 1)]);
    expect(disliked.map((d) => [d.question, d.dislikes, d.likes])).toEqual([
      ["when z", 2, 1],
      ["x y", 1, 0],
    ]);
  });
});
