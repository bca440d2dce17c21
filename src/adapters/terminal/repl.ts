import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { AnyCommand } from "../../core/command.ts";
import type { Dispatch } from "../../core/dispatch.ts";
import type { ParleyRequest } from "../../core/request.ts";
import { parseTextCommand } from "../../core/text-command.ts";
import { renderReply } from "./render.ts";

export interface TerminalOptions {
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  input?: Readable;
  output?: Writable;
  /** Colour and a prompt: on for a person at a TTY, off when piped. */
  interactive?: boolean;
}

const GREETING =
  'Parley — ask about the 2025 US–China trade talks. Type "help" for commands, "exit" to leave.';

/** Turns one line typed at the terminal into the neutral request the other platforms also make. */
export function terminalRequest(line: string, commands: readonly AnyCommand[]): ParleyRequest {
  const { command, args } = parseTextCommand(line, commands);
  return {
    platform: "terminal",
    user: { id: userInfo().username || "operator" },
    channel: { id: "terminal", kind: "terminal" },
    command,
    args,
    // The terminal is the operator's own console.
    moderator: true,
  };
}

/** The terminal adapter: a prompt for a person, or one answer per line when input is piped. */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive =
    options.interactive ??
    Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    write(GREETING);
    rl.setPrompt("parley> ");
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(exit|quit|bye|:q)$/i.test(line)) break;
    if (line !== "") {
      const reply = await options.dispatch(terminalRequest(line, options.commands));
      write(renderReply(reply, { color: interactive }));
      if (interactive) write("");
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
