/**
 * Property tests: whatever a moderator (or a broken editor, or a stray binary file) puts in a knowledge file,
 * the loader never throws. It returns either a knowledge base, or a non-empty list of problems each pointing
 * at a real place (line and column counted from 1).
 */
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KnowledgeFile, loadKnowledgeFiles, readKnowledgeDir } from "../../src/knowledge/load.ts";

// knowledge/quotes.yaml with the files its references point into (facts and deadlines left out for speed).
const SHIPPED = await readKnowledgeDir(fileURLToPath(new URL("../../knowledge/", import.meta.url)));
const QUOTES_FILE = SHIPPED.find((f) => f.path.endsWith("quotes.yaml"));
if (!QUOTES_FILE) throw new Error("knowledge/quotes.yaml not found");
const QUOTES = QUOTES_FILE.text;
const COMPANIONS = SHIPPED.filter((f) => /(^|\/)(sources|people|topics|events)\.yaml$/.test(f.path));

/** Loads the files and checks the result's shape; returns true so it can be a fast-check predicate. */
function loadsWithoutThrowing(files: readonly KnowledgeFile[]): true {
  const result = loadKnowledgeFiles(files);
  if (result.ok) {
    expect(result.problems).toEqual([]);
    expect(Object.isFrozen(result.kb)).toBe(true);
    return true;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  const misplaced = result.problems.filter(
    (p) =>
      !Number.isInteger(p.line) ||
      p.line < 1 ||
      !Number.isInteger(p.column) ||
      p.column < 1 ||
      p.file === "" ||
      typeof p.message !== "string" ||
      p.message === "",
  );
  expect(misplaced).toEqual([]);
  return true;
}

const loadsOne = (text: string) => loadsWithoutThrowing([{ path: "knowledge/fuzz.yaml", text }]);

/** Characters that mean something to YAML, plus ordinary text, so random strings reach the parser's corners. */
const yamlChar = fc.constantFrom(
  ..."-:[]{}'\"#&*!|>%@`,?~ \n\n\n\t\rabxyz019¶何".split(""),
  "  ",
  "- id: ",
  "facts:",
  "quotes:",
  "2025-09-17",
  "cite: [",
  "---\n",
);
const yamlish = fc.array(yamlChar, { maxLength: 60 }).map((parts) => parts.join(""));

type Edit = { name: string; apply: (text: string) => string };

/** Picks a position in a text of any length from a random number. */
const within = (n: number, length: number) => (length === 0 ? 0 : n % length);

/** One random edit of a knowledge file: the shape of the edits a moderator's mistakes make. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((n) => ({
    name: `delete line #${n}`,
    apply: (text: string) => {
      const lines = text.split("\n");
      lines.splice(within(n, lines.length), 1);
      return lines.join("\n");
    },
  })),
  fc.nat().map((n) => ({
    name: `duplicate line #${n}`,
    apply: (text: string) => {
      const lines = text.split("\n");
      const at = within(n, lines.length);
      lines.splice(at, 0, lines[at] ?? "");
      return lines.join("\n");
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({
    name: `swap lines #${a} and #${b}`,
    apply: (text: string) => {
      const lines = text.split("\n");
      const i = within(a, lines.length);
      const j = within(b, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      return lines.join("\n");
    },
  })),
  fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 12 }), yamlish)).map(([n, inserted]) => ({
    name: `insert ${JSON.stringify(inserted)} at #${n}`,
    apply: (text: string) => {
      const at = within(n, text.length + 1);
      return text.slice(0, at) + inserted + text.slice(at);
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([n, length]) => ({
    name: `delete ${length} characters at #${n}`,
    apply: (text: string) => {
      const at = within(n, text.length + 1);
      return text.slice(0, at) + text.slice(at + length);
    },
  })),
);

// Maps with collection keys make the yaml library print a process warning; keep the test output readable.
let warningListeners: NodeJS.WarningListener[] = [];
const ignoreWarning = () => {};
beforeAll(() => {
  warningListeners = process.listeners("warning");
  process.removeAllListeners("warning");
  process.on("warning", ignoreWarning);
});
afterAll(() => {
  process.off("warning", ignoreWarning);
  for (const listener of warningListeners) process.on("warning", listener);
});

describe("loadKnowledgeFiles never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), loadsOne), { numRuns: 200 });
  });

  it("on strings made of YAML's special characters", () => {
    fc.assert(fc.property(yamlish, loadsOne), { numRuns: 400 });
  });

  it("on arbitrary bytes decoded as UTF-8", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        loadsOne(Buffer.from(bytes).toString("utf8")),
      ),
      { numRuns: 200 },
    );
  });

  it("on random edits of a real knowledge file (knowledge/quotes.yaml)", () => {
    // Unedited, the file and its companions load clean: the edits alone make any problems.
    expect(loadKnowledgeFiles([...COMPANIONS, QUOTES_FILE]).ok).toBe(true);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce((current, e) => e.apply(current), QUOTES);
        return loadsWithoutThrowing([...COMPANIONS, { path: QUOTES_FILE.path, text }]);
      }),
      { numRuns: 40 },
    );
  });

  it("on several random files loaded together", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c/d"), yamlish), { maxLength: 4 }), (files) =>
        loadsWithoutThrowing(files.map(([name, text], i) => ({ path: `knowledge/${name}-${i}.yaml`, text }))),
      ),
      { numRuns: 150 },
    );
  });
});
