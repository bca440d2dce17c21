import type { webApi } from "@slack/bolt";
import type { Surface } from "../deliver.ts";
import type { SlackMessage } from "../limits.ts";

export interface MessagePlace {
  channel: string;
  user: string;
  /** The thread to answer in; absent for a top-level DM answer. */
  threadTs?: string;
}

/**
 * Answers a message where it was written. A reply the core keeps private goes to the asker alone
 * (chat.postEphemeral), even in a thread everyone reads.
 */
export function messageSurface(
  client: webApi.WebClient,
  place: MessagePlace,
  context: Record<string, unknown>,
): Surface {
  const thread = place.threadTs ? { thread_ts: place.threadTs } : {};
  return {
    context,
    post: async (message: SlackMessage, visible: boolean) => {
      const content = { text: message.text, ...(message.blocks.length ? { blocks: message.blocks } : {}) };
      if (visible || place.channel.startsWith("D")) {
        await client.chat.postMessage({
          channel: place.channel,
          ...thread,
          ...content,
          unfurl_links: false,
          unfurl_media: false,
        });
      } else {
        await client.chat.postEphemeral({ channel: place.channel, user: place.user, ...thread, ...content });
      }
    },
  };
}
