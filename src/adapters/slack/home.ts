import type { types } from "@slack/bolt";
import { formatDate, isoDay } from "../../core/dates.ts";
import { deadlineStatus, deadlinesByRelevance, describeEvent, eventsInOrder } from "../../core/describe.ts";
import type { Engine } from "../../core/engine.ts";
import { DEFAULT_SUGGESTIONS } from "../../core/messages.ts";
import { LIMITS } from "./limits.ts";
import { slackMessages } from "./messages.ts";
import { escapeWithin } from "./mrkdwn.ts";

const UPCOMING = 5;
const RECENT = 3;
const EVENTS = 5;

function header(text: string): types.HeaderBlock {
  return { type: "header", text: { type: "plain_text", text, emoji: true } };
}

function list(lines: string[]): types.SectionBlock {
  const room = Math.floor(LIMITS.sectionText / Math.max(1, lines.length)) - 3;
  return {
    type: "section",
    text: { type: "mrkdwn", text: lines.map((l) => `• ${escapeWithin(l, room)}`).join("\n") },
  };
}

/**
 * The App Home tab, built from the live knowledge each time it is opened: what is due next, what just
 * passed, the latest events, questions to try and how current the knowledge is.
 */
export function homeView(engine: Engine, now: Date): types.HomeView {
  const kb = engine.kb;
  const today = isoDay(now);
  const current = deadlinesByRelevance(kb, now).filter((d) => !d.superseded_by);
  const upcoming = current.filter((d) => d.due >= today).slice(0, UPCOMING);
  const recent = current.filter((d) => d.due < today).slice(0, RECENT);
  const describe = (d: (typeof upcoming)[number]) =>
    `${formatDate(d.due)} — ${d.what} (${deadlineStatus(kb, d, now)})`;
  const events = eventsInOrder(kb, undefined, today)
    .filter((e) => e.kind !== "session")
    .slice(-EVENTS)
    .reverse();
  const asOf = engine.index.asOf
    ? slackMessages.home.asOf(formatDate(engine.index.asOf))
    : slackMessages.home.noKnowledgeDate;

  const blocks: types.KnownBlock[] = [
    header(slackMessages.home.title),
    { type: "section", text: { type: "mrkdwn", text: escapeWithin(slackMessages.home.intro, 3000) } },
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: `*${escapeWithin(asOf, 200)}*` },
        { type: "mrkdwn", text: escapeWithin(slackMessages.home.updated(formatDate(today)), 200) },
      ],
    },
    { type: "divider" },
    header(slackMessages.home.upcoming),
    upcoming.length
      ? list(upcoming.map(describe))
      : { type: "section", text: { type: "mrkdwn", text: slackMessages.home.noUpcoming } },
  ];
  if (recent.length) blocks.push(header(slackMessages.home.recent), list(recent.map(describe)));
  if (events.length) blocks.push(header(slackMessages.home.events), list(events.map(describeEvent)));
  blocks.push({ type: "divider" }, header(slackMessages.home.examples), list([...DEFAULT_SUGGESTIONS]), {
    type: "section",
    text: { type: "mrkdwn", text: slackMessages.usage },
  });
  return { type: "home", blocks };
}
