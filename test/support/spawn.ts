import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of our TypeScript entry points as a real child process (node --import tsx, not npx). */
export function runScript(
  script: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Platform tokens from the developer's shell must not turn a terminal test into a Discord one.
    const env = {
      ...process.env,
      DISCORD_TOKEN: "",
      SLACK_BOT_TOKEN: "",
      SLACK_APP_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      // Records from test runs stay out of the developer's ./data.
      PARLEY_DATA_DIR: join(tmpdir(), `parley-test-data-${process.pid}`),
      ...options.env,
    };
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish in time\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** `npm start`'s entry point as a real child process, with its log (stderr) collected as it comes. */
export function spawnMain(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: "",
      SLACK_BOT_TOKEN: "",
      SLACK_APP_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      ...env,
    },
  });
  let log = "";
  child.stderr.on("data", (chunk) => {
    log += chunk;
  });
  return {
    child,
    log: () => log,
    /** Resolves with the first match of `pattern` in the log; rejects if the process exits first. */
    waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in the log:\n${log}`)), timeoutMs);
        const check = () => {
          const match = log.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          resolve(match);
        };
        child.stderr.on("data", check);
        child.on("exit", () => reject(new Error(`main exited early:\n${log}`)));
        check();
      });
    },
    exitCode: () => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code))),
  };
}
