import { describe, expect, it } from "vitest";
import { answerToReply } from "../../commands/ask.ts";
import { commands } from "../../commands/index.ts";
import { terminalRequest } from "../../src/adapters/terminal/repl.ts";
import type { Engine } from "../../src/core/engine.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { ParleyRequest } from "../../src/core/request.ts";

/** What every adapter must offer the contract suite. */
export interface AdapterUnderTest {
  name: string;
  /**
   * Builds the platform's own payload for asking `question` (a slash command, a mention…) the way
   * a user would, and returns the neutral request the adapter makes of it.
   */
  requestFor(question: string): Promise<ParleyRequest> | ParleyRequest;
  /** Renders a reply the way the adapter sends it: all visible text, and any limit it breaks. */
  render(reply: Reply): { text: string; problems: string[] };
}

export const CONTRACT_QUESTIONS = [
  "when is the tiktok deadline",
  "who is hee lifeng",
  "where were the madrid talks held",
  "who said 'very good at the highest levels'",
  "what did china agree to at busan",
  "who won the world cup",
] as const;

const comparable = (r: ParleyRequest) => ({ command: r.command, args: r.args });

/**
 * The adapter contract: the same question makes the same neutral request on every platform, and
 * every reply renders with all its citations and within the platform's limits.
 */
export function runAdapterContract(adapter: AdapterUnderTest, engine: () => Engine): void {
  describe(`${adapter.name} adapter contract`, () => {
    for (const question of CONTRACT_QUESTIONS) {
      it(`makes the terminal's request for “${question}”`, async () => {
        const request = await adapter.requestFor(question);
        expect(comparable(request)).toEqual(comparable(terminalRequest(question, commands)));
        expect(request.user.id).not.toBe("");
      });

      it(`renders every citation of the answer to “${question}” within limits`, () => {
        const reply = answerToReply(engine().ask(question, new Date("2026-11-25T12:00:00Z")));
        const { text, problems } = adapter.render(reply);
        expect(problems).toEqual([]);
        for (const c of reply.citations) {
          expect(text).toContain(c.url ?? c.title.slice(0, 40));
        }
      });
    }

    it("renders a reply far over every limit without breaking them, keeping the citations", () => {
      const long = "word ".repeat(3000);
      const reply = answerToReply(engine().ask("what are the deadlines", new Date("2026-11-25T12:00:00Z")));
      const huge: Reply = {
        ...reply,
        body: long,
        items: Array.from({ length: 80 }, (_, i) => ({ text: `${i} ${long.slice(0, 400)}`, citations: [1] })),
      };
      const { text, problems } = adapter.render(huge);
      expect(problems).toEqual([]);
      for (const c of reply.citations.slice(0, 5)) expect(text).toContain(c.url ?? c.title.slice(0, 40));
    });
  });
}
