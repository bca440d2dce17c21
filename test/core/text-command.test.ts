import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { parseTextCommand } from "../../src/core/text-command.ts";

const parse = (text: string) => parseTextCommand(text, commands);

describe("the shared text grammar", () => {
  it("treats anything that is not a command as a question", () => {
    expect(parse("  when is the tiktok deadline? ")).toEqual({
      command: "ask",
      args: { question: "when is the tiktok deadline?" },
    });
  });

  it("fills options in order, the last taking the rest", () => {
    expect(parse("quote greer tariffs")).toEqual({
      command: "quote",
      args: { speaker: "greer", about: "tariffs" },
    });
    expect(parse("who he lifeng")).toEqual({ command: "who", args: { name: "he lifeng" } });
  });

  it("accepts option:value, quoted when it has spaces", () => {
    expect(parse('quote speaker:"he lifeng" about:tiktok')).toEqual({
      command: "quote",
      args: { speaker: "he lifeng", about: "tiktok" },
    });
    expect(parse("timeline from:2025-09 to:2025-11")).toEqual({
      command: "timeline",
      args: { from: "2025-09", to: "2025-11" },
    });
  });

  it("sets a boolean option by its name", () => {
    expect(parse("ask private when is the deadline")).toEqual({
      command: "ask",
      args: { private: true, question: "when is the deadline" },
    });
  });

  it("is case-insensitive about the command word only", () => {
    expect(parse("WHO Greer")).toEqual({ command: "who", args: { name: "Greer" } });
  });

  it("reads questions that start with a command's name as questions", () => {
    for (const q of [
      "who said 'very good at the highest levels'",
      "who is he lifeng",
      "who won the world cup",
      "sources for the madrid talks?",
    ]) {
      expect(parse(q)).toEqual({ command: "ask", args: { question: q } });
    }
  });

  it("leaves a bare command without arguments", () => {
    expect(parse("deadlines")).toEqual({ command: "deadlines", args: {} });
  });
});
