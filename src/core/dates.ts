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
  if (sy === ey && sm === em && sd && ed) return `${Number(sd)}–${Number(ed)} ${MONTHS[Number(sm) - 1]} ${sy}`;
  if (sy === ey && sd && ed) return `${Number(sd)} ${MONTHS[Number(sm) - 1]} – ${Number(ed)} ${MONTHS[Number(em) - 1]} ${sy}`;
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
