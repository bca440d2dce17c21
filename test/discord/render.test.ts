import { describe, expect, it } from "vitest";
import { answerToReply } from "../../commands/ask.ts";
import { askedQuestion } from "../../src/adapters/discord/buttons.ts";
import { describeError } from "../../src/adapters/discord/errors.ts";
import { clip, escapeText } from "../../src/adapters/discord/escape.ts";
import { LIMITS, messageProblems } from "../../src/adapters/discord/limits.ts";
import { discordMessages } from "../../src/adapters/discord/messages.ts";
import { renderReply, visibleText } from "../../src/adapters/discord/render.ts";
import type { Citation } from "../../src/core/answer.ts";
import { reply } from "../../src/core/reply.ts";
import { shippedEngine } from "../support/engine.ts";

const NOW = new Date("2026-11-25T12:00:00Z");

function citation(i: number): Citation {
  return {
    source: `s${i}`,
    title: `A rather long report title number ${i} about tariffs, truces and rare earths in 2025`,
    publisher: "Some Publisher",
    date: "2025-09-15",
    locator: "¶6",
    url: `https://example.org/news/2025/09/15/a-rather-long-report-title-number-${i}-about-tariffs-truces-and-rare-earths`,
    reliability: "A",
  };
}

describe("rendering a reply as embeds", () => {
  it("an answer keeps its quote with its citation number, and the question in the footer", () => {
    const answer = shippedEngine().ask("who said 'very good at the highest levels'", NOW);
    const embeds = renderReply(answerToReply(answer));
    expect(messageProblems({ embeds })).toEqual([]);
    if (answer.quote) expect(embeds[0]?.description).toContain(`\\[${answer.quote.citation}\\]`);
    expect(askedQuestion(embeds)).toBe(answer.question);
  });

  it("so many citations that they cannot all fit: as many as fit in full, the rest summarised, within every limit", () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation(i + 1));
    const embeds = renderReply(reply("list", "word ".repeat(2000), { title: "Many", citations }));
    expect(messageProblems({ embeds })).toEqual([]);
    const text = visibleText(embeds);
    expect(text).toContain(citations[0]?.url);
    expect(text).toMatch(/…and \d+ more sources \(see \/talks sources\)\./);
    const shown = citations.filter((c) => text.includes(c.url ?? "")).length;
    expect(text).toContain(discordMessages.moreSources(60 - shown));
    expect(embeds[0]?.description?.length).toBeGreaterThan(100); // the answer keeps some words
  });

  it("long fields, items and titles are shortened, never sent over a limit", () => {
    const long = "x".repeat(5000);
    const embeds = renderReply(
      reply("info", long, {
        title: long,
        fields: Array.from({ length: 30 }, () => ({ name: long, value: long })),
        items: Array.from({ length: 100 }, () => ({ text: long, citations: [1, 2] })),
        citations: [citation(1), citation(2)],
        footer: long,
        suggestions: [long],
      }),
    );
    expect(messageProblems({ embeds })).toEqual([]);
    expect(visibleText(embeds)).toContain(citation(2).url);
  });

  it("refusals list what the user could ask instead", () => {
    const embeds = renderReply(answerToReply(shippedEngine().ask("who won the world cup", NOW)));
    expect(embeds[0]?.description).toContain(discordMessages.youCouldAsk);
    expect(embeds[0]?.footer).toBeUndefined();
  });
});

describe("escaping text users or sources wrote", () => {
  it("renders markdown, masked links, headings and quotes literally, and breaks every mention", () => {
    const nasty =
      "# big\n> quoted\n**bold** _it_ [a](https://evil.example) and [b](https://evil2.example) @here @everyone <@123> <@&456>";
    const safe = escapeText(nasty);
    expect(safe).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no unescaped [text](
    expect(safe).not.toMatch(/@everyone|@here|<@\d|<@&/);
    expect(safe).toMatch(/^\\# big\n\\> quoted\n\\\*\\\*bold\\\*\\\* \\_it\\_/);
  });

  it("the question read back from a footer is the one asked, mentions and all", () => {
    const question = "what did @everyone say about <@&42>?";
    const embeds = renderReply(
      reply("answer", "Something.", { answer: { ...shippedEngine().ask("who is greer", NOW), question } }),
    );
    expect(embeds[0]?.footer?.text).not.toContain("@everyone");
    expect(askedQuestion(embeds)).toBe(question);
  });

  it("clip keeps within the limit, ends with an ellipsis and never splits a character", () => {
    expect(clip("short", 10)).toBe("short");
    const emoji = "😀".repeat(200);
    const clipped = clip(emoji, 101);
    expect(clipped.length).toBeLessThanOrEqual(101);
    expect(clipped.endsWith("😀…")).toBe(true);
    expect(clip("a\\\\\\*b".repeat(50), LIMITS.choiceName).length).toBeLessThanOrEqual(100);
  });
});

describe("errors in logs", () => {
  it("interaction and webhook tokens are removed from discord.js error URLs", () => {
    const error = Object.assign(new Error("Unknown interaction"), {
      code: 10062,
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/123456/aW50ZXJhY3Rpb246secret/callback?with_response=false",
    });
    const logged = JSON.stringify(describeError(error));
    expect(logged).not.toContain("aW50ZXJhY3Rpb246secret");
    expect(logged).toContain("/interactions/123456/[token]/callback");
    const hook = describeError(
      Object.assign(new Error("x"), {
        url: "https://discord.com/api/v10/webhooks/1/tok.en/messages/@original",
      }),
    );
    expect(JSON.stringify(hook)).not.toContain("tok.en");
  });
});
