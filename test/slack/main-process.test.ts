import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FORM_CONTENT_TYPE, postSigned, SlackWebApiStandIn, slashCommand } from "../support/slack-standin.ts";
import { spawnMain } from "../support/spawn.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe("npm start with Slack configured", () => {
  it("answers /talks over HTTP and stops within 5 seconds on SIGTERM", async () => {
    const webApi = await SlackWebApiStandIn.start();
    cleanups.push(() => webApi.close());
    const data = mkdtempSync(join(tmpdir(), "parley-slack-"));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const main = spawnMain({
      SLACK_BOT_TOKEN: "xoxb-main",
      SLACK_SIGNING_SECRET: "main-secret",
      SLACK_API_URL: webApi.apiUrl,
      PORT: "0",
      PARLEY_DATA_DIR: data,
      LOG_LEVEL: "info",
    });
    const child = main.child;
    cleanups.push(() => void child.kill("SIGKILL"));
    const port = Number((await main.waitForLog(/"port":(\d+)[^\n]*"msg":"Slack adapter started"/))[1]);

    const { form } = slashCommand({ text: "who is he lifeng", responseUrl: webApi.responseUrl("main") });
    const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, form, {
      secret: "main-secret",
      contentType: FORM_CONTENT_TYPE,
    });
    expect(res.status).toBe(200);
    const answer = await webApi.waitForResponse((r) => r.id === "main");
    expect(answer.body.text).toMatch(/He Lifeng/);

    const started = Date.now();
    const exited = main.exitCode();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(main.log()).not.toContain("xoxb-main");
    expect(main.log()).not.toContain("main-secret");
  });
});
