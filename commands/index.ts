import type { AnyCommand } from "../src/core/command.ts";
import ask from "./ask.ts";
import deadlines from "./deadlines.ts";
import feedback from "./feedback.ts";
import gaps from "./gaps.ts";
import help from "./help.ts";
import quote from "./quote.ts";
import reload from "./reload.ts";
import sources from "./sources.ts";
import status from "./status.ts";
import timeline from "./timeline.ts";
import who from "./who.ts";

/** Every shared command, in the order help lists them. */
export const commands: readonly AnyCommand[] = [
  ask,
  deadlines,
  quote,
  who,
  timeline,
  sources,
  help,
  reload,
  status,
  gaps,
  feedback,
];
