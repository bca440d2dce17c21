import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const manifest = parse(readFileSync(new URL("../../slack/manifest.yaml", import.meta.url), "utf8"));

describe("slack/manifest.yaml", () => {
  it("asks for exactly the scopes the adapter uses", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands",
      "app_mentions:read",
      "chat:write",
      "im:history",
      "im:read",
      "im:write",
      "channels:read",
      "groups:read",
    ]);
  });

  it("subscribes to the events the adapter listens for, with /talks, interactivity and the Home tab", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_mention",
      "message.im",
      "app_home_opened",
    ]);
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: "/talks",
        usage_hint: expect.stringContaining("quote greer tariffs"),
      }),
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.display_information.name).toBe("Parley");
  });

  it("has a long description Slack accepts (175 to 4,000 characters)", () => {
    const length = manifest.display_information.long_description.length;
    expect(length).toBeGreaterThanOrEqual(175);
    expect(length).toBeLessThanOrEqual(4000);
  });
});
