import type { webApi } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { describeError } from "./bolt-logger.ts";
import { LIMITS } from "./limits.ts";
import { escapeWithin } from "./mrkdwn.ts";

/** Channel membership changes rarely; asking Slack once every few minutes is plenty. */
const MEMBERS_TTL_MS = 5 * 60_000;
const MAX_PAGES = 20;

export type ModeratorCheck = (userId: string) => Promise<boolean>;

/**
 * Who may run moderator commands on Slack: the users in SLACK_MODERATOR_IDS, and the members of
 * SLACK_MODERATOR_CHANNEL_ID (read with conversations.members, hence the channels:read and groups:read
 * scopes). If Slack won't list the members, only the listed ids count, and the log says why.
 */
export function moderatorCheck(config: Config, client: webApi.WebClient, logger: Logger): ModeratorCheck {
  const ids = new Set(config.SLACK_MODERATOR_IDS);
  const channel = config.SLACK_MODERATOR_CHANNEL_ID;
  let members: { ids: Set<string>; until: number } | undefined;
  let loading: Promise<Set<string>> | undefined;

  async function load(channelId: string): Promise<Set<string>> {
    const found = new Set<string>();
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const res = await client.conversations.members({ channel: channelId, limit: 1000, cursor });
        for (const id of res.members ?? []) found.add(id);
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } catch (error) {
      logger.warn(
        { channel: channelId, err: describeError(error) },
        "slack: could not list the moderator channel's members; only SLACK_MODERATOR_IDS are moderators",
      );
    }
    members = { ids: found, until: Date.now() + MEMBERS_TTL_MS };
    return found;
  }

  return async (userId) => {
    if (ids.has(userId)) return true;
    if (!channel) return false;
    if (members && members.until > Date.now()) return members.ids.has(userId);
    loading ??= load(channel).finally(() => {
      loading = undefined;
    });
    return (await loading).has(userId);
  };
}

/** Posts a notice (a reload's result) in the moderator channel; does nothing when none is configured. */
export function moderatorNotifier(config: Config, client: webApi.WebClient) {
  return async (text: string): Promise<void> => {
    const channel = config.SLACK_MODERATOR_CHANNEL_ID;
    if (!channel) return;
    await client.chat.postMessage({
      channel,
      text: escapeWithin(text, LIMITS.messageText),
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
