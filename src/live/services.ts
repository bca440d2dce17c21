import type { Services } from "../core/services.ts";
import { groupUnanswered, mostDisliked } from "../store/gaps.ts";
import type { Store } from "../store/store.ts";
import type { KnowledgeService } from "./knowledge-service.ts";

const DAY_MS = 86_400_000;

/** Connects the moderator commands and the feedback buttons to the live knowledge and the store. */
export function createServices(
  knowledge: KnowledgeService,
  store: Store,
  clock: () => Date = () => new Date(),
): Services {
  const since = (days: number) => new Date(clock().getTime() - days * DAY_MS);
  return {
    reload: () => knowledge.reload(),
    knowledgeStatus: () => knowledge.status(),
    gaps: (days) => groupUnanswered(store.unansweredSince(since(days))),
    dislikes: (days) => mostDisliked(store.feedbackSince(since(days))),
    recordUnanswered: (question, platform, userId, entries) =>
      store.recordUnanswered({ question, platform, userId, entries }),
    recordFeedback: (input) => store.recordFeedback(input),
  };
}
