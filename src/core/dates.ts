const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

/** "2025-09-17" → "17 Sep 2025"; "2025-07" → "Jul 2025". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** "14–15 Sep 2025", "28 Sep – 2 Oct 2025", or one date when there is no end. */
export function formatRange(start: string, end?: string): string {
  if (!end || end === start) return formatDate(start);
  const [sy, sm, sd] = start.split("-");
  const [ey, em, ed] = end.split("-");
  if (sy === ey && sm === em && sd && ed)
    return `${Number(sd)}–${Number(ed)} ${MONTHS[Number(sm) - 1]} ${sy}`;
  if (sy === ey && sd && ed)
    return `${Number(sd)} ${MONTHS[Number(sm) - 1]} – ${Number(ed)} ${MONTHS[Number(em) - 1]} ${sy}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** Midnight UTC of a date; a month alone counts from its first day. */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function daysFrom(now: Date, iso: string): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((dayOf(iso) - today) / DAY_MS);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "passed, 434 days ago", "in 3 days", "today". */
export function relativeDay(now: Date, iso: string): string {
  const days = daysFrom(now, iso);
  if (days === 0) return "today";
  if (days > 0) return `in ${plural(days, "day")}`;
  return `passed, ${plural(-days, "day")} ago`;
}

export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Month names in full, lowercase: the one list both prose dates and question dates are read with. */
export const MONTH_WORDS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_PATTERN =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(".", "");
  return MONTH_WORDS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

/**
 * Rewrites dates in prose ("September 19", "Sept. 19, 2025", "19 September 2025") in Parley's one
 * style ("19 Sep 2025"), taking the year from the entry's own date when the text leaves it out.
 */
export function canonicalDates(text: string, contextDate: string): string {
  const contextYear = contextDate.slice(0, 4);
  const monthDay = new RegExp(`\\b${MONTH_PATTERN} (\\d{1,2})(?:st|nd|rd|th)?(?:, (\\d{4}))?\\b`, "g");
  const dayMonth = new RegExp(`\\b(\\d{1,2}) ${MONTH_PATTERN}(?: (\\d{4}))?\\b`, "g");
  const render = (month: string, day: string, year: string | undefined) => {
    const m = monthIndex(month);
    const d = Number(day);
    if (m < 0 || d < 1 || d > 31) return null;
    return `${d} ${MONTHS[m]} ${year ?? contextYear}`;
  };
  const monthDays = new RegExp(`\\b${MONTH_PATTERN} (\\d{1,2})[–-](\\d{1,2})(?:, (\\d{4}))?\\b`, "g");
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (all, year: string, month: string, day: string) => {
      const m = Number(month) - 1;
      return m >= 0 && m < 12 ? `${Number(day)} ${MONTHS[m]} ${year}` : all;
    })
    .replace(monthDays, (all, month: string, from: string, to: string, year?: string) => {
      const start = render(month, from, year);
      return start ? start.replace(/^\d+/, `${Number(from)}–${Number(to)}`) : all;
    })
    .replace(monthDay, (all, month: string, day: string, year?: string) => render(month, day, year) ?? all)
    .replace(dayMonth, (all, day: string, month: string, year?: string) => render(month, day, year) ?? all);
}
