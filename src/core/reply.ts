import type { Answer, Citation, SupportingQuote } from "./answer.ts";

/** One line of a list reply (a deadline, an event, a source), with the citations that back it. */
export interface ReplyItem {
  text: string;
  /** 1-based indexes into the reply's citations. */
  citations: number[];
}

export interface ReplyField {
  name: string;
  value: string;
}

/**
 * What every command returns: structured, never pre-formatted for one platform. Each adapter
 * renders it in its own dialect and within its own size limits.
 */
export interface Reply {
  kind: "answer" | "refusal" | "list" | "info" | "invalid" | "error" | "rate-limited" | "forbidden";
  title: string | null;
  /** Plain text, no markup: the direct answer or the reply's message. */
  body: string;
  quote: SupportingQuote | null;
  items: ReplyItem[];
  fields: ReplyField[];
  citations: Citation[];
  suggestions: string[];
  /** A short line for the foot of the reply, such as "Sources dated up to 15 Sep 2025". */
  footer: string | null;
  /** Shown only to the asker where the platform allows it. */
  private: boolean;
  /** The engine's answer when the reply came from a question (feedback buttons refer to it). */
  answer: Answer | null;
}

export function reply(kind: Reply["kind"], body: string, extra: Partial<Reply> = {}): Reply {
  return {
    kind,
    title: null,
    body,
    quote: null,
    items: [],
    fields: [],
    citations: [],
    suggestions: [],
    footer: null,
    private: kind !== "answer" && kind !== "list" && kind !== "info",
    answer: null,
    ...extra,
  };
}
