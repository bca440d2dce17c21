/** Strings numbered 0, 1, 2… in order of first appearance. */
export class Numbering {
  readonly list: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of a string, numbering it if it is new. */
  number(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.list.length;
      this.numbers.set(text, n);
      this.list.push(text);
    }
    return n;
  }

  /** The number of a string, or -1 when it was never numbered. */
  find(text: string): number {
    return this.numbers.get(text) ?? -1;
  }
}
