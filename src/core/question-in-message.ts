/** Finding the question in a message that says more than its question. */

const ASKING =
  /^(who|whom|whose|what|when|where|which|why|how|is|are|was|were|did|does|do|can|could|tell|list|name|give|show)\b/i;

/** The last of the items that passes the test. */
function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}

/**
 * Where the question inside a sentence starts, past what only opens it: everything up to the last
 * colon ("quick q for the memo: when did …"), or up to a dash or comma followed by a question word
 * ("hey random one, who's …"). 0 when nothing opens it.
 */
function questionStart(sentence: string): { at: number; framed: boolean } {
  const colon = sentence.lastIndexOf(":");
  if (colon >= 0 && sentence.length - colon > 8) return { at: colon + 1, framed: true };
  for (const m of sentence.matchAll(/\s[—–-]\s|,\s/g)) {
    const at = (m.index as number) + m[0].length;
    if (ASKING.test(sentence.slice(at))) return { at, framed: false };
  }
  return { at: 0, framed: false };
}

/**
 * The question a message asks, when the message says more than that. People write background
 * before or after it ("I read an article… Who is he lifeng?", "Could you tell me who Yun Sun is?
 * The name came up in…") and open it with a greeting or a frame ("hey random one, who's …"). It is
 * the last sentence that ends with a question mark or starts like a question, less an opening for
 * which `opensOnly` holds (`framed`: the opening ends in a colon); null when that is the whole
 * message.
 */
export function questionInMessage(
  text: string,
  opensOnly: (opening: string, framed: boolean) => boolean = () => true,
): string | null {
  const sentences = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const sentence = lastOf(
    sentences,
    (s) => s.endsWith("?") || ASKING.test(s) || ASKING.test(s.slice(questionStart(s).at).trim()),
  );
  if (!sentence) return null;
  const { at, framed } = questionStart(sentence);
  const asked = at > 0 && opensOnly(sentence.slice(0, at), framed) ? sentence.slice(at).trim() : sentence;
  return asked === text.trim() ? null : asked;
}
