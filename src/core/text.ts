/** Text normalisation shared by indexing and questions, so both sides see the same words. */

const STOPWORDS = new Set(
  (
    "a an the of to in on at by for from with and or but is are was were be been being do does did doing " +
    "what whats when whens where wheres who whos whom whose which why how hows tell me about please can could " +
    "would should will shall may might must i you he she it we they them his her its their our your my this " +
    "that these those there here has have had having any some as into than then so if not no yes " +
    "get got give show name tell know let lets just also very really much many more most " +
    "out off else during since until per up down over under onto upon via within without across against among " +
    "between through throughout toward towards " +
    "s t d ll re ve m im youre wouldnt couldnt shouldnt wont cant hasnt havent hadnt thats dont doesnt didnt isnt arent wasnt werent " +
    // Contractions as wordLocal() leaves them ("he'd" → "hed"), where that is no other word.
    "hed theyd youd itd theyll youll itll theyve weve youve ive theyre whod wholl " +
    // Chat shorthand and greetings ("w/ xi", "u", "pls", "hey").
    "w u ur r pls plz abt btw wrt fyi thx ty hey hi hello yo each every " +
    "kinda sorta gonna wanna gotta whole pretty basically literally honestly anyway anyways ok okay " +
    "besides apart aside except too all even"
  ).split(/\s+/),
);

export function foldDiacritics(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Lowercase, folded, with typographic quotes and dashes made plain and other punctuation dropped. */
export function normalize(text: string): string {
  return wordLocal(phrases(foldDiacritics(text).toLowerCase()));
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The first steps of normalize(): folded (when there is anything to fold) and lowercased. */
export function foldLower(text: string): string {
  return (NON_ASCII.test(text) ? foldDiacritics(text) : text).toLowerCase();
}

/**
 * The rewrites of normalize() that read across word boundaries ("u. s.", "close to", "oct 9").
 * Kept apart from the rest so that a tokenizer can apply them to a whole text and the rest piece by piece.
 */
export function phrases(lowered: string): string {
  return lowered
    .replace(/\bu\.\s?s\.(?:\s?a\.)?/g, "us ")
    .replace(/\bclose to\b/g, "near")
    .replace(/\bpush(?:ed|es|ing)? back\b/g, "delayed")
    .replace(/\bcall(?:ed|s|ing)? on\b/g, "urged")
    .replace(/\bon (?:hold|ice)\b/g, "paused")
    .replace(
      /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?=\s*\d)/g,
      (m) => MONTH_NAMES[m.replace(".", "")] ?? m,
    );
}

/**
 * The rest of normalize(): every rule here looks no further than the neighbouring character, and
 * whitespace reads the same as the start or end of the text, so it may run on each word alone.
 */
export function wordLocal(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/(\w)'s\b/g, "$1")
    .replace(/(\w)'(t|re|ve|ll|d|m)\b/g, "$1$2")
    .replace(/[^\p{L}\p{N}%$.\-\s]/gu, " ")
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const MONTH_NAMES: Record<string, string> = {
  jan: "january",
  feb: "february",
  mar: "march",
  apr: "april",
  jun: "june",
  jul: "july",
  aug: "august",
  sep: "september",
  sept: "september",
  oct: "october",
  nov: "november",
  dec: "december",
};

/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;

/** A text to match as it is inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words of a normalised text; CJK runs become one token per character bigram so 何立峰 matches inside text. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const raw of normalized.split(" ")) {
    if (!raw) continue;
    if (HAN.test(raw)) {
      const chars = [...raw];
      if (chars.length === 1) out.push(raw);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
      continue;
    }
    for (const part of raw.split("-")) if (part) out.push(part);
    if (raw.includes("-")) out.push(raw.replaceAll("-", ""));
  }
  return out;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** "extension"/"extend", "suspension"/"suspend", "discussion"/"discuss", "negotiation"/"negotiate". */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ["ssion", "ss"],
  ["sion", "d"],
  ["ation", "at"],
  ["ment", ""],
  ["ing", ""],
  ["ion", ""],
  ["edly", ""],
  ["ly", ""],
  ["ed", ""],
];

/**
 * One spelling for words British and American English spell differently, by their endings:
 * "characterise"/"characterize", "labour"/"labor", "centre"/"center". The few words these endings
 * change that have no other spelling ("detour") change on both sides alike.
 */
function britishOrAmerican(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, "is$1")
    .replace(/([a-z]{3})our(s|ed|ing|able|ite|ites)?$/, "$1or$2")
    .replace(/([a-z]{2})tre(s|d)?$/, (_, head: string, end = "") => `${head}ter${end === "d" ? "ed" : end}`);
}

/**
 * A light English stemmer: enough that "tariffs"/"tariff", "closing"/"closed"/"close" and
 * "discussed"/"discussions" meet. Over-stemming is harmless as long as both sides agree.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || /[^a-z]/.test(word)) return word;
  let w = britishOrAmerican(word);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }
  if (/([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

/**
 * Words that mean the same thing in this domain, folded to one term on both sides (question and
 * knowledge), so "purchases" meets "buy" and "probe" meets "investigation".
 */
const SAME_AS: Record<string, string> = {
  purchas: "buy",
  bought: "buy",
  buyer: "buy",
  investigat: "probe",
  prob: "probe",
  halv: "cut",
  halve: "cut",
  reduc: "cut",
  lower: "cut",
  postpon: "delay",
  hik: "increas",
  rais: "increas",
  talk: "talk",
  negotiat: "talk",
  violat: "breach",
  breach: "breach",
  owner: "own",
  urg: "ask",
  request: "ask",
  leader: "lead",
  agre: "deal",
  consensus: "deal",
  worth: "valu",
  slap: "impos",
  curb: "control",
  licenc: "licens",
  defenc: "defens",
  offenc: "offens",
  programm: "program",
  dialogu: "dialog",
  catalogu: "catalog",
  characteris: "describ",
  stuck: "stall",
  drop: "cut",
  slash: "cut",
  team: "delegat",
  hrs: "hour",
  hr: "hour",
  mins: "minut",
  pledg: "commit",
  promis: "commit",
  shelv: "paus",
  freez: "paus",
};

export function canonicalTerm(term: string): string {
  return SAME_AS[term] ?? term;
}

/** Content terms of a text: normalised, without stopwords, stemmed. */
export function terms(text: string): string[] {
  return words(normalize(text))
    .filter((w) => !isStopword(w))
    .map((w) => canonicalTerm(stem(w)));
}
