import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { answerToReply } from "../../commands/ask.ts";
import { renderReply } from "../adapters/terminal/render.ts";
import type { Answer } from "../core/answer.ts";
import { loadEngine } from "../core/load-engine.ts";
import { quietOnClosedPipe } from "./pipe.ts";

quietOnClosedPipe();

/** The stable JSON contract other bots and moderators' scripts build on. */
function toJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    text: answer.text,
    citations: answer.citations.map((c) => ({
      source: c.source,
      title: c.title,
      publisher: c.publisher,
      date: c.date,
      locator: c.locator,
      url: c.url,
    })),
    confidence: answer.confidence,
    suggestions: answer.suggestions,
    quote: answer.quote
      ? { text: answer.quote.text, speaker: answer.quote.speaker, date: answer.quote.date }
      : null,
    entries: answer.entries,
    as_of: answer.asOf,
  };
}

const { values, positionals } = parseArgs({
  options: { json: { type: "boolean", default: false }, jsonl: { type: "boolean", default: false } },
  allowPositionals: true,
});
const engine = await loadEngine();

if (values.jsonl) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    process.stdout.write(`${JSON.stringify(toJson(engine.ask(line, new Date())))}\n`);
  }
} else {
  const question = positionals.join(" ");
  const answer = engine.ask(question, new Date());
  if (values.json) process.stdout.write(`${JSON.stringify(toJson(answer))}\n`);
  else
    process.stdout.write(`${renderReply(answerToReply(answer), { color: Boolean(process.stdout.isTTY) })}\n`);
}
