import { DiscordjsErrorCodes } from "discord.js";
import { discordMessages } from "./messages.ts";

/** Interaction and webhook URLs carry the interaction's token; logs get the route without it. */
function withoutTokens(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?]+/g, "$1[token]")
    .replace(/(\/webhooks\/\d+\/)[^/?]+/g, "$1[token]");
}

/**
 * An error as a log field. discord.js errors carry the request URL (and so, for interactions, the
 * token), so only known-safe properties are kept.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    type: e.name,
    message: withoutTokens(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(typeof e.method === "string" ? { method: e.method } : {}),
    ...(typeof e.url === "string" ? { url: withoutTokens(e.url) } : {}),
    ...(e.stack ? { stack: withoutTokens(e.stack) } : {}),
  };
}

/** Raised by startDiscord when Discord will not let Parley connect; the message says what to fix. */
export class DiscordStartError extends Error {
  override readonly name = "DiscordStartError";
}

/** Turns a failed login into an error whose message names the problem and the fix. */
export function startFailure(error: unknown): DiscordStartError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === DiscordjsErrorCodes.TokenInvalid || message === "Authentication failed")
    return new DiscordStartError(discordMessages.tokenRejected, { cause: error });
  if (
    code === DiscordjsErrorCodes.DisallowedIntents ||
    message === "Used disallowed intents" ||
    message === "Used invalid intents"
  )
    return new DiscordStartError(discordMessages.disallowedIntents, { cause: error });
  return new DiscordStartError(discordMessages.cannotConnect(withoutTokens(message)), { cause: error });
}
