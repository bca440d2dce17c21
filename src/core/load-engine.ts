import { loadKnowledgeDir } from "../knowledge/load.ts";
import { knowledgeDir } from "../knowledge/location.ts";
import { formatProblem } from "../knowledge/problems.ts";
import { createEngine, type Engine } from "./engine.ts";

export class KnowledgeError extends Error {
  constructor(readonly details: string[]) {
    super(`The knowledge base has ${details.length} problem(s):\n${details.join("\n")}`);
  }
}

/** Loads the knowledge folder and builds an engine on it, or throws every problem found. */
export async function loadEngine(dir = knowledgeDir()): Promise<Engine> {
  const result = await loadKnowledgeDir(dir);
  if (!result.ok) throw new KnowledgeError(result.problems.map(formatProblem));
  return createEngine(result.kb);
}
