import type { Entry, KnowledgeBase } from "../knowledge/types.ts";

/** What of each entry is searched, titled, linked and dated: the index reads entries only through these. */

export function searchableText(entry: Entry, displayName: ReadonlyMap<string, string>): string {
  switch (entry.kind) {
    case "facts":
      return [entry.value.text, entry.value.note ?? ""].join(" ");
    case "quotes":
      return [
        entry.value.text,
        displayName.get(entry.value.speaker) ?? entry.value.speaker,
        entry.value.occasion ?? "",
      ].join(" ");
    case "events":
      return [
        entry.value.title,
        entry.value.aliases.join(" "),
        entry.value.place ?? "",
        entry.value.place_aliases.join(" "),
        entry.value.outcome ?? "",
      ].join(" ");
    case "deadlines":
      return [entry.value.what, entry.value.consequence, entry.value.instrument ?? "", "deadline due"].join(
        " ",
      );
    case "people":
      return [
        entry.value.name,
        entry.value.aliases.join(" "),
        entry.value.role ?? "",
        entry.value.affiliation ?? "",
        demonym(entry.value.country),
      ].join(" ");
    default:
      return "";
  }
}

/** "China" → "China Chinese", so "who leads the Chinese delegation" finds the Chinese side. */
function demonym(country: string | undefined): string {
  if (!country) return "";
  const known: Record<string, string> = {
    china: "Chinese",
    "united states": "American US",
    spain: "Spanish",
    "united kingdom": "British UK",
  };
  return `${country} ${known[country.toLowerCase()] ?? ""}`;
}

export function titleOf(entry: Entry): string {
  switch (entry.kind) {
    case "events":
      return [entry.value.title, ...entry.value.aliases].join(" ");
    case "deadlines":
      return entry.value.what;
    case "people":
      return [entry.value.name, ...entry.value.aliases].join(" ");
    default:
      return "";
  }
}

export function linkedIds(entry: Entry): string[] {
  switch (entry.kind) {
    case "facts":
      return [...entry.value.about];
    case "quotes":
      return [entry.value.speaker, ...(entry.value.event ? [entry.value.event] : []), ...entry.value.about];
    case "events":
      return [
        entry.value.id,
        ...entry.value.participants,
        ...entry.value.topics,
        ...(entry.value.part_of ? [entry.value.part_of] : []),
      ];
    case "deadlines":
      return [entry.value.id, ...entry.value.set_by, ...entry.value.about];
    case "people":
      return [entry.value.id];
    default:
      return [];
  }
}

export function dateOf(entry: Entry): string {
  switch (entry.kind) {
    case "facts":
    case "quotes":
      return entry.value.date;
    case "events":
      return entry.value.start;
    case "deadlines":
      return entry.value.due;
    default:
      return "";
  }
}

/** Which side of the talks a country is, for "who leads the Chinese delegation". */
export function sideOf(country: string | undefined): "china" | "us" | undefined {
  const c = (country ?? "").toLowerCase();
  if (c === "china") return "china";
  if (c === "united states" || c === "us" || c === "usa") return "us";
  return undefined;
}

/**
 * A quote is found by what it is about as well as by its words: the facts that cite the same
 * paragraph of the same source (and concern the speaker) are its context. "What did Greer say
 * about rolling back measures" then finds the quote whose paraphrase talks of rolling back.
 */
export function quoteContext(kb: KnowledgeBase): Map<string, string> {
  const factsByCitation = new Map<string, string[]>();
  for (const f of kb.facts) {
    for (const c of f.cite) {
      if (!/\s/.test(c)) continue; // a whole source is too broad; a located paragraph is not
      const list = factsByCitation.get(c);
      if (list) list.push(f.id);
      else factsByCitation.set(c, [f.id]);
    }
  }
  const out = new Map<string, string>();
  for (const q of kb.quotes) {
    const texts: string[] = [];
    for (const c of q.cite) {
      for (const id of factsByCitation.get(c) ?? []) {
        const entry = kb.byId.get(id);
        if (entry?.kind === "facts" && entry.value.about.includes(q.speaker)) texts.push(entry.value.text);
      }
    }
    if (texts.length) out.set(q.id, texts.join(" "));
  }
  return out;
}
