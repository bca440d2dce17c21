import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { describeError } from "../bolt-logger.ts";
import type { SlackDeps } from "../deps.ts";
import { homeView } from "../home.ts";

/** Opening the Home tab publishes a fresh view; publishing twice is harmless, so retries need no care. */
export function onHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    const context = { surface: "home", team: body.team_id, user: event.user };
    try {
      await deps.track(
        client.views.publish({ user_id: event.user, view: homeView(deps.engine(), new Date()) }),
      );
    } catch (error) {
      deps.logger.error({ ...context, err: describeError(error) }, "slack: publishing the Home tab failed");
    }
  };
}
