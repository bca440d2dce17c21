import { fileURLToPath } from "node:url";

/** The shipped knowledge folder, or PARLEY_KNOWLEDGE_DIR when a deployment keeps it elsewhere. */
export function knowledgeDir(): string {
  return process.env.PARLEY_KNOWLEDGE_DIR ?? fileURLToPath(new URL("../../knowledge/", import.meta.url));
}
