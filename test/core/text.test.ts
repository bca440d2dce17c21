import { describe, expect, it } from "vitest";
import { theTitle } from "../../src/core/describe.ts";
import { cityOf } from "../../src/core/entry-text.ts";
import { isStopword, normalize, terms } from "../../src/core/text.ts";

/** Whether two phrasings come down to the same terms, as the index and a question both read them. */
const same = (a: string, b: string) => expect(terms(a)).toEqual(terms(b));

describe("one term for words that mean the same here", () => {
  it.each([
    ["characterise", "characterize"],
    ["organisation", "organization"],
    ["labour", "labor"],
    ["centred", "centered"],
    ["licence", "license"],
    ["defence", "defense"],
    ["programme", "program"],
    ["dialogue", "dialog"],
    ["hrs", "hours"],
    ["worth", "valued"],
    ["pledged", "commitment"],
    ["shelved", "paused"],
    ["slapped", "imposed"],
    ["curbs", "controls"],
    ["characterised", "described"],
    ["team", "delegation"],
    ["stuck", "stalled"],
    ["dropped", "cut"],
  ])("%s = %s", same);

  it("keeps words apart that only look alike", () => {
    expect(terms("prize")).not.toEqual(terms("price"));
    expect(terms("hour")).not.toEqual(terms("hold"));
  });
});

describe("phrases read as one word", () => {
  it("reads “on hold” and “on ice” as paused", () => {
    expect(normalize("China put the deal on hold")).toBe("china put the deal paused");
    expect(normalize("the sale was put on ice")).toBe("the sale was put paused");
    expect(normalize("upon hold")).toBe("upon hold");
  });
});

describe("chat shorthand", () => {
  it.each(["w", "u", "pls", "hey", "hed", "theyll"])("“%s” says nothing about what is asked", (w) => {
    expect(isStopword(w)).toBe(true);
  });

  it("keeps words that are also contractions elsewhere", () => {
    for (const w of ["shed", "well", "ill", "wed"]) expect(isStopword(w), w).toBe(false);
  });
});

describe("the city a round is known by", () => {
  it.each([
    ["Palacio de Santa Cruz, Madrid, Spain (seat of Spain's foreign ministry)", "Madrid"],
    [
      "Undisclosed venue in Geneva, Switzerland (reported as the Swiss UN ambassador's residence in Cologny)",
      "Geneva",
    ],
    ["Gimhae Air Base (Naraemaru protocol hall), Busan, South Korea", "Busan"],
    ["Seoul, South Korea", "Seoul"],
    ["Washington, DC", "Washington"],
  ])("%s → %s", (place, city) => {
    expect(cityOf(place)).toBe(city);
  });
});

describe("an event's title after a preposition", () => {
  it.each([
    ["Madrid talks", "the Madrid talks"],
    ["The Geneva joint statement", "the Geneva joint statement"],
    ["Trump's state visit to the United Kingdom", "Trump's state visit to the United Kingdom"],
  ])("%s → %s", (title, phrase) => {
    expect(theTitle(title)).toBe(phrase);
  });
});
