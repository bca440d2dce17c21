import { type ButtonInteraction, MessageFlags } from "discord.js";
import { type Reply, reply } from "../../core/reply.ts";
import { askedQuestion, BUTTON_IDS } from "./buttons.ts";
import type { DiscordContext } from "./context.ts";
import { discordMessages } from "./messages.ts";
import { buttonRequest } from "./request.ts";
import { deliver, NO_MENTIONS } from "./respond.ts";

/** The full citations of an answer, asked again; anything but an answer (a rate limit, say) as it is. */
function sourcesOf(answer: Reply): Reply {
  if (answer.kind !== "answer") return answer;
  if (answer.citations.length === 0) return reply("info", discordMessages.noSources);
  return reply("info", "", {
    title: discordMessages.sources,
    citations: answer.citations,
    footer: answer.footer,
  });
}

async function answerSources(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const question = askedQuestion(interaction.message.embeds.map((e) => e.data));
  if (!question) {
    await interaction.reply({
      content: discordMessages.questionNotFound,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const pending = ctx.dispatch(buttonRequest(interaction, question)).then(sourcesOf);
  await deliver(interaction, pending, true);
}

/** Sources and 👍/👎 under an answer. A vote is recorded with the question (from the answer itself). */
export async function answerButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const id = interaction.customId;
  if (id === BUTTON_IDS.sources) return answerSources(interaction, ctx);
  if (id === BUTTON_IDS.helpful || id === BUTTON_IDS.unhelpful) {
    const vote = id === BUTTON_IDS.helpful ? "up" : "down";
    const embeds = interaction.message.embeds.map((e) => e.data);
    const question = askedQuestion(embeds);
    ctx.logger.info({ feedback: vote, message: interaction.message.id }, "answer feedback");
    if (question) {
      ctx.services.recordFeedback?.({
        question,
        vote,
        answer: embeds[0]?.description ?? "",
        platform: "discord",
        userId: interaction.user.id,
      });
    }
    await interaction.reply({
      content: discordMessages.thanksForFeedback,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  ctx.logger.warn({ customId: id.slice(0, 100), interaction: interaction.id }, "unknown button");
  await interaction.reply({
    content: discordMessages.questionNotFound,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
