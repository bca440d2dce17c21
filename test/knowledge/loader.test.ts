/**
 * The knowledge loader: every kind of problem a moderator can make is reported with its exact file, line,
 * column, entry id, field path and message, all of them in one run; good knowledge loads into a frozen,
 * typed knowledge base.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type KnowledgeFile,
  type LoadResult,
  loadKnowledgeDir,
  loadKnowledgeFiles,
} from "../../src/knowledge/load.ts";
import { formatProblem, type Problem } from "../../src/knowledge/problems.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";

const SHIPPED = fileURLToPath(new URL("../../knowledge/", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/kb-small/", import.meta.url));

/** Joins lines into a file's text, so that line N of a test file is the N-th argument. */
const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;

/** A valid file the broken files below refer to: one source, two people, one topic. */
const BASE: KnowledgeFile = {
  path: "knowledge/base.yaml",
  text: yaml(
    "sources:", // 1
    "  - id: madrid-talks-report", // 2
    "    title: News report on the Madrid talks", // 3
    "    published: 2025-09-15", // 4
    "    kind: news-report", // 5
    "people:", // 6
    "  - id: jamieson-greer", // 7
    "    name: Jamieson Greer", // 8
    "  - id: scott-bessent", // 9
    "    name: Scott Bessent", // 10
    "topics:", // 11
    "  - id: tiktok", // 12
    "    name: TikTok", // 13
  ),
};

function problemsOf(result: LoadResult): Problem[] {
  if (result.ok) throw new Error("expected the knowledge to be rejected, but it loaded");
  return result.problems;
}

function kbOf(result: LoadResult): KnowledgeBase {
  if (!result.ok)
    throw new Error(`expected clean knowledge, got:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.kb;
}

/** Loads BASE plus the given file and returns the problems. */
function problemsWith(path: string, text: string): Problem[] {
  return problemsOf(loadKnowledgeFiles([BASE, { path, text }]));
}

const KINDS_LIST = "sources, people, topics, events, facts, quotes, deadlines";
const NOT_KNOWLEDGE = `not a knowledge file: expected a mapping with keys such as ${KINDS_LIST}`;

describe("loadKnowledgeFiles: problems are located exactly", () => {
  it("accepts a small valid set of files", () => {
    const kb = kbOf(loadKnowledgeFiles([BASE]));
    expect(kb.sources.map((s) => s.id)).toEqual(["madrid-talks-report"]);
    expect(kb.people.map((p) => p.id)).toEqual(["jamieson-greer", "scott-bessent"]);
    expect(kb.sources[0]?.publisher).toBe("unknown"); // the default when the page does not say
  });

  it("reports a YAML syntax error at the line and column of the value it cannot read", () => {
    const problems = problemsWith(
      "knowledge/quotes.yaml",
      yaml(
        "quotes:", // 1
        "  - id: greer-grind", // 2
        "    text: Greer said: we still have to grind", // 3
        "    speaker: jamieson-greer", // 4
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/quotes.yaml",
        line: 3,
        column: 11,
        id: null,
        path: "",
        message: "YAML syntax error: Nested mappings are not allowed in compact mappings",
      },
    ]);
  });

  it("reports an unclosed quote at the opening quote, not at the end of the file", () => {
    const problems = problemsWith(
      "knowledge/facts/madrid.yaml",
      yaml(
        "facts:", // 1
        "  - id: madrid-fourth-round", // 2
        '    text: "The Madrid talks were the fourth round', // 3
        "    date: 2025-09-15", // 4
        "    cite: [madrid-talks-report ¶3]", // 5
        "  - id: madrid-venue", // 6
        "    text: The talks were held at the Palacio de Santa Cruz.", // 7
        "    date: 2025-09-14", // 8
        "    cite: [madrid-talks-report ¶5]", // 9
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/facts/madrid.yaml",
        line: 3,
        column: 11,
        id: null,
        path: "",
        message: 'YAML syntax error: Missing closing "quote',
      },
    ]);
  });

  it("reports an unclosed bracket at the opening bracket", () => {
    const problems = problemsWith(
      "knowledge/quotes.yaml",
      yaml(
        "quotes:", // 1
        "  - id: greer-grind", // 2
        "    text: We still have to grind through negotiations", // 3
        "    about: [tiktok, madrid-talks", // 4
        "    speaker: jamieson-greer", // 5
      ),
    );
    expect(problems.map((p) => [p.line, p.column])).toContainEqual([4, 12]);
    expect(
      problems.every((p) => p.file === "knowledge/quotes.yaml" && p.message.startsWith("YAML syntax error")),
    ).toBe(true);
  });

  it("names a misspelled field and suggests the right one (speeker → speaker)", () => {
    const problems = problemsWith(
      "knowledge/quotes.yaml",
      yaml(
        "quotes:", // 1
        "  - id: greer-grind", // 2
        "    text: We still have to grind through negotiations", // 3
        "    speeker: jamieson-greer", // 4
        "    date: 2025-09-15", // 5
        "    cite: [madrid-talks-report ¶6]", // 6
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/quotes.yaml",
        line: 2,
        column: 5,
        id: "greer-grind",
        path: "speaker",
        message: "is required but missing",
        kind: "quote",
      },
      {
        file: "knowledge/quotes.yaml",
        line: 4,
        column: 5,
        id: "greer-grind",
        path: "speeker",
        message: 'unknown field (did you mean "speaker"?)',
        kind: "quote",
      },
    ]);
    expect(formatProblem(problems[1] as Problem)).toBe(
      'knowledge/quotes.yaml:4:5 quote "greer-grind" field speeker: unknown field (did you mean "speaker"?)',
    );
  });

  it("reports a missing required field at the start of its entry", () => {
    const problems = problemsWith(
      "knowledge/facts/madrid.yaml",
      yaml(
        "facts:", // 1
        "  - id: madrid-fourth-round", // 2
        "    text: The Madrid talks were the fourth round in four months.", // 3
        "    cite: [madrid-talks-report ¶3]", // 4
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/facts/madrid.yaml",
        line: 2,
        column: 5,
        id: "madrid-fourth-round",
        path: "date",
        message: "is required but missing",
        kind: "fact",
      },
    ]);
  });

  it("reports a missing citation list and an empty one", () => {
    const problems = problemsWith(
      "knowledge/facts/madrid.yaml",
      yaml(
        "facts:", // 1
        "  - id: no-cite", // 2
        "    text: A fact with no citation.", // 3
        "    date: 2025-09-15", // 4
        "  - id: empty-cite", // 5
        "    text: A fact with an empty citation list.", // 6
        "    date: 2025-09-15", // 7
        "    cite: []", // 8
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/facts/madrid.yaml",
        line: 2,
        column: 5,
        id: "no-cite",
        path: "cite",
        message: "is required but missing",
        kind: "fact",
      },
      {
        file: "knowledge/facts/madrid.yaml",
        line: 8,
        column: 11,
        id: "empty-cite",
        path: "cite",
        message: "needs at least one citation (a source id, e.g. 'madrid-talks-report ¶6')",
        kind: "fact",
      },
    ]);
  });

  it("rejects malformed and impossible dates, naming what is wrong with each", () => {
    const problems = problemsWith(
      "knowledge/facts/dates.yaml",
      yaml(
        "facts:", // 1
        "  - id: bad-month", // 2
        "    text: A date with a thirteenth month.", // 3
        "    date: 2025-13-01", // 4
        "    cite: [madrid-talks-report]", // 5
        "  - id: words-date", // 6
        "    text: A date written in words.", // 7
        "    date: Sept 17", // 8
        "    cite: [madrid-talks-report]", // 9
        "  - id: impossible-day", // 10
        "    text: A day that February never has.", // 11
        "    date: 2025-02-30", // 12
        "    cite: [madrid-talks-report]", // 13
        "  - id: leap-day", // 14
        "    text: February 29 exists in leap years.", // 15
        "    date: 2024-02-29", // 16
        "    until: 2025-07", // 17
        "    cite: [madrid-talks-report]", // 18
      ),
    );
    const at = (line: number, id: string, message: string): Problem => ({
      file: "knowledge/facts/dates.yaml",
      line,
      column: 11,
      id,
      path: "date",
      message,
      kind: "fact",
    });
    expect(problems).toEqual([
      at(4, "bad-month", '"2025-13-01" has no month 13'),
      at(
        8,
        "words-date",
        '"Sept 17" is not an ISO date (write 2025-09-17, or 2025-07 when only the month is known)',
      ),
      at(12, "impossible-day", '"2025-02-30" is not a real date (month 2 has 28 days)'),
    ]);
  });

  it("reports a dangling reference with the nearest id (jamison-greer → jamieson-greer)", () => {
    const problems = problemsWith(
      "knowledge/quotes.yaml",
      yaml(
        "quotes:", // 1
        "  - id: greer-grind", // 2
        "    text: We still have to grind through negotiations", // 3
        "    speaker: jamison-greer", // 4
        "    date: 2025-09-15", // 5
        "    about: [tiktok, jamison-greer]", // 6
        "    cite: [madrid-talks-report ¶6]", // 7
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/quotes.yaml",
        line: 4,
        column: 14,
        id: "greer-grind",
        path: "speaker",
        message: 'no person or organization with id "jamison-greer" (did you mean "jamieson-greer"?)',
        kind: "quote",
      },
      {
        file: "knowledge/quotes.yaml",
        line: 6,
        column: 21,
        id: "greer-grind",
        path: "about[1]",
        message: 'no entry with id "jamison-greer" (did you mean "jamieson-greer"?)',
        kind: "quote",
      },
    ]);
    expect(formatProblem(problems[0] as Problem)).toBe(
      'knowledge/quotes.yaml:4:14 quote "greer-grind" field speaker: no person or organization with id "jamison-greer" (did you mean "jamieson-greer"?)',
    );
  });

  it("reports a reference to an entry of the wrong kind", () => {
    const problems = problemsWith(
      "knowledge/quotes.yaml",
      yaml(
        "quotes:", // 1
        "  - id: tiktok-quote", // 2
        "    text: Words", // 3
        "    speaker: tiktok", // 4
        "    date: 2025-09-15", // 5
        "    cite: [madrid-talks-report]", // 6
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/quotes.yaml",
        line: 4,
        column: 14,
        id: "tiktok-quote",
        path: "speaker",
        message: '"tiktok" is a topic, not a person or organization',
        kind: "quote",
      },
    ]);
  });

  it("reports a duplicate id at BOTH places, each naming the other's file, line and column", () => {
    const problems = problemsOf(
      loadKnowledgeFiles([
        BASE,
        {
          path: "knowledge/events.yaml",
          text: yaml(
            "events:", // 1
            "  - id: madrid-talks", // 2
            "    title: Fourth round, Madrid", // 3
            "    kind: round", // 4
            "    start: 2025-09-14", // 5
            "    cite: [madrid-talks-report ¶3]", // 6
          ),
        },
        {
          path: "knowledge/facts/madrid.yaml",
          text: yaml(
            "facts:", // 1
            "  - id: madrid-fourth-round", // 2
            "    text: The Madrid talks were the fourth round.", // 3
            "    date: 2025-09-15", // 4
            "    cite: [madrid-talks-report ¶3]", // 5
            "  - id: madrid-talks", // 6
            "    text: A fact that reuses the event's id.", // 7
            "    date: 2025-09-15", // 8
            "    cite: [madrid-talks-report ¶3]", // 9
          ),
        },
      ]),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/events.yaml",
        line: 2,
        column: 9,
        id: "madrid-talks",
        path: "id",
        message: "duplicate id: also used by the fact at knowledge/facts/madrid.yaml:6:9",
        kind: "event",
      },
      {
        file: "knowledge/facts/madrid.yaml",
        line: 6,
        column: 9,
        id: "madrid-talks",
        path: "id",
        message: "duplicate id: also used by the event at knowledge/events.yaml:2:9",
        kind: "fact",
      },
    ]);
  });

  it("reports a duplicate id inside one file at both entries", () => {
    const problems = problemsWith(
      "knowledge/topics.yaml",
      yaml(
        "topics:", // 1
        "  - id: divestment", // 2
        "    name: TikTok divestment", // 3
        "  - id: divestment", // 4
        "    name: Sale of TikTok", // 5
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      'knowledge/topics.yaml:2:9 topic "divestment" field id: duplicate id: also used by the topic at knowledge/topics.yaml:4:9',
      'knowledge/topics.yaml:4:9 topic "divestment" field id: duplicate id: also used by the topic at knowledge/topics.yaml:2:9',
    ]);
  });

  it("reports a citation to an unknown source, in cite and in a deadline's history", () => {
    const problems = problemsWith(
      "knowledge/deadlines.yaml",
      yaml(
        "deadlines:", // 1
        "  - id: tiktok-divestment-2025-09-17", // 2
        "    what: ByteDance to sell TikTok's US operations", // 3
        "    due: 2025-09-17", // 4
        "    set_by: [scott-bessent]", // 5
        "    consequence: TikTok faces a shutdown in the United States.", // 6
        "    status: extended", // 7
        "    history:", // 8
        "      - date: 2025-09-16", // 9
        "        change: Extended by 90 days to December 16.", // 10
        "        cite: [bnonews-0916]", // 11
        "    cite: [madrid-talks-report ¶8, madrid-talk-report ¶6]", // 12
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/deadlines.yaml",
        line: 11,
        column: 16,
        id: "tiktok-divestment-2025-09-17",
        path: "history[0].cite[0]",
        message: 'cites an unknown source "bnonews-0916"',
        kind: "deadline",
      },
      {
        file: "knowledge/deadlines.yaml",
        line: 12,
        column: 36,
        id: "tiktok-divestment-2025-09-17",
        path: "cite[1]",
        message: 'cites an unknown source "madrid-talk-report" (did you mean "madrid-talks-report"?)',
        kind: "deadline",
      },
    ]);
  });

  it("reports an empty file instead of loading nothing from it", () => {
    const expected = (file: string): Problem => ({
      file,
      line: 1,
      column: 1,
      id: null,
      path: "",
      message: "the file is empty: add entries or delete it",
    });
    expect(problemsWith("knowledge/empty.yaml", "")).toEqual([expected("knowledge/empty.yaml")]);
    expect(problemsWith("knowledge/blank.yaml", "  \n\n\t\n")).toEqual([expected("knowledge/blank.yaml")]);
  });

  it("reports a PNG saved as .yaml as not a knowledge file, without crashing", () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
      0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
    ]).toString("utf8");
    expect(problemsWith("knowledge/logo.yaml", png)).toEqual([
      { file: "knowledge/logo.yaml", line: 1, column: 1, id: null, path: "", message: NOT_KNOWLEDGE },
    ]);
  });

  it("reports plain prose as not a knowledge file", () => {
    const prose = yaml(
      "The fourth round of talks was held in Madrid in September 2025.",
      "Both sides reached a framework on TikTok.",
    );
    expect(problemsWith("knowledge/notes.yaml", prose)).toEqual([
      { file: "knowledge/notes.yaml", line: 1, column: 1, id: null, path: "", message: NOT_KNOWLEDGE },
    ]);
  });

  it("reports prose that happens to contain colons as a YAML syntax error", () => {
    const prose = yaml(
      "Notes from Madrid", // 1
      "Outcome: a framework on TikTok: details to follow", // 2
    );
    const problems = problemsWith("knowledge/notes.yaml", prose);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).toMatchObject({ file: "knowledge/notes.yaml", id: null, path: "" });
      expect(p.message).toMatch(/^YAML syntax error: /);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
  });

  it("reports a top-level list (not a mapping of kinds) as not a knowledge file", () => {
    const problems = problemsWith("knowledge/list.yaml", yaml("- id: madrid-talks", "  title: Madrid"));
    expect(problems).toEqual([
      { file: "knowledge/list.yaml", line: 1, column: 1, id: null, path: "", message: NOT_KNOWLEDGE },
    ]);
  });

  it("reports an unknown kind key and suggests the right one (fact → facts)", () => {
    const problems = problemsWith(
      "knowledge/facts/madrid.yaml",
      yaml(
        "# Facts about Madrid", // 1
        "fact:", // 2
        "  - id: madrid-fourth-round", // 3
        "    text: The Madrid talks were the fourth round.", // 4
        "    date: 2025-09-15", // 5
        "    cite: [madrid-talks-report ¶3]", // 6
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/facts/madrid.yaml",
        line: 2,
        column: 1,
        id: null,
        path: "fact",
        message: `unknown kind "fact" (did you mean "facts"?); expected one of ${KINDS_LIST}`,
      },
    ]);
  });

  it("reports a kind whose value is not a list", () => {
    const problems = problemsWith("knowledge/topics.yaml", yaml("topics: tiktok"));
    expect(problems).toEqual([
      {
        file: "knowledge/topics.yaml",
        line: 1,
        column: 1,
        id: null,
        path: "topics",
        message: '"topics" must be a list of entries (each starting with "- id: ...")',
      },
    ]);
  });

  it("reports a list entry that is a scalar, and still checks the entries around it", () => {
    const problems = problemsWith(
      "knowledge/facts/madrid.yaml",
      yaml(
        "facts:", // 1
        "  - The Madrid talks were the fourth round.", // 2
        "  - id: madrid-venue", // 3
        "    text: The talks were held in Madrid.", // 4
        "    date: 2025-09-14", // 5
        "    cite: [madrid-talk-report]", // 6
      ),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/facts/madrid.yaml",
        line: 2,
        column: 5,
        id: null,
        path: "facts[0]",
        message: "each fact must be a mapping of fields",
      },
      {
        file: "knowledge/facts/madrid.yaml",
        line: 6,
        column: 12,
        id: "madrid-venue",
        path: "cite[0]",
        message: 'cites an unknown source "madrid-talk-report" (did you mean "madrid-talks-report"?)',
        kind: "fact",
      },
    ]);
  });

  it("reports an id that is not a lowercase slug", () => {
    const problems = problemsWith(
      "knowledge/topics.yaml",
      yaml("topics:", "  - id: Tariffs_2025", "    name: Tariffs"),
    );
    expect(problems).toEqual([
      {
        file: "knowledge/topics.yaml",
        line: 2,
        column: 9,
        id: "Tariffs_2025",
        path: "id",
        message: "must be a lowercase slug such as 'scott-bessent' (a-z, 0-9 and single hyphens)",
        kind: "topic",
      },
    ]);
  });

  it("reports aliases that expand without bound instead of throwing", () => {
    const bomb = ["      a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      bomb.push(`      ${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const text = yaml(
      "facts:", // 1
      "  - id: alias-bomb", // 2
      "    text: An entry that expands to a hundred million strings.", // 3
      "    date: 2025-09-15", // 4
      "    cite: [madrid-talks-report]", // 5
      "    note:", // 6
      ...bomb,
    );
    expect(problemsWith("knowledge/facts/bomb.yaml", text)).toEqual([
      {
        file: "knowledge/facts/bomb.yaml",
        line: 2,
        column: 5,
        id: "alias-bomb",
        path: "facts[0]",
        message: "cannot be read: Excessive alias count indicates a resource exhaustion attack",
        kind: "fact",
      },
    ]);
  });

  it("reports no files at all as a problem, not as an empty knowledge base", () => {
    expect(problemsOf(loadKnowledgeFiles([]))).toEqual([
      {
        file: "knowledge/",
        line: 1,
        column: 1,
        id: null,
        path: "",
        message: "no knowledge files (*.yaml) found",
      },
    ]);
  });
});

describe("loadKnowledgeFiles: every problem in one run", () => {
  it("reports the problems of several broken files together, sorted by file and line", () => {
    const files: KnowledgeFile[] = [
      BASE,
      { path: "knowledge/z-empty.yaml", text: "" },
      { path: "knowledge/a-syntax.yaml", text: yaml("facts:", "  - id: x", "    text: a: b") },
      {
        path: "knowledge/m-kind.yaml",
        text: yaml("topics:", "  - id: divestment", "    name: Divestment", "fact:", "  []"),
      },
      {
        path: "knowledge/quotes.yaml",
        text: yaml(
          "quotes:", // 1
          "  - id: greer-grind", // 2
          "    text: We still have to grind", // 3
          "    speaker: jamison-greer", // 4
          "    date: 2025-13-01", // 5
          "    cite: [madrid-talks-report]", // 6
          "  - id: bessent-highest-levels", // 7
          "    text: It's still very good at the highest levels", // 8
          "    speaker: scott-bessent", // 9
          "    date: 2025-09-15", // 10
          "    event: madrid-talk", // 11
          "    cite: [madrid-talks-report ¶2]", // 12
        ),
      },
      { path: "knowledge/prose.yaml", text: "Just a sentence.\n" },
    ];
    const problems = problemsOf(loadKnowledgeFiles(files));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.path}`)).toEqual([
      "knowledge/a-syntax.yaml:3:",
      "knowledge/m-kind.yaml:4:fact",
      "knowledge/prose.yaml:1:",
      "knowledge/quotes.yaml:5:date",
      "knowledge/quotes.yaml:11:event",
      "knowledge/z-empty.yaml:1:",
    ]);
    // The quote with the bad date never reached the cross-check, so its bad speaker is reported once it is fixed;
    // the other quote's bad event is reported in the same run as everything else.
    expect(problems[4]?.message).toBe('no event with id "madrid-talk"');
  });

  it("reports the same problems whatever order the files come in", () => {
    const broken: KnowledgeFile[] = [
      BASE,
      { path: "knowledge/b.yaml", text: yaml("topics:", "  - id: tiktok", "    name: TikTok again") },
      { path: "knowledge/a.yaml", text: yaml("fact:", "  []") },
    ];
    const forwards = problemsOf(loadKnowledgeFiles(broken));
    const backwards = problemsOf(loadKnowledgeFiles([...broken].reverse()));
    expect(backwards).toEqual(forwards);
    expect(forwards).toHaveLength(3);
  });
});

describe("loadKnowledgeDir: the shipped knowledge", async () => {
  const kb = kbOf(await loadKnowledgeDir(SHIPPED));

  it("loads clean", () => {
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("has the promised amount of knowledge", () => {
    expect(kb.facts.length).toBeGreaterThanOrEqual(140);
    expect(kb.quotes.length).toBeGreaterThanOrEqual(40);
    expect(kb.events.length).toBeGreaterThanOrEqual(15);
    expect(kb.deadlines.length).toBeGreaterThanOrEqual(10);
    expect(kb.people.length).toBeGreaterThanOrEqual(30);
    expect(kb.sources.length).toBeGreaterThanOrEqual(60);
  });

  it("cites every paragraph ¶1 to ¶11 of the founding report", () => {
    const cited = new Set<string>();
    const all = [...kb.people, ...kb.events, ...kb.facts, ...kb.quotes, ...kb.deadlines];
    for (const entry of all) {
      const citations = [...entry.cite];
      if ("history" in entry) for (const h of entry.history) citations.push(...h.cite);
      for (const c of citations) {
        const m = /^madrid-talks-report\s+¶(\d+)$/.exec(c);
        if (m?.[1]) cited.add(m[1]);
      }
    }
    const missing = Array.from({ length: 11 }, (_, i) => String(i + 1)).filter((n) => !cited.has(n));
    expect(missing).toEqual([]);
  });

  it("indexes every entry by its id", () => {
    const total =
      kb.sources.length +
      kb.people.length +
      kb.topics.length +
      kb.events.length +
      kb.facts.length +
      kb.quotes.length +
      kb.deadlines.length;
    expect(kb.byId.size).toBe(total);
    expect(kb.byId.get("madrid-talks-report")?.kind).toBe("sources");
    expect(kb.byId.get("scott-bessent")?.kind).toBe("people");
  });
});

describe("loadKnowledgeDir: the kb-small fixture", async () => {
  const kb = kbOf(await loadKnowledgeDir(FIXTURE));

  it("loads clean with a few entries of every kind", () => {
    expect({
      sources: kb.sources.length,
      people: kb.people.length,
      topics: kb.topics.length,
      events: kb.events.length,
      facts: kb.facts.length,
      quotes: kb.quotes.length,
      deadlines: kb.deadlines.length,
    }).toEqual({ sources: 3, people: 4, topics: 3, events: 3, facts: 5, quotes: 3, deadlines: 3 });
  });

  it("holds the shapes other tests rely on", () => {
    const person = (id: string) => kb.people.find((p) => p.id === id);
    expect(person("he-lifeng")?.aliases).toContain("何立峰");
    expect(kb.people.map((p) => p.kind).sort()).toEqual(["organization", "person", "person", "place"]);
    expect(kb.topics.find((t) => t.id === "divestment")?.synonyms).toContain("sale");
    expect(kb.events.find((e) => e.id === "madrid-talks-day-one")?.part_of).toBe("madrid-talks");
    expect(kb.facts.find((f) => f.id === "tiktok-deal-reached")?.disputes).toEqual(["tiktok-framework-only"]);
    expect(kb.facts.find((f) => f.id === "tiktok-framework-only")?.disputes).toEqual(["tiktok-deal-reached"]);
    expect(kb.quotes.filter((q) => q.attribution === "disputed").map((q) => q.id)).toEqual([
      "he-lifeng-mutual-respect",
    ]);
    expect(kb.deadlines.map((d) => [d.id, d.superseded_by])).toEqual([
      ["tiktok-divestment-2025-06-19", "tiktok-divestment-2025-09-17"],
      ["tiktok-divestment-2025-09-17", "tiktok-divestment-2025-12-16"],
      ["tiktok-divestment-2025-12-16", undefined],
    ]);
    expect(kb.deadlines.every((d) => d.history.length > 0)).toBe(true);
    expect(kb.facts.some((f) => f.cite.some((c) => /^madrid-talks-report ¶\d+$/.test(c)))).toBe(true);
  });
});

describe("the loaded knowledge base is deeply frozen", async () => {
  const kb = kbOf(await loadKnowledgeDir(FIXTURE));
  // Test files are ES modules, so they run in strict mode: writing to a frozen object throws a TypeError.
  // The message is checked too, so that a TypeError from reading a missing value cannot pass for one.
  const FROZEN = /read only|read-only|not extensible|Cannot delete/;
  const loose = (value: unknown) => value as Record<string, unknown>;
  function defined<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`the fixture has no ${what}`);
    return value;
  }

  it("cannot gain, lose or replace entries", () => {
    expect(() => (kb.facts as unknown[]).push({})).toThrow(FROZEN);
    expect(() => (kb.facts as unknown[]).pop()).toThrow(FROZEN);
    expect(() => {
      loose(kb).facts = [];
    }).toThrow(FROZEN);
    expect(() => {
      loose(kb).version = "tampered";
    }).toThrow(FROZEN);
    expect(() => {
      delete loose(kb).sources;
    }).toThrow(FROZEN);
    expect(kb.facts).toHaveLength(5);
  });

  it("cannot have an entry's fields or nested lists changed", () => {
    const fact = defined(kb.facts[0], "fact");
    const history = defined(kb.deadlines.find((d) => d.history.length > 0)?.history[0], "deadline history");
    const person = defined(kb.people[0], "person");
    expect(() => {
      loose(fact).text = "tampered";
    }).toThrow(FROZEN);
    expect(() => (fact.about as unknown[]).push("tampered")).toThrow(FROZEN);
    expect(() => (fact.cite as unknown[]).splice(0, 1)).toThrow(FROZEN);
    expect(() => {
      loose(history).change = "tampered";
    }).toThrow(FROZEN);
    expect(() => (history.cite as unknown[]).push("tampered")).toThrow(FROZEN);
    expect(() => (person.aliases as unknown[]).push("tampered")).toThrow(FROZEN);
    expect(fact.text).not.toBe("tampered");
  });

  it("cannot have its id index changed", () => {
    const byId = kb.byId as Map<string, unknown>;
    expect(() => byId.set("tampered", {})).toThrow(TypeError);
    expect(() => byId.delete("madrid-talks")).toThrow(TypeError);
    expect(() => byId.clear()).toThrow(TypeError);
    expect(kb.byId.has("tampered")).toBe(false);
    expect(kb.byId.has("madrid-talks")).toBe(true);
    const entry = defined(kb.byId.get("madrid-talks"), "madrid-talks entry");
    expect(() => {
      loose(entry).value = {};
    }).toThrow(FROZEN);
    expect(() => {
      loose(entry.value).title = "tampered";
    }).toThrow(FROZEN);
    expect(entry.value).toBe(kb.events.find((e) => e.id === "madrid-talks"));
  });
});
