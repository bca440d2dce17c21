import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { normalize } from "../core/text.ts";
import { MIGRATIONS } from "./migrations.ts";

export interface QuestionRecord {
  question: string;
  platform: string;
  userId: string;
  entries?: readonly string[];
  at?: Date;
}

export interface FeedbackRecord extends QuestionRecord {
  vote: "up" | "down";
  answer?: string;
}

export interface UnansweredRow {
  question: string;
  normalized: string;
  askedAt: string;
  platform: string;
  asker: string;
}

export interface FeedbackRow {
  question: string;
  answer: string;
  vote: 1 | -1;
  givenAt: string;
  platform: string;
  entries: string[];
}

const MAX_QUESTION = 500;

/**
 * Parley's own records: questions it could not answer and what people thought of its answers.
 * Who asked is kept only as a salted hash, enough to count distinct askers. Every write is
 * committed before it returns (WAL, synchronous=FULL), so nothing acknowledged is lost to a crash.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly salt: string;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.migrate();
    this.salt = this.saltValue();
  }

  /** Opens (and creates on first start) the database in a data directory. */
  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    return new Store(join(dataDir, "parley.db"));
  }

  get schemaVersion(): number {
    return Number(this.db.pragma("user_version", { simple: true }));
  }

  recordUnanswered(r: QuestionRecord): void {
    const question = r.question.trim().slice(0, MAX_QUESTION);
    if (!question) return;
    this.db
      .prepare(
        "INSERT INTO unanswered (question, normalized, asked_at, platform, asker, entries) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        question,
        normalize(question),
        (r.at ?? new Date()).toISOString(),
        r.platform,
        this.asker(r.platform, r.userId),
        JSON.stringify(r.entries ?? []),
      );
  }

  recordFeedback(r: FeedbackRecord): void {
    const question = r.question.trim().slice(0, MAX_QUESTION);
    this.db
      .prepare(
        "INSERT INTO feedback (question, normalized, vote, answer, entries, given_at, platform, asker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        question,
        normalize(question),
        r.vote === "up" ? 1 : -1,
        (r.answer ?? "").slice(0, 2000),
        JSON.stringify(r.entries ?? []),
        (r.at ?? new Date()).toISOString(),
        r.platform,
        this.asker(r.platform, r.userId),
      );
  }

  unansweredSince(since: Date): UnansweredRow[] {
    return this.db
      .prepare(
        "SELECT question, normalized, asked_at AS askedAt, platform, asker FROM unanswered WHERE asked_at >= ? ORDER BY asked_at DESC",
      )
      .all(since.toISOString()) as UnansweredRow[];
  }

  feedbackSince(since: Date, vote?: 1 | -1): FeedbackRow[] {
    const rows = this.db
      .prepare(
        `SELECT question, answer, vote, given_at AS givenAt, platform, entries FROM feedback WHERE given_at >= ?${vote ? " AND vote = ?" : ""} ORDER BY given_at DESC`,
      )
      .all(...(vote ? [since.toISOString(), vote] : [since.toISOString()])) as (Omit<
      FeedbackRow,
      "entries"
    > & { entries: string })[];
    return rows.map((r) => ({ ...r, entries: JSON.parse(r.entries) as string[] }));
  }

  close(): void {
    this.db.close();
  }

  private asker(platform: string, userId: string): string {
    return createHash("sha256").update(`${this.salt}:${platform}:${userId}`).digest("hex").slice(0, 16);
  }

  private migrate(): void {
    const version = this.schemaVersion;
    for (let v = version; v < MIGRATIONS.length; v++) {
      const apply = this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] ?? "");
        this.db.pragma(`user_version = ${v + 1}`);
      });
      apply();
    }
  }

  private saltValue(): string {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as
      | { value: string }
      | undefined;
    if (row) return row.value;
    const salt = randomBytes(16).toString("hex");
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('salt', ?)").run(salt);
    return salt;
  }
}
