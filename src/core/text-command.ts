import type { AnyCommand } from "./command.ts";

export interface TextCommand {
  command: string;
  args: Record<string, string | boolean>;
}

/**
 * The one text grammar, shared by the terminal and Slack's `/talks`:
 *
 *   <command> [option:value ...] [words ...]
 *
 * `option:value` sets an option (quote values with spaces: speaker:"he lifeng"). Other words fill
 * the command's remaining options in order, one word each, and the last takes the rest — so
 * `quote greer tariffs` is speaker greer, about tariffs, and `who he lifeng` is name "he lifeng".
 * A boolean option is set by its name alone (`ask private when is …`). Text that does not start
 * with a command's name is a question, and so is text that reads as one although it starts with a
 * command's name ("who said …", "who is …", anything ending in "?").
 */
const QUESTION_VERB =
  /^(is|was|are|were|am|said|says|say|did|does|do|won|wins|will|would|has|have|had|can|could|should|leads|led|heads|headed|owns|owned|announced|told|called|went|attended|signed|met|meets|took|takes|set|sets|wrote|posted|warned|made|makes|represents|represented|negotiated|negotiates|visited|hosted)$/i;

export function parseTextCommand(text: string, commands: readonly AnyCommand[]): TextCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const command = commands.find((c) => c.name === first.toLowerCase());
  // "who said …", "who is …", "sources?" are questions that happen to start with a command's name.
  const isQuestion = trimmed.endsWith("?") || QUESTION_VERB.test(rest[0] ?? "");
  if (!command || isQuestion) return { command: "ask", args: { question: trimmed } };

  const args: Record<string, string | boolean> = {};
  let remainder = rest.join(" ");
  const names = command.options.map((o) => o.name).join("|");
  if (names) {
    const keyed = new RegExp(`(?:^|\\s)(${names}):(?:"([^"]*)"|(\\S+))`, "gi");
    remainder = remainder.replace(keyed, (_all, key: string, quoted?: string, bare?: string) => {
      const option = command.options.find((o) => o.name === key.toLowerCase());
      if (option)
        args[option.name] =
          option.type === "boolean" ? /^(true|yes|1)$/i.test(bare ?? quoted ?? "") : (quoted ?? bare ?? "");
      return " ";
    });
  }
  const words = [...remainder.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
  for (const option of command.options) {
    if (option.type !== "boolean" || args[option.name] !== undefined) continue;
    const at = words.findIndex((w) => w.toLowerCase() === option.name);
    if (at >= 0 && at === 0) {
      args[option.name] = true;
      words.splice(at, 1);
    }
  }
  const open = command.options.filter((o) => o.type === "string" && args[o.name] === undefined);
  open.forEach((option, i) => {
    if (words.length === 0) return;
    args[option.name] = i === open.length - 1 ? words.splice(0).join(" ") : (words.shift() ?? "");
  });
  return { command: command.name, args };
}
