import type { types } from "@slack/bolt";

/** Slack's Block Kit limits (api.slack.com/reference/block-kit); a message breaking one is rejected whole. */
export const LIMITS = Object.freeze({
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Slack truncates longer top-level text; notifications show far less. */
  messageText: 3000,
});

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers. */
  text: string;
  blocks: types.KnownBlock[];
}

type TextLike = { text: string } | undefined;

/** Slack rejects a text object that is too long, and one with nothing in it. */
function over(problems: string[], where: string, value: TextLike | string, max: number): void {
  const text = typeof value === "string" ? value : value?.text;
  if (text === undefined) return;
  if (text.length > max) problems.push(`${where}: ${text.length} > ${max} characters`);
  if (text.trim() === "" && !where.endsWith(".value")) problems.push(`${where}: empty`);
}

/** Every limit the message breaks, as readable lines; empty when Slack would accept it. */
export function limitProblems(message: SlackMessage, maxBlocks: number = LIMITS.messageBlocks): string[] {
  const problems: string[] = [];
  if (message.text.trim() === "") problems.push("text: empty (notifications would be blank)");
  over(problems, "text", message.text, LIMITS.messageText);
  if (message.blocks.length > maxBlocks) problems.push(`blocks: ${message.blocks.length} > ${maxBlocks}`);
  message.blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    if (block.block_id !== undefined) over(problems, `${at}.block_id`, block.block_id, LIMITS.blockId);
    switch (block.type) {
      case "section":
        over(problems, `${at}.text`, block.text, LIMITS.sectionText);
        if ((block.fields?.length ?? 0) > LIMITS.sectionFields)
          problems.push(`${at}.fields: ${block.fields?.length} > ${LIMITS.sectionFields}`);
        for (const field of block.fields ?? []) over(problems, `${at}.field`, field, LIMITS.fieldText);
        if (!block.text && !block.fields?.length) problems.push(`${at}: neither text nor fields`);
        break;
      case "context":
        if (block.elements.length > LIMITS.contextElements)
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.contextElements}`);
        for (const element of block.elements)
          if ("text" in element) over(problems, `${at}.element`, element, LIMITS.contextText);
        break;
      case "header":
        over(problems, `${at}.text`, block.text, LIMITS.headerText);
        break;
      case "actions":
        if (block.elements.length > LIMITS.actionsElements)
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.actionsElements}`);
        for (const element of block.elements) {
          if (element.type !== "button") continue;
          over(problems, `${at}.button.text`, element.text, LIMITS.buttonText);
          over(problems, `${at}.button.value`, element.value ?? "", LIMITS.buttonValue);
          over(problems, `${at}.button.action_id`, element.action_id ?? "", LIMITS.actionId);
        }
        break;
      default:
        break;
    }
  });
  return problems;
}
