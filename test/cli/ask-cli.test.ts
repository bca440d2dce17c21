import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runScript } from "../support/spawn.ts";

/** The JSON contract other bots and moderators' scripts build on. */
const answerJson = z.object({
  question: z.string(),
  answered: z.boolean(),
  text: z.string(),
  citations: z.array(
    z.object({
      source: z.string(),
      title: z.string(),
      publisher: z.string(),
      date: z.string().nullable(),
      locator: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  confidence: z.number().min(0).max(1),
  suggestions: z.array(z.string()),
});

describe("npm run ask", () => {
  it("prints one cited answer as plain text when piped", async () => {
    const r = await runScript("src/cli/ask.ts", ["where were the madrid talks held"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Palacio de Santa Cruz");
    expect(r.stdout).toContain("Sources:");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("--json prints one object in the contract", async () => {
    const r = await runScript("src/cli/ask.ts", ["--json", "who said 'very good at the highest levels'"]);
    const parsed = answerJson.parse(JSON.parse(r.stdout));
    expect(parsed.answered).toBe(true);
    expect(parsed.text).toContain("Bessent");
    expect(parsed.text).not.toMatch(/[*_`<>]/);
    expect(parsed.citations[0]).toMatchObject({ source: "madrid-talks-report", locator: "¶2" });
  });

  it("--jsonl answers one question per line, in order, 100 in one call", async () => {
    const questions = Array.from({ length: 100 }, (_, i) =>
      i % 3 === 0
        ? "who is greer"
        : i % 3 === 1
          ? "what is the weather in oslo"
          : `when is the tiktok deadline ${i}`,
    );
    const r = await runScript("src/cli/ask.ts", ["--jsonl"], { input: `${questions.join("\n")}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => answerJson.parse(JSON.parse(l)));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines[1]?.answered).toBe(false);
    expect(lines[1]?.suggestions.length).toBeGreaterThan(0);
  });
});
