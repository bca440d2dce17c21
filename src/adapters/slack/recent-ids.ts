/**
 * Ids of recently handled events, bounded so memory stays flat. Slack may deliver one message twice —
 * a retry arriving while the first delivery is still being answered, or a DM that is also a mention —
 * and each must be answered once.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 2000) {}

  /** Records every id given; true when any of them was already seen. */
  seenBefore(...ids: (string | undefined)[]): boolean {
    const known = ids.filter((id): id is string => Boolean(id));
    const seen = known.some((id) => this.ids.has(id));
    for (const id of known) {
      this.ids.delete(id);
      this.ids.add(id); // re-inserted so the oldest are evicted first
    }
    while (this.ids.size > this.max) {
      const oldest = this.ids.values().next().value;
      if (oldest === undefined) break;
      this.ids.delete(oldest);
    }
    return seen;
  }
}
