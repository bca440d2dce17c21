/** Every sentence Parley says on its own behalf, in one place so that tests assert on the same text. */

export const MAX_QUESTION_LENGTH = 500;

export const messages = {
  emptyQuestion:
    "Ask me something about the 2025 US–China trade talks — for example, “When is the TikTok deadline?”",
  tooLong: (length: number) =>
    `That question is ${length} characters long; please keep it under ${MAX_QUESTION_LENGTH} and ask one thing at a time.`,
  notInSources: "I don't have that in my sources.",
  noQuotesFrom: (name: string) => `I don't have any words of ${name}'s in my sources.`,
  offTopic:
    "I only know about the 2025–2026 US–China economic and trade talks, so I don't have that in my sources.",
  tryInstead: "You could ask:",
  speculation: "I can only tell you what my sources report about the US–China talks, not predict or advise.",
  disputed: "Sources disagree:",
  asOf: (date: string) => `As of ${date}`,
  genericError: "Sorry — something went wrong on my side while answering. Please try again in a moment.",
  rateLimited: (seconds: number) =>
    `You're asking faster than I can answer well. Please wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
  notModerator: "Only moderators can do that.",
} as const;

export const DEFAULT_SUGGESTIONS = [
  "When is the TikTok divestment deadline?",
  "Who is He Lifeng?",
  "Where were the Madrid talks held?",
] as const;
