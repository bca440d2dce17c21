import { messages } from "../../core/messages.ts";
import { reply as makeReply, type Reply } from "../../core/reply.ts";
import type { ParleyRequest } from "../../core/request.ts";
import { describeError } from "./bolt-logger.ts";
import type { SlackDeps } from "./deps.ts";
import type { SlackMessage } from "./limits.ts";
import type { Outgoing } from "./present.ts";
import { renderPlainText } from "./render-citations.ts";

/** Where an answer goes: a response_url, a thread, a DM. */
export interface Surface {
  /** For log lines: which listener, who, where. Never text that could hold a token. */
  context: Record<string, unknown>;
  post(message: SlackMessage, visible: boolean): Promise<void>;
}

/**
 * The one path from a reply to the user. Whatever fails — the command, the renderer, Slack refusing the
 * blocks — the user still hears something: the reply as plain text, and failing that a polite apology.
 * Every failure is logged with its context.
 */
export async function deliver(
  deps: SlackDeps,
  surface: Surface,
  request: ParleyRequest,
  present: (reply: Reply) => Outgoing,
): Promise<void> {
  const started = Date.now();
  let reply: Reply;
  try {
    reply = await deps.dispatch({ ...request, moderator: await deps.isModerator(request.user.id) });
  } catch (error) {
    deps.logger.error({ ...surface.context, err: describeError(error) }, "slack: answering failed");
    reply = makeReply("error", messages.genericError);
  }
  let visible = false;
  const attempts: (() => Outgoing)[] = [
    () => present(reply),
    // Slack refused the blocks: the same reply as text, seen by whoever would have seen it.
    () => ({ message: renderPlainText(reply), visible }),
    () => ({ message: { text: messages.genericError, blocks: [] }, visible: false }),
  ];
  for (const [i, attempt] of attempts.entries()) {
    try {
      const outgoing = attempt();
      visible = outgoing.visible;
      await surface.post(outgoing.message, visible);
      deps.logger.info(
        { ...surface.context, kind: reply.kind, visible, fallback: i > 0, ms: Date.now() - started },
        "slack: answered",
      );
      return;
    } catch (error) {
      deps.logger.error(
        { ...surface.context, attempt: i, err: describeError(error) },
        "slack: sending failed",
      );
    }
  }
}
