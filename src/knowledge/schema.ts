import { z } from "zod";

/**
 * The knowledge format. Every YAML file under knowledge/ is a mapping whose keys are
 * kinds (sources, people, topics, events, facts, quotes, deadlines) and whose values are
 * lists of entries. Schemas are strict so that a typo such as `speeker` is an error,
 * not a silently ignored field.
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const id = z
  .string()
  .regex(ID_PATTERN, "must be a lowercase slug such as 'scott-bessent' (a-z, 0-9 and single hyphens)");

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Checks a date that is either YYYY-MM-DD or YYYY-MM and really exists on the calendar. */
export function dateProblem(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return `"${value}" is not an ISO date (write 2025-09-17, or 2025-07 when only the month is known)`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}" has no month ${m[2]}`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > (max ?? 31)) return `"${value}" is not a real date (month ${month} has ${max} days)`;
  return undefined;
}

// YAML turns an unquoted 2025-09-17 into a Date; accept both forms and keep the text.
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);

const text = z.string().trim().min(1, "must not be empty");

/**
 * A citation is written `source-id` or `source-id ¶6` (anything after the first space is
 * the locator: a paragraph, a section, "transcript"...).
 */
export const citation = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\s+\S.*)?$/, "must be written 'source-id' or 'source-id ¶N'");

const cite = z
  .array(citation)
  .min(1, "needs at least one citation (a source id, e.g. 'madrid-talks-report ¶6')");

export const reliability = z.enum(["A", "B", "C"]);

export const sourceSchema = z
  .strictObject({
    id,
    title: text,
    publisher: text.default("unknown"),
    url: z.url().optional(),
    published: isoDate.optional(),
    covers: isoDate.optional(),
    date_note: text.optional(),
    kind: z.enum([
      "news-report",
      "official-statement",
      "official-transcript",
      "legal-analysis",
      "analysis",
      "newsletter",
      "aggregator",
    ]),
    reliability: reliability.optional(),
    origin: text.optional(),
    note: text.optional(),
  })
  .refine((s) => s.published !== undefined || s.covers !== undefined, {
    message: "needs a published date, or covers (the date the page reports on) when the page shows none",
    path: ["published"],
  });

export const personSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(["person", "organization", "place"]).default("person"),
  aliases: z.array(text).default([]),
  role: text.optional(),
  affiliation: text.optional(),
  country: text.optional(),
  note: text.optional(),
  cite: z.array(citation).default([]),
});

export const topicSchema = z.strictObject({
  id,
  name: text,
  synonyms: z.array(text).default([]),
  note: text.optional(),
});

export const eventSchema = z.strictObject({
  id,
  title: text,
  /** Other names the event goes by ("Busan summit", "fourth round"). */
  aliases: z.array(text).default([]),
  kind: z.enum([
    "round",
    "session",
    "call",
    "meeting",
    "summit",
    "press-conference",
    "trip",
    "visit",
    "statement",
    "order",
    "ruling",
    "deal",
  ]),
  place: text.optional(),
  place_aliases: z.array(text).default([]),
  start: isoDate,
  end: isoDate.optional(),
  participants: z.array(id).default([]),
  part_of: id.optional(),
  outcome: text.optional(),
  status: z.enum(["held", "planned", "cancelled", "postponed"]).default("held"),
  topics: z.array(id).default([]),
  note: text.optional(),
  cite,
});

export const factSchema = z.strictObject({
  id,
  text,
  date: isoDate,
  until: isoDate.optional(),
  about: z.array(id).default([]),
  disputes: z.array(id).default([]),
  note: text.optional(),
  cite,
});

export const quoteSchema = z.strictObject({
  id,
  text,
  speaker: id,
  date: isoDate,
  occasion: text.optional(),
  event: id.optional(),
  about: z.array(id).default([]),
  attribution: z.enum(["confirmed", "disputed"]).default("confirmed"),
  note: text.optional(),
  cite,
});

export const deadlineSchema = z.strictObject({
  id,
  what: text,
  due: isoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time such as 00:01")
    .optional(),
  timezone: text.optional(),
  set_by: z.array(id).min(1, "name who set the deadline (person or organization ids)"),
  instrument: text.optional(),
  consequence: text,
  status: z.enum(["open", "met", "extended", "superseded", "lapsed", "moot"]),
  superseded_by: id.optional(),
  history: z
    .array(z.strictObject({ date: isoDate, change: text, cite: z.array(citation).default([]) }))
    .default([]),
  about: z.array(id).default([]),
  note: text.optional(),
  cite,
});

export const KINDS = ["sources", "people", "topics", "events", "facts", "quotes", "deadlines"] as const;
export type Kind = (typeof KINDS)[number];

export const entrySchemas = {
  sources: sourceSchema,
  people: personSchema,
  topics: topicSchema,
  events: eventSchema,
  facts: factSchema,
  quotes: quoteSchema,
  deadlines: deadlineSchema,
} as const;

export type Source = z.infer<typeof sourceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
