import { createEngine, type Engine } from "../../src/core/engine.ts";
import { loadKnowledgeDir } from "../../src/knowledge/load.ts";

const shipped = await loadKnowledgeDir(new URL("../../knowledge/", import.meta.url).pathname);
if (!shipped.ok) throw new Error(`the shipped knowledge does not load: ${shipped.problems[0]?.message}`);
const engine = createEngine(shipped.kb);

/** The engine on the shipped knowledge, built once per test file. */
export function shippedEngine(): Engine {
  return engine;
}
