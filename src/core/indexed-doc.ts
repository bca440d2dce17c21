import type { Entry } from "../knowledge/types.ts";
import { docFields, titleOf } from "./entry-text.ts";
import type { Doc, DocKind } from "./search-index.ts";
import { terms } from "./text.ts";

/**
 * What docs share: every doc's entities as numbers in one array, doc by doc, in the order found
 * (filled in as the index is built), and what a doc's searched text is made of.
 */
export interface DocStore {
  entities: Int32Array;
  readonly entityList: readonly string[];
  readonly displayName: ReadonlyMap<string, string>;
  /** The context searched with a quote (see quoteContext). */
  readonly quoted: ReadonlyMap<string, string>;
}

/**
 * A doc as the index keeps it: a span of the shared store, the strings and sets that few questions
 * read (of the top answer, mostly) being made on first use. Its terms are read again from its text
 * then rather than kept: the index has their counts in its postings, and keeping millions of term
 * numbers made the build slower than reading a few docs again.
 */
export class IndexedDoc implements Doc {
  private termsMemo: readonly string[] | undefined;
  private termSetMemo: ReadonlySet<string> | undefined;
  private titleTermsMemo: ReadonlySet<string> | undefined;
  private entitiesMemo: ReadonlySet<string> | undefined;

  constructor(
    readonly id: string,
    readonly kind: DocKind,
    readonly entry: Entry,
    private readonly store: DocStore,
    /** How many terms its text has. */
    readonly length: number,
    /** Its entities are store.entities[entitiesFrom … entitiesTo). */
    private readonly entitiesFrom: number,
    private readonly entitiesTo: number,
    readonly date: string,
  ) {}

  get terms(): readonly string[] {
    this.termsMemo ??= terms(docFields(this.entry, this.store.displayName, this.store.quoted).join(" "));
    return this.termsMemo;
  }

  get termSet(): ReadonlySet<string> {
    this.termSetMemo ??= new Set(this.terms);
    return this.termSetMemo;
  }

  get titleTerms(): ReadonlySet<string> {
    this.titleTermsMemo ??= new Set(terms(titleOf(this.entry)));
    return this.titleTermsMemo;
  }

  get entities(): ReadonlySet<string> {
    this.entitiesMemo ??= new Set(
      Array.from(
        this.store.entities.subarray(this.entitiesFrom, this.entitiesTo),
        (e) => this.store.entityList[e] as string,
      ),
    );
    return this.entitiesMemo;
  }
}
