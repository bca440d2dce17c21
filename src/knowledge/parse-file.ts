import {
  type Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
  type YAMLMap,
} from "yaml";
import type { ZodType } from "zod";
import { didYouMean, type Problem, SINGULAR } from "./problems.ts";
import { entrySchemas, KINDS, type Kind } from "./schema.ts";
import type { Entry } from "./types.ts";

/** An entry that passed its schema, with where it was written, for the cross-reference checks. */
export interface LocatedEntry {
  entry: Entry;
  file: string;
  /** Finds the line and column of a field path inside this entry (falls back to the entry itself). */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export interface ParsedFile {
  entries: LocatedEntry[];
  /** Ids of entries that failed their schema: they exist, so references to them are not "unknown". */
  invalidIds: { id: string; kind: Kind }[];
  problems: Problem[];
}

type Position = { line: number; column: number };

function positionOf(counter: LineCounter, offset: number | undefined): Position {
  const { line, col } = counter.linePos(offset ?? 0);
  return { line, column: col };
}

/** Walks a YAML node along a path; returns the deepest node reached (a key node for a missing value). */
function nodeAt(root: Node, path: readonly PropertyKey[]): Node {
  let node: Node = root;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = (node as YAMLMap<unknown, unknown>).items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return node;
      const next = pair.value ?? pair.key;
      if (!next || typeof next !== "object" || !("range" in next))
        return isScalar(pair.key) ? pair.key : node;
      node = next as Node;
    } else if (isSeq(node)) {
      const next = node.items[Number(segment)];
      if (!next || typeof next !== "object" || !("range" in next)) return node;
      node = next as Node;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * The yaml library notices an unclosed quote or bracket only where the file ends, which can be hundreds of
 * lines below the mistake. Points such an error at the quoted scalar or flow collection left open instead.
 */
function syntaxErrorOffset(doc: Document, error: YAMLError): number {
  const at = error.pos[0];
  if (error.code !== "MISSING_CHAR" && error.code !== "BAD_INDENT") return at;
  let opener: number | undefined;
  visit(doc, (_key, node) => {
    const range = (node as Node | null)?.range;
    const open =
      (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) ||
      (isCollection(node) && node.flow === true);
    if (open && range && range[0] < at && range[1] === at) {
      opener = range[0];
      return visit.BREAK;
    }
    return undefined;
  });
  return opener ?? at;
}

function keyNodeOf(map: Node, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = (map as YAMLMap<unknown, unknown>).items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

function idOf(node: Node): string | null {
  if (!isMap(node)) return null;
  const value = (node as YAMLMap<unknown, unknown>).get("id");
  return typeof value === "string" ? value : null;
}

function knownFields(kind: Kind): string[] {
  return Object.keys(entrySchemas[kind].shape);
}

/**
 * Parses one knowledge file into schema-valid entries, and reports every problem it finds
 * (never only the first) with file, line and column.
 */
export function parseKnowledgeFile(file: string, text: string): ParsedFile {
  const counter = new LineCounter();
  const problems: Problem[] = [];
  const entries: LocatedEntry[] = [];
  const invalidIds: { id: string; kind: Kind }[] = [];
  const problem = (
    offset: number | undefined,
    id: string | null,
    path: string,
    message: string,
    kind?: Kind,
  ) =>
    problems.push({
      file,
      ...positionOf(counter, offset),
      id,
      path,
      message,
      ...(kind ? { kind: SINGULAR[kind] } : {}),
    });

  // A file of nothing but comments is as empty as a blank one.
  if (text.replace(/^\s*#.*$/gm, "").trim() === "") {
    problems.push({
      file,
      line: 1,
      column: 1,
      id: null,
      path: "",
      message: "the file is empty: add entries or delete it",
    });
    return { entries, problems, invalidIds };
  }
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    problem(syntaxErrorOffset(doc, error), null, "", `YAML syntax error: ${error.message.split("\n")[0]}`);
  }
  if (doc.errors.length > 0) return { entries, problems, invalidIds };

  const root = doc.contents;
  if (!root || !isMap(root)) {
    problem(
      root?.range?.[0],
      null,
      "",
      `not a knowledge file: expected a mapping with keys such as ${KINDS.join(", ")}`,
    );
    return { entries, problems, invalidIds };
  }
  for (const pair of (root as YAMLMap<unknown, unknown>).items) {
    const keyNode = pair.key;
    const kindName = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyOffset = isScalar(keyNode) ? keyNode.range?.[0] : undefined;
    if (!(KINDS as readonly string[]).includes(kindName)) {
      problem(
        keyOffset,
        null,
        kindName,
        `unknown kind "${kindName}"${didYouMean(kindName, KINDS)}; expected one of ${KINDS.join(", ")}`,
      );
      continue;
    }
    const kind = kindName as Kind;
    const list = pair.value;
    if (!isSeq(list)) {
      problem(keyOffset, null, kind, `"${kind}" must be a list of entries (each starting with "- id: ...")`);
      continue;
    }
    list.items.forEach((item, index) => {
      const node = item as Node;
      const at = (path: readonly PropertyKey[]) => nodeAt(node, path).range?.[0] ?? node.range?.[0];
      const id = idOf(node);
      const label = SINGULAR[kind];
      if (!isMap(node)) {
        problem(
          node?.range?.[0] ?? keyOffset,
          null,
          `${kind}[${index}]`,
          `each ${label} must be a mapping of fields`,
        );
        return;
      }
      let value: unknown;
      try {
        value = node.toJS(doc);
      } catch (error) {
        // e.g. "Excessive alias count": an entry built from aliases that expand without bound.
        const message = error instanceof Error ? error.message : String(error);
        problem(node.range?.[0], id, `${kind}[${index}]`, `cannot be read: ${message}`, kind);
        return;
      }
      const result = (entrySchemas[kind] as ZodType).safeParse(value);
      if (!result.success) {
        if (id) invalidIds.push({ id, kind });
        for (const issue of result.error.issues) {
          if (issue.code === "unrecognized_keys") {
            for (const key of issue.keys) {
              const container = nodeAt(node, issue.path);
              const keyAt = keyNodeOf(container, key)?.range?.[0] ?? at(issue.path);
              const known = issue.path.length === 0 ? knownFields(kind) : [];
              problem(
                keyAt,
                id,
                pathText([...issue.path, key]),
                `unknown field${didYouMean(key, known)}`,
                kind,
              );
            }
            continue;
          }
          const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
          const message = missing ? "is required but missing" : issue.message;
          problem(at(issue.path), id, pathText(issue.path), message, kind);
        }
        return;
      }
      entries.push({
        entry: { kind, value: result.data } as Entry,
        file,
        locate: (path) => positionOf(counter, at(path)),
      });
    });
  }
  return { entries, problems, invalidIds };
}
