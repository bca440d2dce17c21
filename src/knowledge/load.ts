import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { crossCheck } from "./cross-check.ts";
import { type LocatedEntry, type ParsedFile, parseKnowledgeFile } from "./parse-file.ts";
import type { Problem } from "./problems.ts";
import type { Entry, KnowledgeBase } from "./types.ts";

export interface KnowledgeFile {
  /** Path as shown to moderators, e.g. knowledge/quotes.yaml */
  path: string;
  text: string;
}

export type LoadResult = { ok: true; kb: KnowledgeBase; problems: [] } | { ok: false; problems: Problem[] };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Makes a Map read-only at run time too: set, delete and clear throw, as writing to a frozen object does. */
function readOnlyMap<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  const refuse = () => {
    throw new TypeError("the knowledge base is read-only");
  };
  Object.defineProperties(map, {
    set: { value: refuse },
    delete: { value: refuse },
    clear: { value: refuse },
  });
  return Object.freeze(map);
}

function build(located: readonly LocatedEntry[], version: string): KnowledgeBase {
  const byId = new Map<string, Entry>();
  const kb = { sources: [], people: [], topics: [], events: [], facts: [], quotes: [], deadlines: [] } as {
    [K in Entry["kind"]]: Extract<Entry, { kind: K }>["value"][];
  };
  for (const { entry } of located) {
    byId.set(entry.value.id, Object.freeze({ ...entry }) as Entry);
    (kb[entry.kind] as Entry["value"][]).push(entry.value);
  }
  deepFreeze(kb);
  return Object.freeze({ ...kb, byId: readOnlyMap(byId), version });
}

/** Validates a set of knowledge files as a whole: a typed, frozen knowledge base, or every problem at once. */
export function loadKnowledgeFiles(files: readonly KnowledgeFile[]): LoadResult {
  const problems: Problem[] = [];
  const located: LocatedEntry[] = [];
  const invalid: ParsedFile["invalidIds"] = [];
  const hash = createHash("sha256");
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    hash.update(file.path).update("\0").update(file.text).update("\0");
    const parsed = parseKnowledgeFile(file.path, file.text);
    problems.push(...parsed.problems);
    located.push(...parsed.entries);
    invalid.push(...parsed.invalidIds);
  }
  if (sorted.length === 0) {
    problems.push({
      file: "knowledge/",
      line: 1,
      column: 1,
      id: null,
      path: "",
      message: "no knowledge files (*.yaml) found",
    });
  }
  problems.push(...crossCheck(located, invalid));
  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { ok: false, problems };
  }
  return { ok: true, kb: build(located, hash.digest("hex").slice(0, 12)), problems: [] };
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const dirent of await readdir(dir, { withFileTypes: true })) {
    if (dirent.name.startsWith(".")) continue; // editor swap files and the like
    const full = join(dir, dirent.name);
    if (dirent.isDirectory()) found.push(...(await yamlFilesUnder(full)));
    else if (/\.ya?ml$/i.test(dirent.name)) found.push(full);
  }
  return found;
}

/** Reads every YAML file under a folder (paths reported relative to the working directory). */
export async function readKnowledgeDir(dir: string): Promise<KnowledgeFile[]> {
  const paths = await yamlFilesUnder(dir);
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(process.cwd(), path).split(sep).join("/") || path,
      text: await readFile(path, "utf8"),
    })),
  );
}

export async function loadKnowledgeDir(dir: string): Promise<LoadResult> {
  try {
    return loadKnowledgeFiles(await readKnowledgeDir(dir));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          file: dir,
          line: 1,
          column: 1,
          id: null,
          path: "",
          message: `cannot read the knowledge folder: ${message}`,
        },
      ],
    };
  }
}
