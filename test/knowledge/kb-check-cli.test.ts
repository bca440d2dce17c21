/**
 * `npm run kb:check` as moderators and scripts use it: the CLI is run as a child process
 * (`node --import tsx src/cli/kb-check.ts`), on the shipped knowledge and on a copy with one mistake of
 * every kind planted in it.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SHIPPED = join(REPO, "knowledge");
const KINDS = ["deadlines", "events", "facts", "people", "quotes", "sources", "topics"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the repository root, the way `npm run kb:check` does. */
function kbCheck(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.PARLEY_KNOWLEDGE_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/kb-check.ts", ...args], {
      cwd: REPO,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe("kb:check on the shipped knowledge", () => {
  it("exits 0 and prints a summary of what it loaded", async () => {
    const run = await kbCheck();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Knowledge in .*knowledge\/? is valid \(version [0-9a-f]{12}\)\.$/m);
    for (const kind of KINDS) expect(run.stdout).toMatch(new RegExp(`^ {2}${kind} +[1-9]\\d*$`, "m"));
    expect(run.stdout).toMatch(/sources dated \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  });

  it("with --json prints exactly one JSON object: ok, counts and problems", async () => {
    const run = await kbCheck("--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    const report = JSON.parse(run.stdout) as {
      ok: unknown;
      counts: Record<string, unknown>;
      problems: unknown;
    };
    expect(Object.keys(report).sort()).toEqual(["counts", "ok", "problems"]);
    expect(Object.keys(report.counts).sort()).toEqual(KINDS);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    for (const kind of KINDS) expect(Number.isInteger(report.counts[kind])).toBe(true);
    expect(report.counts.facts).toBeGreaterThanOrEqual(140);
    expect(report.counts.sources).toBeGreaterThanOrEqual(60);
  });
});

describe("kb:check on a copy of the knowledge with one mistake of every kind", () => {
  /** A problem planted in the copy: the file (inside the copy), the line, and words its message must contain. */
  interface Planted {
    file: string;
    line: number;
    says: string;
  }

  async function plantMistakes(copy: string): Promise<Planted[]> {
    const planted: Planted[] = [];
    const lines = async (file: string) => (await readFile(join(copy, file), "utf8")).split("\n");
    const save = (file: string, text: string[] | string | Buffer) =>
      writeFile(join(copy, file), Array.isArray(text) ? text.join("\n") : text);
    /** 0-based index of the first line that contains `text`, at or after `from`. */
    const find = (all: string[], text: string, from = 0) => {
      const at = all.findIndex((line, i) => i >= from && line.includes(text));
      if (at < 0) throw new Error(`fixture drift: "${text}" not found`);
      return at;
    };
    /** Replaces `before` with `after` in the first line containing it below the entry `id`; returns both lines. */
    const change = (all: string[], id: string, before: string, after: string) => {
      const entry = find(all, `- id: ${id}`);
      const at = find(all, before, entry);
      all[at] = (all[at] as string).replace(before, after);
      return { entryLine: entry + 1, line: at + 1 };
    };

    // quotes.yaml: a misspelled field, a misspelled speaker, three bad dates (every line count unchanged).
    const quotes = await lines("quotes.yaml");
    const typo = change(quotes, "greer-grind-through", "    speaker:", "    speeker:");
    planted.push({
      file: "quotes.yaml",
      line: typo.entryLine,
      says: 'quote "greer-grind-through" field speaker: is required but missing',
    });
    planted.push({
      file: "quotes.yaml",
      line: typo.line,
      says: 'field speeker: unknown field (did you mean "speaker"?)',
    });
    const dangling = change(
      quotes,
      "greer-tiktok-fair-to-china",
      "speaker: jamieson-greer",
      "speaker: jamison-greer",
    );
    planted.push({
      file: "quotes.yaml",
      line: dangling.line,
      says: 'field speaker: no person or organization with id "jamison-greer" (did you mean "jamieson-greer"?)',
    });
    const month = change(quotes, "bessent-aggressive-ask", "date: 2025-09-15", "date: 2025-13-01");
    planted.push({ file: "quotes.yaml", line: month.line, says: 'field date: "2025-13-01" has no month 13' });
    const words = change(
      quotes,
      "bessent-not-sacrifice-national-security",
      "date: 2025-09-15",
      "date: Sept 17",
    );
    planted.push({ file: "quotes.yaml", line: words.line, says: 'field date: "Sept 17" is not an ISO date' });
    const day = change(quotes, "greer-part-and-parcel", "date: 2025-09-15", "date: 2025-02-30");
    planted.push({
      file: "quotes.yaml",
      line: day.line,
      says: '"2025-02-30" is not a real date (month 2 has 28 days)',
    });
    await save("quotes.yaml", quotes);

    // A fact without its date.
    const report = await lines("facts/madrid-report.yaml");
    const missing = change(
      report,
      "madrid-report-tiktok-resolution-near",
      "    date: 2025-09-15",
      "    # date removed",
    );
    planted.push({
      file: "facts/madrid-report.yaml",
      line: missing.entryLine,
      says: "field date: is required but missing",
    });
    await save("facts/madrid-report.yaml", report);

    // A citation of a source that does not exist.
    const after = await lines("facts/2025-09-madrid-and-after.yaml");
    const cited = change(
      after,
      "madrid-opens-at-palacio-de-santa-cruz",
      "lanacion-ep-0914",
      "lanacion-ep-0941",
    );
    planted.push({
      file: "facts/2025-09-madrid-and-after.yaml",
      line: cited.line,
      says: 'field cite[0]: cites an unknown source "lanacion-ep-0941"',
    });
    await save("facts/2025-09-madrid-and-after.yaml", after);

    // A list entry that is a sentence instead of a mapping.
    const geneva = await lines("facts/2025-04-to-08-geneva-london-stockholm.yaml");
    const list = find(geneva, "facts:");
    geneva.splice(list + 1, 0, "  - The Geneva talks opened on May 10.");
    planted.push({
      file: "facts/2025-04-to-08-geneva-london-stockholm.yaml",
      line: list + 2,
      says: "field facts[0]: each fact must be a mapping of fields",
    });
    await save("facts/2025-04-to-08-geneva-london-stockholm.yaml", geneva);

    // A person whose id is already the id of an event: both places are reported.
    const people = await lines("people.yaml");
    while (people.at(-1) === "") people.pop();
    people.push("", "  - id: madrid-talks", "    name: Madrid talks", "    kind: place", "");
    const duplicateLine = people.length - 3;
    await save("people.yaml", people);
    const eventLine = find(await lines("events.yaml"), "  - id: madrid-talks") + 1;
    const shown = (file: string) => relative(REPO, join(copy, file)).split(sep).join("/");
    planted.push({
      file: "people.yaml",
      line: duplicateLine,
      says: `duplicate id: also used by the event at ${shown("events.yaml")}:${eventLine}:9`,
    });
    planted.push({
      file: "events.yaml",
      line: eventLine,
      says: `duplicate id: also used by the person at ${shown("people.yaml")}:${duplicateLine}:9`,
    });

    // Whole-file mistakes, in files of their own.
    await save("facts/notes.yaml", "facts:\n  - id: scratch-note\n    text: Greer said: we grind\n");
    planted.push({ file: "facts/notes.yaml", line: 3, says: "YAML syntax error: " });
    await save("empty.yaml", "");
    planted.push({ file: "empty.yaml", line: 1, says: "the file is empty" });
    await save(
      "logo.yaml",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    );
    planted.push({ file: "logo.yaml", line: 1, says: "not a knowledge file" });
    await save("facts/extra.yaml", "fact:\n  - id: extra-fact\n    text: A fact under a misspelled kind.\n");
    planted.push({ file: "facts/extra.yaml", line: 1, says: 'unknown kind "fact" (did you mean "facts"?)' });

    return planted.map((p) => ({ ...p, file: shown(p.file) }));
  }

  async function brokenCopy(): Promise<{ copy: string; planted: Planted[] }> {
    const copy = await mkdtemp(join(tmpdir(), "parley-kb-check-"));
    temporary.push(copy);
    await cp(SHIPPED, copy, { recursive: true });
    return { copy, planted: await plantMistakes(copy) };
  }

  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) =>
    a.file.localeCompare(b.file) || a.line - b.line;

  it("exits non-zero and reports every planted problem, with its file and line, in one run", async () => {
    const { copy, planted } = await brokenCopy();
    const run = await kbCheck("--dir", copy);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");

    const lines = run.stderr.split("\n").filter((line) => line !== "");
    const summary = lines.pop();
    expect(summary).toBe(`${planted.length} problems in ${copy}; nothing was changed.`);
    const reported = lines.map((line) => {
      const m = /^(.+?):(\d+):(\d+) (.*)$/.exec(line);
      if (!m) throw new Error(`not a file:line:column problem: ${line}`);
      return { file: m[1] as string, line: Number(m[2]), column: Number(m[3]), text: m[4] as string };
    });
    // Exactly the planted problems: nothing missed, nothing extra (no knock-on errors).
    expect(reported.map(({ file, line }) => ({ file, line })).sort(byPlace)).toEqual(
      planted.map(({ file, line }) => ({ file, line })).sort(byPlace),
    );
    for (const p of planted) {
      const match = reported.filter((r) => r.file === p.file && r.line === p.line && r.text.includes(p.says));
      expect(match, `${p.file}:${p.line} should say: ${p.says}\n${run.stderr}`).toHaveLength(1);
    }
  });

  it("with --json reports the same problems as objects with file, line, column, id, path and message", async () => {
    const { copy, planted } = await brokenCopy();
    const run = await kbCheck("--json", "--dir", copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      counts: Record<string, number>;
      problems: {
        file: string;
        line: number;
        column: number;
        id: string | null;
        path: string;
        message: string;
      }[];
    };
    expect(Object.keys(report).sort()).toEqual(["counts", "ok", "problems"]);
    expect(report.ok).toBe(false);
    expect(report.counts).toEqual(Object.fromEntries(KINDS.map((kind) => [kind, 0])));
    for (const p of report.problems)
      expect(Object.keys(p).sort()).toEqual(["column", "file", "id", "line", "message", "path"]);
    expect(report.problems.map(({ file, line }) => ({ file, line })).sort(byPlace)).toEqual(
      planted.map(({ file, line }) => ({ file, line })).sort(byPlace),
    );
    expect(report.problems).toContainEqual({
      file: relative(REPO, join(copy, "quotes.yaml")).split(sep).join("/"),
      line: planted.find((p) => p.says.includes("jamison-greer"))?.line,
      column: 14,
      id: "greer-tiktok-fair-to-china",
      path: "speaker",
      message: 'no person or organization with id "jamison-greer" (did you mean "jamieson-greer"?)',
    });
  });

  it("reports a folder that does not exist instead of crashing", async () => {
    const missing = join(tmpdir(), "parley-kb-check-no-such-folder");
    const run = await kbCheck("--json", "--dir", missing);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; problems: { file: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.file).toBe(missing);
    expect(report.problems[0]?.message).toMatch(/^cannot read the knowledge folder: ENOENT/);
  });
});
