import { commands } from "../../commands/index.ts";
import { renderReply } from "../../src/adapters/terminal/render.ts";
import { terminalRequest } from "../../src/adapters/terminal/repl.ts";
import { shippedEngine } from "../support/engine.ts";
import { runAdapterContract } from "./adapter-contract.ts";

runAdapterContract(
  {
    name: "terminal",
    requestFor: (question) => terminalRequest(question, commands),
    // A terminal has no size limit to break.
    render: (reply) => ({ text: renderReply(reply, { color: false }), problems: [] }),
  },
  shippedEngine,
);
