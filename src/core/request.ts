export type Platform = "terminal" | "discord" | "slack";

/** What a user asked for, the same whichever platform it came from. */
export interface ParleyRequest {
  platform: Platform;
  user: { id: string; name?: string };
  channel: { id: string; kind: "dm" | "channel" | "thread" | "terminal" };
  /** A shared command's name: ask, deadlines, quote, who, timeline, sources, help, … */
  command: string;
  args: Record<string, string | number | boolean>;
  /** Whether the platform says this user may run moderator commands. */
  moderator: boolean;
  /** The platform's own event: the one escape hatch, for logging. */
  raw?: unknown;
}
