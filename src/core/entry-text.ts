import type { Fact, Quote } from "../knowledge/schema.ts";
import type { Entry, KnowledgeBase } from "../knowledge/types.ts";

/** What of each entry is searched, titled, linked and dated: the index reads entries only through these. */

/**
 * The texts of an entry that are searched, as if joined by spaces (they are read one after the
 * other, so a name or phrase may run from one into the next).
 */
export function searchableFields(entry: Entry, displayName: ReadonlyMap<string, string>): string[] {
  // Pushed one by one rather than spread: the index build calls this for every entry.
  switch (entry.kind) {
    case "facts":
      return [entry.value.text, entry.value.note ?? ""];
    case "quotes":
      return [
        entry.value.text,
        displayName.get(entry.value.speaker) ?? entry.value.speaker,
        entry.value.occasion ?? "",
      ];
    case "events": {
      const e = entry.value;
      const fields = [e.title];
      pushAll(fields, e.aliases);
      fields.push(e.place ?? "");
      pushAll(fields, e.place_aliases);
      fields.push(e.outcome ?? "");
      return fields;
    }
    case "deadlines":
      return [entry.value.what, entry.value.consequence, entry.value.instrument ?? "", "deadline due"];
    case "people": {
      const p = entry.value;
      const fields = [p.name];
      pushAll(fields, p.aliases);
      fields.push(p.role ?? "", p.affiliation ?? "", demonym(p.country));
      return fields;
    }
    default:
      return [];
  }
}

/**
 * Everything an entry is searched by: its searchable fields, and for a quote its context (see
 * quoteContext), read after them.
 */
export function docFields(
  entry: Entry,
  displayName: ReadonlyMap<string, string>,
  quoted: ReadonlyMap<string, string>,
): string[] {
  const fields = searchableFields(entry, displayName);
  const context = entry.kind === "quotes" ? quoted.get(entry.value.id) : undefined;
  if (context) fields.push(context);
  return fields;
}

/**
 * Pushes the items, or "" when there are none: the fields read as the texts they were always
 * joined from ("title aliases place …"), an empty list leaving its space.
 */
function pushAll(into: string[], items: readonly string[]): void {
  if (items.length === 0) into.push("");
  for (let i = 0; i < items.length; i++) into.push(items[i] as string);
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

const AMOUNT_OF_MONEY = /[$€£¥]\s?\d|\d\s?(dollars?|yuan|renminbi|euros?|usd|rmb)\b|\b(us\$|usd|rmb)\s?\d/i;

/** Whether an entry states a sum of money ("$14 billion", "500 million yuan"). */
export function statesMoney(entry: Entry): boolean {
  return AMOUNT_OF_MONEY.test(searchableFields(entry, NO_NAMES).join(" "));
}

/** A number in digits or in words. */
export const NUMBER =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|twice|double|triple|single|once|first|second|third|fourth|fifth|sixth)\b/i;

/**
 * Whether an entry states a number, in digits or in words. Events and deadlines always do: their
 * dates, which answer "how long" and "how many days".
 */
export function statesNumber(entry: Entry): boolean {
  if (entry.kind === "events" || entry.kind === "deadlines") return true;
  return NUMBER.test(searchableFields(entry, NO_NAMES).join(" "));
}

/**
 * The city of a place, as a round of talks is known by it: "Palacio de Santa Cruz, Madrid, Spain"
 * → "Madrid", "Undisclosed venue in Geneva, Switzerland (reported as …)" → "Geneva".
 */
export function cityOf(place: string | undefined): string | undefined {
  if (!place) return undefined;
  const parts = place
    .replace(/\([^)]*\)/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let city = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
  const within = city ? city.lastIndexOf(" in ") : -1;
  if (city && within >= 0) city = city.slice(within + 4);
  return city && city.length >= 3 ? city : undefined;
}

/** How many of an entry's searchable fields, from the first, make its title (its name, with aliases). */
export function titleFieldCount(entry: Entry): number {
  switch (entry.kind) {
    case "events":
      return 1 + Math.max(1, entry.value.aliases.length);
    case "deadlines":
      return 1;
    case "people":
      return 1 + Math.max(1, entry.value.aliases.length);
    default:
      return 0;
  }
}

/** The title or name of an entry (with its aliases), which says more than its body; "" for none. */
export function titleOf(entry: Entry): string {
  const count = titleFieldCount(entry);
  return count ? searchableFields(entry, NO_NAMES).slice(0, count).join(" ") : "";
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

function visitAll(ids: readonly string[], visit: (id: string) => void): void {
  for (let i = 0; i < ids.length; i++) visit(ids[i] as string);
}

/** The ids an entry links to (its own first, for events and deadlines), in order. */
export function forEachLinkedId(entry: Entry, visit: (id: string) => void): void {
  // A visitor rather than a list: the index build calls this for every entry.
  switch (entry.kind) {
    case "facts":
      visitAll(entry.value.about, visit);
      return;
    case "quotes":
      visit(entry.value.speaker);
      if (entry.value.event) visit(entry.value.event);
      visitAll(entry.value.about, visit);
      return;
    case "events":
      visit(entry.value.id);
      visitAll(entry.value.participants, visit);
      visitAll(entry.value.topics, visit);
      if (entry.value.part_of) visit(entry.value.part_of);
      return;
    case "deadlines":
      visit(entry.value.id);
      visitAll(entry.value.set_by, visit);
      visitAll(entry.value.about, visit);
      return;
    case "people":
      visit(entry.value.id);
      return;
    default:
      return;
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

/** Whether an id is a person or an organization (not a place). */
export function isParty(kb: KnowledgeBase, id: string): boolean {
  const entry = kb.byId.get(id);
  return entry?.kind === "people" && entry.value.kind !== "place";
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
  const factsByCitation = new Map<string, Fact[]>();
  for (let i = 0; i < kb.facts.length; i++) {
    const f = kb.facts[i] as Fact;
    for (let k = 0; k < f.cite.length; k++) {
      const c = f.cite[k] as string;
      if (!/\s/.test(c)) continue; // a whole source is too broad; a located paragraph is not
      const list = factsByCitation.get(c);
      if (list) list.push(f);
      else factsByCitation.set(c, [f]);
    }
  }
  const out = new Map<string, string>();
  for (let i = 0; i < kb.quotes.length; i++) {
    const q = kb.quotes[i] as Quote;
    let texts = "";
    for (let k = 0; k < q.cite.length; k++) {
      const facts = factsByCitation.get(q.cite[k] as string);
      if (!facts) continue;
      for (const f of facts) {
        if (!f.about.includes(q.speaker)) continue;
        texts = texts ? `${texts} ${f.text}` : f.text;
      }
    }
    if (texts) out.set(q.id, texts);
  }
  return out;
}
