/** The fixed question mix the benchmark times: what people really type, in every shape the engine meets. */

export type QuestionKind = "exact" | "typo" | "multi-word" | "long" | "refused";

export interface BenchQuestion {
  kind: QuestionKind;
  q: string;
  /**
   * What a right answer must contain, as in the evaluation (case-insensitive; "a | b" is either).
   * Refused questions expect a refusal.
   */
  expect: readonly string[];
  /**
   * The question names nothing particular to the real talks ("what are the deadlines"): among
   * other talks of the same kind it has many right answers, and there any cited answer will do.
   */
  generic: boolean;
}

/** [question, what its right answer contains, and "generic" when it names nothing particular] */
type Asked = readonly [string, readonly string[]] | readonly [string, readonly string[], "generic"];

const exact: Asked[] = [
  ["where were the madrid talks held", ["Santa Cruz"]],
  ["when were the geneva talks", ["10 May 2025"]],
  ["who is william reinsch", ["CSIS | Center for Strategic"]],
  ["when was the busan summit", ["30 Oct 2025"]],
  ["who is li chenggang", ["Trade Representative | Vice Minister"]],
  ["tell me about the london talks", ["London", "Jun 2025"]],
  ["when did the madrid talks start", ["14 Sep 2025"]],
  ["who leads the chinese delegation", ["He Lifeng"]],
  ["what are the deadlines", ["TikTok", "tariff | truce"], "generic"],
  ["list the rounds of talks", ["Geneva", "Stockholm", "Kuala Lumpur"], "generic"],
  ["who is carlos cuerpo", ["Minister of Economy"]],
  ["when was the stockholm meeting", ["28 Jul 2025"]],
];

const typo: Asked[] = [
  ["wen is the tiktk deadline", ["17 Sep 2025"]],
  ["who is hee lifeng", ["Vice Premier"]],
  ["who is scott bessant", ["Treasury"]],
  ["who is greeer", ["Trade Representative | USTR"]],
  ["which app were washington and beijing nearing a deal on in madird", ["TikTok"]],
  ["what else does china bundle into the tiktok deal according to greeer", ["tariff"]],
  ["where did bessant and he lifeng meet in march 2026", ["Paris"]],
  ["how many tonnes of soybeens did china promise to buy this season", ["12"]],
  ["when was the kuala lumpar round", ["25 Oct 2025"]],
  ["what did the geneva deal do to tarrifs on each side", ["30", "10"]],
];

const multiWord: Asked[] = [
  ["how many percentage points of the reciprocal tariff were suspended in geneva", ["24"]],
  ["what happens if bytedance doesn't sell tiktok's us operations by the deadline", ["shut | ban | dark"]],
  ["why did the supreme court strike down the reciprocal and fentanyl tariffs", ["authori"], "generic"],
  [
    "who said china would suspend the export controls announced on 9 october for one year",
    ["Ministry of Commerce | MOFCOM | Commerce"],
  ],
  ["how much of the tiktok joint venture does bytedance keep", ["19.9"]],
  [
    "what did china's market regulator say about nvidia during the madrid talks",
    ["anti-monopoly | antitrust"],
  ],
  ["who said 'the chinese take their sovereignty very seriously'", ["Bessent"]],
  ["when did trump sign the truce extension after stockholm", ["11 Aug 2025"]],
  ["what tariff did us soybeans still face in china after november 10", ["13"]],
  ["why was trump's beijing trip postponed", ["Iran"]],
];

const long: Asked[] = [
  [
    "So I have been following the news about the trade war on and off for most of the year, and honestly it is " +
      "hard to keep track of all the rounds, the cities, the people involved and the different tariff numbers that " +
      "keep getting thrown around by everyone on television. My uncle keeps insisting it was all settled months ago. " +
      "Anyway, what I actually want to know is this: where were the madrid talks held?",
    ["Santa Cruz"],
  ],
  [
    "My team at work is putting together a short briefing for our customers about what the trade negotiations mean " +
      "for app companies, and one of my colleagues said the TikTok situation was resolved back in the spring while " +
      "another one said it dragged on for a very long time with extension after extension. We could not agree at " +
      "all, so can you settle it for us: when is the tiktok divestment deadline?",
    ["TikTok", "2025"],
  ],
  [
    "I read an article on my phone this morning on the train that mentioned a Chinese vice premier who seems to " +
      "lead the negotiations for Beijing in pretty much every round, but the article never really explained who he " +
      "is or what his job actually is in the government, and I did not catch his name properly because the train " +
      "was very noisy and I was tired. I believe it was something like He Lifeng. Who is he lifeng?",
    ["Vice Premier"],
  ],
  [
    "There has been a lot of back and forth about tariffs in the last year or so, with numbers like one hundred " +
      "and forty five percent and then thirty percent and then ten percent, and I am frankly confused about what " +
      "actually happened when the two sides first sat down together in Switzerland back in May. My question is " +
      "simple enough, I hope: what did the geneva deal do to tariffs on each side?",
    ["30", "10"],
  ],
  [
    "Please forgive the long message, I am not an economist and I only started paying attention to this recently " +
      "when prices in my shop started going up. Several of my suppliers mentioned something about a truce between " +
      "Washington and Beijing and a deadline that kept being pushed back every ninety days or so, and they seemed " +
      "worried about it. When did the second 90 day tariff truce run out?",
    ["Nov 2025"],
    "generic",
  ],
  [
    "I am writing a school report on international diplomacy and I chose the US China trade talks as my topic " +
      "because my teacher said it was a good current example of negotiation between large economies. I have read " +
      "about Geneva and London and Stockholm, but I keep seeing references to a meeting between the two presidents " +
      "in South Korea at the end of October. Tell me about the busan summit.",
    ["30 Oct 2025"],
  ],
];

const refused = [
  "who won the super bowl last year",
  "whats the weather in madrid tomorrow",
  "give me a recipe for paella",
  "how do i reverse a list in python",
  "should i buy nvidia stock",
  "what is He Lifeng's salary",
  "which hotel did the chinese delegation stay at in madrid",
  "how old is jamieson greer",
  "what tariff does the us charge on canadian steel",
  "is taylor swift dating anyone right now",
];

const of = (kind: QuestionKind, asked: readonly Asked[]): BenchQuestion[] =>
  asked.map(([q, expect, generic]) => ({ kind, q, expect, generic: generic === "generic" }));

export const QUESTIONS: readonly BenchQuestion[] = [
  ...of("exact", exact),
  ...of("typo", typo),
  ...of("multi-word", multiWord),
  ...of("long", long),
  ...refused.map((q) => ({ kind: "refused" as const, q, expect: [], generic: false })),
];

/** Long questions must be long (300–500 characters) but still within what Parley accepts. */
export function checkQuestions(questions: readonly BenchQuestion[]): void {
  for (const { kind, q } of questions) {
    if (kind === "long" && (q.length < 300 || q.length > 500)) {
      throw new Error(`long question is ${q.length} characters, not 300–500: ${q.slice(0, 60)}…`);
    }
  }
}
