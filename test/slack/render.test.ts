import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { limitProblems } from "../../src/adapters/slack/limits.ts";
import { present } from "../../src/adapters/slack/present.ts";
import { renderFullCitations, renderPlainText } from "../../src/adapters/slack/render-citations.ts";
import type { Citation } from "../../src/core/answer.ts";
import { type Reply, reply } from "../../src/core/reply.ts";

// Text built to hurt: Slack's control sequences, entities, quote markers and plenty of length.
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "<!channel>",
    "<!here>",
    "<@U123>",
    "<https://evil.example|click>",
    "&amp;",
    "> quote",
    "*bold*",
  ),
  fc.string({ minLength: 500, maxLength: 4000 }),
);
const text = fc.array(hostile, { maxLength: 4 }).map((parts) => parts.join(" "));

const citation: fc.Arbitrary<Citation> = fc.record({
  source: fc.string({ minLength: 1, maxLength: 20 }),
  title: text,
  publisher: fc.oneof(fc.constant("unknown"), text),
  date: fc.option(fc.constantFrom("2025-09-15", "2025-10", "2026-01-20")),
  locator: fc.option(fc.constantFrom("¶2", "p. 4")),
  url: fc.option(
    fc.oneof(
      fc.webUrl(),
      fc.constant("https://x.example/a|<!channel>&b"),
      fc.constant("javascript:alert(1)"),
    ),
  ),
  reliability: fc.option(fc.constantFrom("A" as const, "B" as const, "C" as const)),
});

const anyReply: fc.Arbitrary<Reply> = fc
  .record({
    kind: fc.constantFrom("answer", "refusal", "list", "info", "error" as const),
    title: fc.option(text),
    body: text,
    items: fc.array(fc.record({ text, citations: fc.array(fc.nat(40), { maxLength: 3 }) }), {
      maxLength: 90,
    }),
    fields: fc.array(fc.record({ name: text, value: text }), { maxLength: 30 }),
    citations: fc.array(citation, { maxLength: 40 }),
    suggestions: fc.array(text, { maxLength: 8 }),
    footer: fc.option(text),
    quote: fc.option(
      fc.record({
        id: fc.constant("q1"),
        text,
        speaker: text,
        speakerId: fc.constant("someone"),
        date: fc.constant("2025-09-15"),
        occasion: fc.option(text),
        attribution: fc.constantFrom("confirmed" as const, "disputed" as const),
        citation: fc.nat(40),
      }),
    ),
  })
  .map(({ kind, ...rest }) => reply(kind as Reply["kind"], rest.body, rest));

/** The strings Slack reads as mrkdwn: the top-level text and every mrkdwn text object. */
function mrkdwnOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnOf);
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const own = o.type === "mrkdwn" && typeof o.text === "string" ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnOf)];
}

/** Every `<` Slack would parse must open one of our own links; anything else is user text let loose. */
function strayControl(message: { text: string; blocks: unknown[] }): boolean {
  const parsed = [message.text, ...mrkdwnOf(message.blocks)].join("\n").replace(/<@U1>/g, "");
  return /<(?!https?:\/\/)/.test(parsed) || /<https?:\/\/[^|>]*[<\s]/.test(parsed);
}

describe("Block Kit rendering", () => {
  it("keeps every reply within Slack's limits, escaped, with every citation numbered", () => {
    fc.assert(
      fc.property(anyReply, fc.boolean(), text, (r, shared, asked) => {
        const { message } = present(r, {
          asked,
          wantsVisible: shared,
          echo: true,
          offerShare: true,
          userId: "U1",
          isHelp: false,
        });
        expect(limitProblems(message)).toEqual([]);
        const json = JSON.stringify(message);
        expect(strayControl(message)).toBe(false);
        for (let i = 1; i <= r.citations.length; i++) expect(json).toContain(`[${i}] `);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the full-citations and plain-text forms within limits, every citation included", () => {
    fc.assert(
      fc.property(anyReply, (r) => {
        for (const message of [renderFullCitations(r), renderPlainText(r)]) {
          expect(limitProblems(message)).toEqual([]);
          expect(strayControl(message)).toBe(false);
        }
        const plain = renderPlainText(r).text;
        for (let i = 1; i <= r.citations.length; i++) expect(plain).toContain(`[${i}] `);
      }),
      { numRuns: 150 },
    );
  });
});
