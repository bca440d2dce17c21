import { afterAll } from "vitest";
import { answerButtons } from "../../src/adapters/discord/buttons.ts";
import { messageProblems } from "../../src/adapters/discord/limits.ts";
import { renderReply, visibleText } from "../../src/adapters/discord/render.ts";
import { Harness } from "../discord/harness.ts";
import { snowflake } from "../support/discord-standin.ts";
import { shippedEngine } from "../support/engine.ts";
import { runAdapterContract } from "./adapter-contract.ts";

// One stand-in Discord and one connected adapter for the whole suite, started on first use.
let harness: Promise<Harness> | undefined;
afterAll(async () => {
  await (await harness)?.close();
});

runAdapterContract(
  {
    name: "discord",
    // `@Parley <q>` as Discord delivers it, through the real client and Parley's translator. Free text
    // uses the terminal's grammar; `/talks ask question:<q>` always asks (test/discord/slash-commands.test.ts).
    async requestFor(question) {
      harness ??= Harness.start();
      const h = await harness;
      const message = h.standIn.messageCreate({
        content: question,
        mentionsBot: true,
        authorId: snowflake(),
      });
      h.standIn.dispatch("MESSAGE_CREATE", message);
      await h.standIn.waitForRequest(
        (r) =>
          r.method === "POST" &&
          (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id ===
            message.id,
      );
      const request = h.requests.find((r) => (r.raw as { message?: string }).message === message.id);
      if (!request) throw new Error(`no request was made for message ${message.id}`);
      return request;
    },
    render(reply) {
      const embeds = renderReply(reply);
      return {
        text: visibleText(embeds),
        problems: messageProblems({ embeds, components: answerButtons(reply) }),
      };
    },
  },
  shippedEngine,
);
