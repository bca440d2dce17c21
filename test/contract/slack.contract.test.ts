import { commands } from "../../commands/index.ts";
import { limitProblems } from "../../src/adapters/slack/limits.ts";
import { unescapeMrkdwn } from "../../src/adapters/slack/mrkdwn.ts";
import { present } from "../../src/adapters/slack/present.ts";
import { slashCommandRequest } from "../../src/adapters/slack/request.ts";
import { shippedEngine } from "../support/engine.ts";
import { slashCommand } from "../support/slack-standin.ts";
import { runAdapterContract } from "./adapter-contract.ts";

/** Every string in a message a person can read, as Slack shows it (entities decoded). */
function visibleText(value: unknown): string {
  if (typeof value === "string") return unescapeMrkdwn(value);
  if (Array.isArray(value)) return value.map(visibleText).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(visibleText).join("\n");
  return "";
}

runAdapterContract(
  {
    name: "slack",
    // The payload Slack sends for `/talks <question>`, through the adapter's own translator.
    requestFor: (question) =>
      slashCommandRequest(
        slashCommand({ text: question, responseUrl: "http://127.0.0.1:9/respond/contract" }).body,
        commands,
      ).request,
    // Rendered as a slash-command answer: the fullest form, with the echo and every button.
    render: (reply) => {
      const { message } = present(reply, {
        asked: "when is the tiktok deadline",
        wantsVisible: false,
        echo: true,
        offerShare: true,
        userId: "U1",
        isHelp: false,
      });
      return { text: visibleText(message), problems: limitProblems(message) };
    },
  },
  shippedEngine,
);
