import { type FSWatcher, watch } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createEngine, type Engine } from "../core/engine.ts";
import { loadKnowledgeDir } from "../knowledge/load.ts";
import type { Problem } from "../knowledge/problems.ts";
import { type Counts, countsOf } from "../knowledge/types.ts";

export interface ReloadResult {
  ok: boolean;
  /** True when the files changed and a new knowledge base is now served. */
  changed: boolean;
  version: string;
  problems: Problem[];
  at: Date;
}

export interface KnowledgeStatus {
  version: string;
  counts: Counts;
  loadedAt: Date;
  lastReload: ReloadResult | null;
  startedAt: Date;
}

export interface KnowledgeServiceOptions {
  dir: string;
  /** How long the files must stay quiet before a reload: editors save in bursts and by rename. */
  settleMs?: number;
  /** A slow check that catches changes a file watcher missed (e.g. the folder was replaced). */
  pollMs?: number;
  clock?: () => Date;
  onReload?: (result: ReloadResult) => void;
}

/**
 * Serves one complete, valid knowledge base at a time. Edits are picked up after they settle,
 * validated as a whole and swapped in atomically; an invalid edit never replaces good knowledge.
 */
export class KnowledgeService {
  private current: Engine;
  private loadedAt: Date;
  private lastReload: ReloadResult | null = null;
  private readonly startedAt: Date;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private fingerprint = "";
  private reloading: Promise<ReloadResult> | null = null;
  private pending = false;

  private constructor(
    private readonly options: KnowledgeServiceOptions,
    engine: Engine,
  ) {
    this.current = engine;
    this.loadedAt = this.now();
    this.startedAt = this.loadedAt;
  }

  /** Loads the knowledge once; fails with every problem when the first load is invalid. */
  static async open(options: KnowledgeServiceOptions): Promise<KnowledgeService> {
    const result = await loadKnowledgeDir(options.dir);
    if (!result.ok) throw new KnowledgeLoadError(result.problems);
    const service = new KnowledgeService(options, createEngine(result.kb));
    service.fingerprint = await fingerprintOf(options.dir);
    return service;
  }

  /** The engine to answer with. Read it once per request: it never changes under a question. */
  engine(): Engine {
    return this.current;
  }

  status(): KnowledgeStatus {
    return {
      version: this.current.kb.version,
      counts: countsOf(this.current.kb),
      loadedAt: this.loadedAt,
      lastReload: this.lastReload,
      startedAt: this.startedAt,
    };
  }

  /** Reloads now. Concurrent calls share one reload, and a change during a reload triggers another. */
  reload(): Promise<ReloadResult> {
    if (this.reloading) {
      this.pending = true;
      return this.reloading;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = null;
      if (this.pending) {
        this.pending = false;
        this.schedule();
      }
    });
    return this.reloading;
  }

  watch(): void {
    if (this.watcher) return;
    const settle = () => this.schedule();
    try {
      this.watcher = watch(this.options.dir, { recursive: true }, settle);
      this.watcher.on("error", () => this.restartWatcher());
    } catch {
      this.watcher = null; // the poller below still notices changes
    }
    this.poller = setInterval(() => void this.pollOnce(), this.options.pollMs ?? 2000);
    this.poller.unref();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    this.timer = null;
    this.poller = null;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, this.options.settleMs ?? 300);
    this.timer.unref();
  }

  private restartWatcher(): void {
    this.watcher?.close();
    this.watcher = null;
    setTimeout(() => {
      if (!this.poller) return; // closed meanwhile
      try {
        this.watcher = watch(this.options.dir, { recursive: true }, () => this.schedule());
        this.watcher.on("error", () => this.restartWatcher());
      } catch {
        this.watcher = null;
      }
    }, 500).unref();
  }

  private async pollOnce(): Promise<void> {
    const now = await fingerprintOf(this.options.dir);
    if (now !== this.fingerprint && !this.timer && !this.reloading) this.schedule();
  }

  private async load(): Promise<ReloadResult> {
    const fingerprint = await fingerprintOf(this.options.dir);
    const result = await loadKnowledgeDir(this.options.dir);
    this.fingerprint = fingerprint;
    let outcome: ReloadResult;
    if (result.ok) {
      const changed = result.kb.version !== this.current.kb.version;
      if (changed) {
        // Build first, then swap: a question sees the old knowledge or the new one, never a mix.
        this.current = createEngine(result.kb);
        this.loadedAt = this.now();
      }
      outcome = { ok: true, changed, version: result.kb.version, problems: [], at: this.now() };
    } else {
      outcome = {
        ok: false,
        changed: false,
        version: this.current.kb.version,
        problems: result.problems,
        at: this.now(),
      };
    }
    this.lastReload = outcome;
    this.options.onReload?.(outcome);
    return outcome;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the knowledge base has ${problems.length} problem(s)`);
  }
}

/** Names, sizes and modification times of every file: cheap, and changes whenever an edit lands. */
async function fingerprintOf(dir: string): Promise<string> {
  const parts: string[] = [];
  async function walk(d: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = join(d, name);
      try {
        const s = await stat(full);
        if (s.isDirectory()) await walk(full);
        else parts.push(`${full}:${s.size}:${s.mtimeMs}`);
      } catch {
        // a file that vanished mid-walk is simply not part of this fingerprint
      }
    }
  }
  await walk(dir);
  return parts.join("|");
}
