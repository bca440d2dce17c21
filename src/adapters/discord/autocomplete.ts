import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { Choice } from "../../core/command.ts";
import { sharedCommand } from "./command-json.ts";
import type { DiscordContext } from "./context.ts";
import { describeError } from "./errors.ts";
import { clip } from "./escape.ts";
import { LIMITS } from "./limits.ts";

/** Choices Discord accepts: at most 25, names 1–100 characters, values ≤ 100 (longer ones dropped, not cut). */
export function toChoices(choices: readonly Choice[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const out: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const c of choices) {
    const name = clip(c.name.trim(), LIMITS.choiceName);
    if (!name || !c.value || c.value.length > LIMITS.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push({ name, value: c.value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

/** Suggestions for the option being typed, from the shared definition and the live knowledge. Never throws. */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: DiscordContext,
): Promise<void> {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const sub = interaction.options.getSubcommand(false);
  try {
    const command = sharedCommand(ctx.commands, interaction.commandName, sub);
    const focused = interaction.options.getFocused(true);
    const option = command?.options.find((o) => o.name === focused.name);
    if (option?.autocomplete && !ctx.stopping())
      choices = toChoices(option.autocomplete(ctx.engine(), String(focused.value).slice(0, 200)));
  } catch (error) {
    ctx.logger.error(
      { err: describeError(error), interaction: interaction.id, command: sub },
      "autocomplete failed",
    );
  }
  try {
    await interaction.respond(choices);
  } catch (error) {
    // Usually the user typed on and Discord dropped this request; nothing to tell anyone.
    ctx.logger.warn(
      { err: describeError(error), interaction: interaction.id },
      "autocomplete response failed",
    );
  }
}
