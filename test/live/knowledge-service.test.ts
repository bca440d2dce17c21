import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeService, type ReloadResult } from "../../src/live/knowledge-service.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/kb-small/", import.meta.url));
const NOW = new Date("2026-11-25T12:00:00Z");

let dir: string;
let service: KnowledgeService;
let reloads: ReloadResult[];

async function until<T>(check: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const factsFile = () => join(dir, "facts", "madrid.yaml");
/** The fact as the engine now has it, and whether a question finds the new wording. */
const factText = () => {
  const entry = service.engine().kb.byId.get("madrid-fourth-round");
  return entry?.kind === "facts" ? entry.value.text : "";
};
const answers = (word: string) => service.engine().ask(`what was the ${word} round`, NOW).text.includes(word);

async function editFacts(from: string, to: string): Promise<string> {
  const text = (await readFile(factsFile(), "utf8")).replace(from, to);
  await writeFile(factsFile(), text);
  return text;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-kb-"));
  await cp(FIXTURE, dir, { recursive: true });
  reloads = [];
  service = await KnowledgeService.open({
    dir,
    settleMs: 150,
    pollMs: 500,
    onReload: (r) => reloads.push(r),
  });
  service.watch();
});

afterEach(async () => {
  service.close();
  await rm(dir, { recursive: true, force: true });
});

describe("live reload", () => {
  it("serves a valid edit within two seconds, without a restart", async () => {
    expect(factText()).toContain("fourth round");
    await editFacts("the fourth round", "the quetzal round");
    await until(() => answers("quetzal"));
    expect(reloads.at(-1)).toMatchObject({ ok: true, changed: true });
  });

  it("keeps serving the last good knowledge after an invalid edit, and reports file and line", async () => {
    const before = service.engine();
    await editFacts(
      "    date: 2025-09-15\n    about: [madrid-talks, scott-bessent, he-lifeng]",
      "    date: 2025-09-35\n    about: [madrid-talks, scott-bessent, he-lifeng]",
    );
    const failed = await until(() => reloads.find((r) => !r.ok));
    expect(failed.problems[0]).toMatchObject({
      file: expect.stringContaining("madrid.yaml"),
      line: 5,
      path: "date",
    });
    expect(service.engine()).toBe(before);
    expect(factText()).toContain("fourth round");
    // …and the next valid edit is picked up as usual.
    await editFacts("2025-09-35", "2025-09-15");
    await editFacts("the fourth round", "the quetzal round");
    await until(() => answers("quetzal"));
  });

  it("handles an editor's save-by-rename", async () => {
    const text = (await readFile(factsFile(), "utf8")).replace("the fourth round", "the quetzal round");
    const temp = join(dir, "facts", ".madrid.yaml.swp");
    await writeFile(temp, text);
    await rename(temp, factsFile());
    await until(() => factText().includes("quetzal round"));
  });

  it("waits out a half-written file and serves it once complete", async () => {
    const full = (await readFile(factsFile(), "utf8")).replace("the fourth round", "the quetzal round");
    await writeFile(factsFile(), full.slice(0, Math.floor(full.length / 2)));
    await new Promise((r) => setTimeout(r, 60));
    await writeFile(factsFile(), full);
    await until(() => factText().includes("quetzal round"));
    expect(service.status().lastReload?.ok).toBe(true);
  });

  it("ends a burst of ten saves in exactly the last state", async () => {
    for (let i = 1; i <= 10; i++) {
      const current = (await readFile(factsFile(), "utf8")).match(/the \S+ round/)?.[0] ?? "";
      await editFacts(current, `the save${i} round`);
    }
    await until(() => factText().includes("save10 round"));
    await new Promise((r) => setTimeout(r, 400));
    expect(factText()).toContain("the save10 round");
  });

  it("treats deleting every file as just another invalid edit", async () => {
    const before = service.engine();
    await rm(join(dir, "facts"), { recursive: true });
    for (const f of [
      "sources.yaml",
      "people.yaml",
      "topics.yaml",
      "events.yaml",
      "quotes.yaml",
      "deadlines.yaml",
    ])
      await rm(join(dir, f));
    await until(() => reloads.find((r) => !r.ok));
    expect(service.engine()).toBe(before);
  });

  it("answers every question from one complete knowledge base while reloading", async () => {
    const seen = new Set<string>();
    const editing = (async () => {
      for (let i = 0; i < 5; i++) {
        const current =
          (await readFile(factsFile(), "utf8")).match(/the \S+ round/)?.[0] ?? "the fourth round";
        await editFacts(current, `the v${i} round`);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline) {
      const engine = service.engine();
      // The index and the knowledge it answers from are always the same version.
      expect(engine.index.kb).toBe(engine.kb);
      seen.add(engine.kb.version);
      await new Promise((r) => setTimeout(r, 10));
    }
    await editing;
    expect(seen.size).toBeGreaterThan(1);
  });

  it("reloads on demand and says whether anything changed", async () => {
    expect(await service.reload()).toMatchObject({ ok: true, changed: false });
  });
});
