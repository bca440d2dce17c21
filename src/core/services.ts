/**
 * What moderator commands need beyond the engine: the live knowledge and Parley's own records.
 * Defined here as interfaces so the commands stay platform- and storage-neutral.
 */

export interface ReloadReport {
  ok: boolean;
  changed: boolean;
  version: string;
  problems: {
    file: string;
    line: number;
    column: number;
    message: string;
    id: string | null;
    path: string;
    kind?: string;
  }[];
  at: Date;
}

export interface KnowledgeReport {
  version: string;
  counts: Record<string, number>;
  loadedAt: Date;
  lastReload: ReloadReport | null;
  startedAt: Date;
}

export interface GapReport {
  question: string;
  count: number;
  askers: number;
  last: string;
  variants: string[];
}

export interface DislikeReport {
  question: string;
  dislikes: number;
  likes: number;
  answer: string;
  last: string;
}

export interface FeedbackInput {
  question: string;
  vote: "up" | "down";
  answer?: string;
  entries?: readonly string[];
  platform: string;
  userId: string;
}

export interface Services {
  reload?: () => Promise<ReloadReport>;
  knowledgeStatus?: () => KnowledgeReport;
  gaps?: (sinceDays: number) => GapReport[];
  dislikes?: (sinceDays: number) => DislikeReport[];
  recordUnanswered?: (question: string, platform: string, userId: string, entries: readonly string[]) => void;
  recordFeedback?: (input: FeedbackInput) => void;
}
