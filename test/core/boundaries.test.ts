import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith(".ts") ? [full] : [];
  });
}

const PLATFORM = /from\s+["'](discord\.js|@discordjs\/[^"']+|@slack\/[^"']+|discord-api-types[^"']*)["']/;

describe("the platform-neutral core", () => {
  for (const folder of ["src/core", "src/knowledge", "commands"]) {
    it(`${folder} imports neither discord.js nor Slack`, () => {
      const offenders = sourceFiles(join(root, folder)).filter((f) => PLATFORM.test(readFileSync(f, "utf8")));
      expect(offenders).toEqual([]);
    });
  }

  it("adapters are the only code that imports a platform", () => {
    const offenders = sourceFiles(join(root, "src"))
      .filter((f) => !f.includes("/adapters/") && !f.endsWith("deploy-commands.ts"))
      .filter((f) => PLATFORM.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
