import { z } from "zod";
import type { Answer } from "../src/core/answer.ts";
import { defineCommand } from "../src/core/command.ts";
import { formatDate } from "../src/core/dates.ts";
import { MAX_QUESTION_LENGTH } from "../src/core/messages.ts";
import { type Reply, reply } from "../src/core/reply.ts";
import { suggestedQuestions } from "../src/core/suggest.ts";

export function answerToReply(answer: Answer, wantsPrivate = false): Reply {
  const kind = answer.kind === "answer" ? "answer" : answer.kind === "invalid" ? "invalid" : "refusal";
  return reply(kind, answer.lead, {
    quote: answer.quote,
    citations: answer.citations,
    suggestions: answer.suggestions,
    footer: answer.asOf ? `Sources dated up to ${formatDate(answer.asOf)}` : null,
    private: wantsPrivate || kind !== "answer",
    answer,
  });
}

export default defineCommand({
  name: "ask",
  description: "Ask a question about the 2025 US–China trade talks",
  options: [
    {
      name: "question",
      description: "Your question, e.g. when is the TikTok deadline?",
      type: "string",
      required: true,
      autocomplete: (engine, typed) => suggestedQuestions(engine, typed).map((q) => ({ name: q, value: q })),
    },
    { name: "private", description: "Only you see the answer", type: "boolean", required: false },
  ],
  // Length is checked by the engine so that it can answer politely rather than reject.
  args: z.object({ question: z.string().max(MAX_QUESTION_LENGTH * 4), private: z.boolean().default(false) }),
  access: "everyone",
  examples: ["ask when is the tiktok deadline", "ask who said 'very good at the highest levels'"],
  run: (args, { engine, now, request, services }) => {
    const answer = engine.ask(args.question, now);
    // Refusals are what moderators need to see: the questions the knowledge does not cover yet.
    if (answer.kind === "refusal")
      services.recordUnanswered?.(answer.question, request.platform, request.user.id, answer.entries);
    return answerToReply(answer, args.private);
  },
});
