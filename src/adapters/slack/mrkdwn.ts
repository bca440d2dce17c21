/**
 * Slack's mrkdwn treats `<…>` as mentions and links and `&` as the start of an entity, so every piece of
 * user or knowledge text is escaped before it joins our own markup: `<!channel>` typed by a user is shown,
 * never sent as a notification, and `<https://x|y>` can never become a link that hides where it goes.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What a person sees once Slack has decoded the three entities: used for notification text checks. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Escapes `text` and shortens it so the escaped form fits in `max` characters, cutting between characters
 * (never inside an `&amp;`) and marking the cut with an ellipsis.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let out = "";
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Plain text cut to `max` characters (for plain_text fields, which Slack never parses). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/**
 * A link `<url|label>`. Only http(s) URLs become links; the URL's own `|`, `<`, `>` and `&` are encoded
 * so that nothing in it can end the link early or open another.
 */
export function link(url: string | null, label: string, maxLabel = 200): string {
  const text = escapeWithin(label.replace(/\|/g, "¦"), maxLabel);
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const safeUrl = url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
  return `<${safeUrl}|${text}>`;
}

/**
 * Turns text Slack sent us back into what the user typed: the bot's own mention removed and Slack's three
 * entities decoded. Other mentions and links stay as typed; they are escaped again whenever shown.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  const id = botUserId?.replace(/[^A-Z0-9]/gi, "");
  const mention = id ? new RegExp(`<@${id}(?:\\|[^>]*)?>`, "g") : null;
  return unescapeMrkdwn(mention ? text.replace(mention, " ") : text)
    .replace(/\s+/g, " ")
    .trim();
}

/** The user mentioned first in a message: the bot, in an app_mention, should its id be unknown. */
export function leadingMention(text: string): string | undefined {
  return /^\s*<@([UW][A-Z0-9]+)/.exec(text)?.[1];
}
