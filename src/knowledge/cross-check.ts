import type { LocatedEntry } from "./parse-file.ts";
import { didYouMean, type Problem, SINGULAR } from "./problems.ts";
import type { Kind } from "./schema.ts";
import type { Entry } from "./types.ts";

type Wanted = { kinds: readonly Kind[]; label: string };

const ANY: Wanted = { kinds: ["people", "topics", "events", "facts", "quotes", "deadlines"], label: "entry" };
const PERSON: Wanted = { kinds: ["people"], label: "person or organization" };
const EVENT: Wanted = { kinds: ["events"], label: "event" };
const TOPIC: Wanted = { kinds: ["topics"], label: "topic" };
const FACT: Wanted = { kinds: ["facts"], label: "fact" };
const DEADLINE: Wanted = { kinds: ["deadlines"], label: "deadline" };

/** The id references each kind of entry makes: [field path, the id, what it must name]. */
function referencesOf(entry: Entry): [Array<string | number>, string, Wanted][] {
  const refs: [Array<string | number>, string, Wanted][] = [];
  const list = (field: string, ids: readonly string[], wanted: Wanted) =>
    ids.forEach((id, i) => {
      refs.push([[field, i], id, wanted]);
    });
  switch (entry.kind) {
    case "events":
      list("participants", entry.value.participants, PERSON);
      list("topics", entry.value.topics, TOPIC);
      if (entry.value.part_of) refs.push([["part_of"], entry.value.part_of, EVENT]);
      break;
    case "facts":
      list("about", entry.value.about, ANY);
      list("disputes", entry.value.disputes, FACT);
      break;
    case "quotes":
      refs.push([["speaker"], entry.value.speaker, PERSON]);
      if (entry.value.event) refs.push([["event"], entry.value.event, EVENT]);
      list("about", entry.value.about, ANY);
      break;
    case "deadlines":
      list("set_by", entry.value.set_by, PERSON);
      list("about", entry.value.about, ANY);
      if (entry.value.superseded_by) refs.push([["superseded_by"], entry.value.superseded_by, DEADLINE]);
      break;
    default:
      break;
  }
  return refs;
}

function citationsOf(entry: Entry): [Array<string | number>, string][] {
  const out: [Array<string | number>, string][] = [];
  if (entry.kind === "sources" || entry.kind === "topics") return out;
  entry.value.cite.forEach((c, i) => {
    out.push([["cite", i], c]);
  });
  if (entry.kind === "deadlines") {
    entry.value.history.forEach((h, i) => {
      h.cite.forEach((c, j) => {
        out.push([["history", i, "cite", j], c]);
      });
    });
  }
  return out;
}

export function sourceIdOf(citation: string): string {
  return citation.split(/\s+/, 1)[0] ?? citation;
}

/** Checks what no single file can: unique ids, and that every reference and citation names a real entry. */
export function crossCheck(
  located: readonly LocatedEntry[],
  invalid: readonly { id: string; kind: Kind }[] = [],
): Problem[] {
  // Entries reported invalid elsewhere still exist: naming them is not a second mistake.
  const reported = new Map(invalid.map((e) => [e.id, e.kind]));
  const problems: Problem[] = [];
  const first = new Map<string, LocatedEntry>();
  const report = (at: LocatedEntry, path: Array<string | number>, message: string) => {
    const pos = at.locate(path);
    const text = path
      .map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${s}`))
      .join("");
    problems.push({
      file: at.file,
      ...pos,
      id: at.entry.value.id,
      path: text,
      message,
      kind: SINGULAR[at.entry.kind],
    });
  };

  for (const item of located) {
    const id = item.entry.value.id;
    const earlier = first.get(id);
    if (earlier) {
      const there = earlier.locate(["id"]);
      const here = item.locate(["id"]);
      report(
        item,
        ["id"],
        `duplicate id: also used by the ${SINGULAR[earlier.entry.kind]} at ${earlier.file}:${there.line}:${there.column}`,
      );
      report(
        earlier,
        ["id"],
        `duplicate id: also used by the ${SINGULAR[item.entry.kind]} at ${item.file}:${here.line}:${here.column}`,
      );
    } else {
      first.set(id, item);
    }
  }

  const idsOfKind = (kinds: readonly Kind[]) =>
    [...first.values()].filter((e) => kinds.includes(e.entry.kind)).map((e) => e.entry.value.id);

  for (const item of located) {
    for (const [path, ref, wanted] of referencesOf(item.entry)) {
      const target = first.get(ref);
      if (!target) {
        if (reported.has(ref)) continue;
        report(item, path, `no ${wanted.label} with id "${ref}"${didYouMean(ref, idsOfKind(wanted.kinds))}`);
      } else if (!wanted.kinds.includes(target.entry.kind)) {
        report(item, path, `"${ref}" is a ${SINGULAR[target.entry.kind]}, not a ${wanted.label}`);
      }
    }
    for (const [path, citation] of citationsOf(item.entry)) {
      const sourceId = sourceIdOf(citation);
      const target = first.get(sourceId);
      if (target?.entry.kind !== "sources" && reported.get(sourceId) !== "sources") {
        report(
          item,
          path,
          `cites an unknown source "${sourceId}"${didYouMean(sourceId, idsOfKind(["sources"]))}`,
        );
      }
    }
  }
  return problems;
}
