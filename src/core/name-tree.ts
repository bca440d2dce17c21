import { grownInt32 } from "./int-list.ts";
import { IntPairMap } from "./int-pair-map.ts";

/**
 * A trie of names by word number: following a text's words from any position finds every name
 * that starts there. Kept in typed arrays (nodes numbered, edges in an open-addressed table keyed
 * by node and word) because a knowledge base of 100,000 entries has some 150,000 names, and a Map
 * per node made the index build slow and its heap large.
 *
 * Most words of a text start no name, and most that do are not followed by the rest of one: each
 * node keeps a 32-bit mask of its children's words (by word number mod 32), so most lookups end
 * without touching the edge table.
 */
export class NameTree {
  /** Word number → its node as the first word of a name, + 1 (0: no name starts with it). */
  private root = new Int32Array(1024);
  /**
   * Word number → that node's key + 1 and children's mask, copied from the node arrays by seal():
   * most words that start a name start no longer one in the text, and the word's own entries
   * (read for every word of a text, so cached) then say so without a look at the node arrays.
   */
  private rootKey = new Int32Array(0);
  private rootMask = new Int32Array(0);
  /** Node → the lexicon key of the name that ends there, + 1 (0: none). */
  private keyOf = new Int32Array(1024);
  /** Node → the mask of its children's words. */
  private childMask = new Int32Array(1024);
  private nodes = 0;
  /** (parent node, word) → child node. */
  private readonly edges: IntPairMap;

  /** `expectedEdges`: about how many edges the tree will have, so that its table need not grow. */
  constructor(expectedEdges = 0) {
    this.edges = new IntPairMap(expectedEdges);
  }

  /** The node of the name whose word numbers are words[0 … count), made if new. */
  insert(words: Int32Array, count: number): number {
    const first = words[0] as number;
    if (first >= this.root.length) this.root = grownInt32(this.root, first + 1);
    let node = (this.root[first] as number) - 1;
    if (node < 0) {
      node = this.newNode();
      this.root[first] = node + 1;
    }
    for (let i = 1; i < count; i++) {
      const word = words[i] as number;
      let child = this.child(node, word);
      if (child < 0) {
        child = this.newNode();
        this.edges.add(node, word, child);
        this.childMask[node] = (this.childMask[node] as number) | (1 << (word & 31));
      }
      node = child;
    }
    return node;
  }

  /** The node of the name whose word numbers are words[0 … count), or -1. */
  find(words: ArrayLike<number>, count: number): number {
    let node = count > 0 ? this.start(words[0] as number) : -1;
    for (let i = 1; i < count && node >= 0; i++) node = this.child(node, words[i] as number);
    return node;
  }

  setKey(node: number, key: number): void {
    this.keyOf[node] = key + 1;
  }

  /**
   * Copies each first word's node key (when `alone` allows the word as a name by itself) and mask
   * next to it (see rootKey); call when all names are in.
   */
  seal(alone: (word: number) => boolean): void {
    this.rootKey = new Int32Array(this.root.length);
    this.rootMask = new Int32Array(this.root.length);
    for (let word = 0; word < this.root.length; word++) {
      const node = (this.root[word] as number) - 1;
      if (node < 0) continue;
      if (alone(word)) this.rootKey[word] = this.keyOf[node] as number;
      this.rootMask[word] = this.childMask[node] as number;
    }
  }

  /** The node of the one-word name prefix `word`, or -1. */
  start(word: number): number {
    return word < this.root.length ? (this.root[word] as number) - 1 : -1;
  }

  /** The lexicon key of the one-word name `word` (a word start() found) when it is a name alone, or -1. */
  startKey(word: number): number {
    return (this.rootKey[word] as number) - 1;
  }

  /** Whether a name may go on from the first word `first` (a word start() found) with `next`. */
  startGoesOn(first: number, next: number): boolean {
    return ((this.rootMask[first] as number) & (1 << (next & 31))) !== 0;
  }

  /** The node reached from `node` by `word`, or -1. */
  child(node: number, word: number): number {
    if (((this.childMask[node] as number) & (1 << (word & 31))) === 0) return -1;
    return this.edges.get(node, word);
  }

  /** The lexicon key of the name that ends at `node`, or -1. */
  keyAt(node: number): number {
    return (this.keyOf[node] as number) - 1;
  }

  private newNode(): number {
    if (this.nodes === this.keyOf.length) {
      this.keyOf = grownInt32(this.keyOf, this.nodes + 1);
      this.childMask = grownInt32(this.childMask, this.nodes + 1);
    }
    return this.nodes++;
  }
}
