import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

/** Discord's size limits for what Parley sends. */
export const LIMITS = Object.freeze({
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
});

/**
 * Discord counts characters; UTF-16 units are never fewer than code points, so a text that fits by
 * this measure fits Discord's too.
 */
export const size = (text: string | undefined | null): number => text?.length ?? 0;

export interface MessagePayload {
  content?: string;
  embeds?: readonly APIEmbed[];
  components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

function over(problems: string[], where: string, text: string | undefined | null, max: number): void {
  if (size(text) > max) problems.push(`${where} is ${size(text)} characters (limit ${max})`);
}

/** Every Discord limit a message would break; empty when it can be sent. */
export function messageProblems(message: MessagePayload): string[] {
  const problems: string[] = [];
  over(problems, "content", message.content, LIMITS.content);
  const embeds = message.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds (limit ${LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((e, i) => {
    over(problems, `embed ${i} title`, e.title, LIMITS.title);
    over(problems, `embed ${i} description`, e.description, LIMITS.description);
    over(problems, `embed ${i} footer`, e.footer?.text, LIMITS.footer);
    over(problems, `embed ${i} author`, e.author?.name, LIMITS.authorName);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`embed ${i} has ${fields.length} fields (limit 25)`);
    fields.forEach((f, j) => {
      if (size(f.name) === 0 || size(f.value) === 0) problems.push(`embed ${i} field ${j} is empty`);
      over(problems, `embed ${i} field ${j} name`, f.name, LIMITS.fieldName);
      over(problems, `embed ${i} field ${j} value`, f.value, LIMITS.fieldValue);
      total += size(f.name) + size(f.value);
    });
    total += size(e.title) + size(e.description) + size(e.footer?.text) + size(e.author?.name);
  });
  if (total > LIMITS.embedTotal)
    problems.push(`embeds total ${total} characters (limit ${LIMITS.embedTotal})`);
  const rows = message.components ?? [];
  if (rows.length > LIMITS.actionRows) problems.push(`${rows.length} action rows (limit 5)`);
  for (const row of rows) {
    if (row.components.length > LIMITS.buttonsPerRow) problems.push("more than 5 buttons in a row");
    for (const c of row.components) {
      if ("custom_id" in c) over(problems, "custom_id", c.custom_id, LIMITS.customId);
      if ("label" in c) over(problems, "button label", c.label, LIMITS.buttonLabel);
    }
  }
  return problems;
}
