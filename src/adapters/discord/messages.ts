/** Everything Parley says on Discord that the core does not: one place, so tests assert on the same text. */
export const discordMessages = {
  talksDescription: "Ask Parley about the 2025 US–China trade talks",
  moderatorDescription: "Parley commands for server moderators",
  sources: "Sources",
  sourcesContinued: "Sources (continued)",
  moreSources: (hidden: number) =>
    `…and ${hidden} more source${hidden === 1 ? "" : "s"} (see /talks sources).`,
  moreItems: (hidden: number) => `…and ${hidden} more. Narrow it down to see them.`,
  youCouldAsk: "You could ask:",
  /** Starts the footer line that carries the question, so a button can ask it again after a restart. */
  asked: "Asked: ",
  sourcesButton: "Sources",
  helpfulEmoji: "👍",
  unhelpfulEmoji: "👎",
  thanksForFeedback: "Thanks for the feedback",
  questionNotFound: "I can't tell which question this button belongs to any more. Please ask it again.",
  noSources: "That answer has no sources to list.",
  restarting: "Parley is restarting. Please ask again in a moment.",
  noToken: "DISCORD_TOKEN is not set, so Parley cannot connect to Discord.",
  tokenRejected:
    "DISCORD_TOKEN was rejected by Discord. Copy a fresh token from the Developer Portal (Bot → Reset Token) into DISCORD_TOKEN.",
  disallowedIntents:
    "Discord refused the gateway intents Parley asks for. Enable them in the Developer Portal (Bot → Privileged Gateway Intents).",
  cannotConnect: (detail: string) => `Could not connect to Discord: ${detail}`,
} as const;
