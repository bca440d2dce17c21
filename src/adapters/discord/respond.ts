import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";
import type { Reply } from "../../core/reply.ts";
import { answerButtons } from "./buttons.ts";
import { renderReply } from "./render.ts";

/** Discord wants an acknowledgement within 3 s; answers quicker than this are sent at once, without a "thinking…" step. */
const DEFER_AFTER_MS = 1500;
/** Deferring this long after the interaction was created still leaves time for the round trip. */
const LATEST_DEFER_MS = 2300;

export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

/** A reply as a Discord message: embeds, the buttons under an answer, and nobody pinged. */
export function replyMessage(reply: Reply) {
  return { embeds: renderReply(reply), components: answerButtons(reply), allowedMentions: NO_MENTIONS };
}

const ephemeral = { flags: MessageFlags.Ephemeral } as const;

export function ephemeralMessage(reply: Reply): InteractionReplyOptions {
  return { ...replyMessage(reply), ...ephemeral };
}

async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a reply that may take a while. A quick reply is sent directly, so its visibility follows the
 * reply (refusals and errors only to the asker). A slow one is deferred first — privately when the
 * asker wanted privacy — and if it then turns out private after a public "thinking…", that message
 * is deleted and the reply goes to the asker alone.
 */
export async function deliver(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  pending: Promise<Reply>,
  wantsPrivate: boolean,
): Promise<void> {
  // Awaited below in every path; this only stops an early rejection being reported as unhandled.
  pending.catch(() => {});
  const age = Date.now() - interaction.createdTimestamp;
  const quick = await within(pending, Math.max(0, Math.min(DEFER_AFTER_MS, LATEST_DEFER_MS - age)));
  if (quick) {
    const reply = quick.value;
    await interaction.reply(reply.private || wantsPrivate ? ephemeralMessage(reply) : replyMessage(reply));
    return;
  }
  await interaction.deferReply(wantsPrivate ? ephemeral : {});
  const reply = await pending;
  if (reply.private && !wantsPrivate) {
    await interaction.deleteReply();
    await interaction.followUp(ephemeralMessage(reply));
    return;
  }
  await interaction.editReply(replyMessage(reply));
}
