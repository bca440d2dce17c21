import { describe, expect, it } from "vitest";
import { loadKnowledgeFiles } from "../../src/knowledge/load.ts";

const sources = `sources:
  - id: report
    title: A report
    published: 2025-09-15
    kind: news-report
`;

describe("one mistake is reported once", () => {
  it("does not call an entry unknown just because the entry itself is invalid", () => {
    const people = `people:
  - id: scott-bessent
    name: Scott Bessent
    speeker: oops
`;
    const quotes = `quotes:
  - id: q1
    text: Hello.
    speaker: scott-bessent
    date: 2025-09-15
    cite: [report ¶1]
`;
    const result = loadKnowledgeFiles([
      { path: "knowledge/sources.yaml", text: sources },
      { path: "knowledge/people.yaml", text: people },
      { path: "knowledge/quotes.yaml", text: quotes },
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.path}`)).toEqual([
      "knowledge/people.yaml:4 speeker",
    ]);
  });

  it("treats a file of nothing but comments as empty", () => {
    const result = loadKnowledgeFiles([
      { path: "knowledge/sources.yaml", text: sources },
      { path: "knowledge/notes.yaml", text: "# to do\n# later\n" },
    ]);
    expect(result.problems).toMatchObject([
      { file: "knowledge/notes.yaml", line: 1, message: expect.stringContaining("empty") },
    ]);
  });
});
