/**
 * The database schema, one migration per version, applied in order and never edited once shipped:
 * a new need gets a new migration.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: unanswered questions and feedback on answers, with a salt for hashing who asked
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    platform TEXT NOT NULL,
    asker TEXT NOT NULL,
    entries TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX unanswered_asked_at ON unanswered (asked_at);
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    answer TEXT NOT NULL DEFAULT '',
    entries TEXT NOT NULL DEFAULT '[]',
    given_at TEXT NOT NULL,
    platform TEXT NOT NULL,
    asker TEXT NOT NULL
  );
  CREATE INDEX feedback_given_at ON feedback (given_at);
  `,
];
