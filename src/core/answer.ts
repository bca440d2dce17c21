/** The platform-neutral result of a question. Adapters render it; nothing here is formatted for one platform. */

export interface Citation {
  source: string;
  title: string;
  publisher: string;
  date: string | null;
  locator: string | null;
  url: string | null;
  reliability: "A" | "B" | "C" | null;
}

export interface SupportingQuote {
  id: string;
  text: string;
  speaker: string;
  speakerId: string;
  date: string;
  occasion: string | null;
  attribution: "confirmed" | "disputed";
  /** 1-based index into the answer's citations. */
  citation: number;
}

export interface Answer {
  question: string;
  answered: boolean;
  kind: "answer" | "refusal" | "invalid";
  /** The direct answer, one to three sentences, leading with what was asked. */
  lead: string;
  /** The whole answer as plain text: the lead, then the quote when there is one. */
  text: string;
  quote: SupportingQuote | null;
  /** Ids of the knowledge entries the answer came from. */
  entries: string[];
  citations: Citation[];
  confidence: number;
  suggestions: string[];
  /** The newest date among the sources cited: what the answer knows "as of". */
  asOf: string | null;
}
