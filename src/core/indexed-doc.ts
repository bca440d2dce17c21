import type { Entry } from "../knowledge/types.ts";
import { titleOf } from "./entry-text.ts";
import type { Doc, DocKind } from "./search-index.ts";
import { terms } from "./text.ts";

/** Every doc's terms, as term numbers in one array: doc by doc, in the order of its text. */
export interface TermStore {
  ids: Int32Array;
  readonly list: readonly string[];
}

/**
 * A doc as the index keeps it: its terms as numbers in the shared store and its entities as a
 * list, the strings and sets that few questions read being made on first use.
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
    private readonly store: TermStore,
    private readonly from: number,
    private readonly to: number,
    private readonly entityList: readonly string[],
    readonly date: string,
  ) {}

  get length(): number {
    return this.to - this.from;
  }

  get terms(): readonly string[] {
    this.termsMemo ??= Array.from(
      this.store.ids.subarray(this.from, this.to),
      (t) => this.store.list[t] as string,
    );
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
    this.entitiesMemo ??= new Set(this.entityList);
    return this.entitiesMemo;
  }
}
