import type { App } from "@slack/bolt";
import { ACTION } from "../buttons.ts";
import type { SlackDeps } from "../deps.ts";
import { onFeedback, onShare, onSources } from "./actions.ts";
import { onTalksCommand } from "./command.ts";
import { onDirectMessage } from "./dm.ts";
import { onHomeOpened } from "./home.ts";
import { onMention } from "./mention.ts";

/** Every Slack entry point Parley answers; the manifest in slack/manifest.yaml subscribes to the same. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command("/talks", onTalksCommand(deps));
  app.event("app_mention", onMention(deps));
  app.event("message", onDirectMessage(deps));
  app.event("app_home_opened", onHomeOpened(deps));
  app.action(ACTION.share, onShare(deps));
  app.action(ACTION.sources, onSources(deps));
  app.action(ACTION.helpful, onFeedback(deps, true));
  app.action(ACTION.unhelpful, onFeedback(deps, false));
}
