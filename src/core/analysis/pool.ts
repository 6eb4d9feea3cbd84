import { Worker } from 'node:worker_threads';
import type { AnalysisRequest, AnalysisResponse } from './worker';
import type { AnalysisJob } from './analysis';
import type { Analyzer } from '../scanner';
import type { DraftAnalysis } from '../types';

interface Waiting {
  resolve(results: DraftAnalysis[]): void;
  reject(error: Error): void;
}

/**
 * A few worker threads that run the analysis pass, so a large scan uses more than one core
 * and the host thread stays free. Each worker takes the next batch when it is idle.
 */
export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { request: AnalysisRequest; waiting: Waiting }[] = [];
  private readonly inFlight = new Map<number, { worker: Worker; waiting: Waiting }>();
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerScript: string,
    private readonly size: number,
  ) {}

  /**
   * The pool as the scanner's analyzer. Aborting `options.signal` rejects the batch: a queued one
   * is dropped, and a running one stops with its worker, which is replaced on the next batch, so
   * an edit that makes a long analysis pointless also ends it.
   */
  readonly analyze: Analyzer = (jobs: AnalysisJob[], options): Promise<DraftAnalysis[]> => {
    if (this.disposed) return Promise.reject(new Error('The analysis pool is closed.'));
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const onAbort = (): void => this.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const waiting: Waiting = {
        resolve: (results) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(results);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.queue.push({ request: { id, jobs, wordsPerMinute: options.wordsPerMinute }, waiting });
      this.pump();
    });
  };

  private cancel(id: number): void {
    const queued = this.queue.findIndex((item) => item.request.id === id);
    if (queued >= 0) {
      this.queue.splice(queued, 1)[0].waiting.reject(abortError());
      return;
    }
    const entry = this.inFlight.get(id);
    if (!entry) return;
    this.inFlight.delete(id);
    entry.waiting.reject(abortError());
    this.remove(entry.worker);
    void entry.worker.terminate();
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    const closed = new Error('The analysis pool is closed.');
    for (const { waiting } of this.queue.splice(0)) waiting.reject(closed);
    for (const { waiting } of this.inFlight.values()) waiting.reject(closed);
    this.inFlight.clear();
    for (const worker of this.workers.splice(0)) void worker.terminate();
    this.idle.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.spawn();
      if (!worker) return;
      const { request, waiting } = this.queue.shift()!;
      this.inFlight.set(request.id, { worker, waiting });
      worker.postMessage(request);
    }
  }

  private spawn(): Worker | undefined {
    if (this.workers.length >= this.size) return undefined;
    const worker = new Worker(this.workerScript);
    // An idle pool must not keep a process (a test run, a CLI) alive.
    worker.unref();
    worker.on('message', (response: AnalysisResponse) => {
      const entry = this.inFlight.get(response.id);
      if (!entry) return;
      this.inFlight.delete(response.id);
      if ('error' in response) entry.waiting.reject(new Error(response.error));
      else entry.waiting.resolve(response.results);
      this.idle.push(worker);
      this.pump();
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      // A worker stopped by `cancel` is already gone from the pool.
      if (!this.disposed && this.workers.includes(worker)) this.fail(worker, new Error(`An analysis worker stopped with exit code ${code}.`));
    });
    this.workers.push(worker);
    return worker;
  }

  /** A crashed worker fails only its own batch; the scanner analyses that batch itself. */
  private fail(worker: Worker, error: Error): void {
    for (const [id, entry] of this.inFlight) {
      if (entry.worker === worker) {
        this.inFlight.delete(id);
        entry.waiting.reject(error);
      }
    }
    this.remove(worker);
    this.pump();
  }

  private remove(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    const idleIndex = this.idle.indexOf(worker);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
  }
}

function abortError(): Error {
  const error = new Error('The analysis was cancelled.');
  error.name = 'AbortError';
  return error;
}
