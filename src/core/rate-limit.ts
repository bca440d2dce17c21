export interface RateLimitConfig {
  /** Questions a user may ask at once. */
  burst: number;
  /** Seconds until one more question is allowed. */
  refillSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = Object.freeze({ burst: 5, refillSeconds: 10 });

/** A token bucket per user: a burst, then one question every refillSeconds. Memory stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly config: RateLimitConfig = DEFAULT_RATE_LIMIT,
    private readonly maxUsers = 10_000,
  ) {}

  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  take(key: string, nowMs: number): number {
    const rate = 1 / (this.config.refillSeconds * 1000);
    const bucket = this.buckets.get(key) ?? { tokens: this.config.burst, updated: nowMs };
    bucket.tokens = Math.min(this.config.burst, bucket.tokens + (nowMs - bucket.updated) * rate);
    bucket.updated = nowMs;
    this.buckets.delete(key);
    this.buckets.set(key, bucket); // re-inserted so the oldest users are evicted first
    if (this.buckets.size > this.maxUsers) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }
}
