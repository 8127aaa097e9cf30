/**
 * Fair batching for concurrent embed() callers. Each call is a job; a batch takes an equal share
 * from every waiting job (then fills up from whoever has more), so a 10,000-text reindex does not
 * make a single-text query wait for the whole reindex. Within a job, texts go out shortest first
 * so a batch holds texts of similar length and pads little.
 */
export interface QueuedJob {
  texts: string[];
  order: number[]; // indices of texts, shortest first
  next: number; // position in order of the next text to send
  pending: number; // texts sent or unsent whose vector has not arrived
  results: Float32Array[];
  resolve: (v: Float32Array[]) => void;
  reject: (e: unknown) => void;
  failed: boolean;
}

export interface Batch {
  texts: string[];
  targets: { job: QueuedJob; index: number }[];
}

export class EmbedQueue {
  private jobs: QueuedJob[] = [];
  private rotate = 0;

  add(texts: string[], resolve: QueuedJob['resolve'], reject: QueuedJob['reject']): void {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
    this.jobs.push({
      texts,
      order,
      next: 0,
      pending: texts.length,
      results: new Array(texts.length),
      resolve,
      reject,
      failed: false,
    });
  }

  get waiting(): number {
    return this.jobs.filter((j) => j.next < j.order.length).length;
  }

  /** Next batch of at most `size` texts, or null when nothing is waiting to be sent. */
  take(size: number): Batch | null {
    const open = this.jobs.filter((j) => j.next < j.order.length);
    if (open.length === 0) return null;
    const start = this.rotate++ % open.length;
    const ordered = [...open.slice(start), ...open.slice(0, start)];
    const batch: Batch = { texts: [], targets: [] };
    const share = Math.max(1, Math.floor(size / ordered.length));
    const pull = (job: QueuedJob, n: number) => {
      for (let k = 0; k < n && job.next < job.order.length && batch.texts.length < size; k++) {
        const index = job.order[job.next++]!;
        batch.texts.push(job.texts[index]!);
        batch.targets.push({ job, index });
      }
    };
    for (const job of ordered) pull(job, share);
    for (const job of ordered) pull(job, size);
    return batch;
  }

  /** Vectors for a batch, in batch order; resolves the jobs it completes. */
  complete(batch: Batch, vectors: Float32Array[]): void {
    batch.targets.forEach(({ job, index }, i) => {
      if (job.failed) return;
      job.results[index] = vectors[i]!;
      if (--job.pending === 0) {
        this.drop(job);
        job.resolve(job.results);
      }
    });
  }

  /** Rejects every job that had texts in the failed batch; other jobs go on. */
  fail(batch: Batch, err: unknown): void {
    for (const { job } of batch.targets) this.failJob(job, err);
  }

  failAll(err: unknown): void {
    for (const job of [...this.jobs]) this.failJob(job, err);
  }

  private failJob(job: QueuedJob, err: unknown): void {
    if (job.failed) return;
    job.failed = true;
    this.drop(job);
    job.reject(err);
  }

  private drop(job: QueuedJob): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
  }
}
