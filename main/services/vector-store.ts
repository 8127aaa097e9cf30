/**
 * The MiniLM embedder (a worker thread) and the Chroma server, each started once on first need and
 * stopped with the engine; and the Knowledge (profiles kept in Chroma) a campaign works with.
 */
import type { Icp } from '../domain/icp';
import { AppError } from '../shared/errors';
import { createEmbedder, type Embedder } from '../intel/embedder';
import { startChroma, type ChromaHandle } from '../intel/chroma';
import { existsSync } from 'node:fs';
import { contactId, deleteItems, withNamespace } from '../intel/collections';
import type { IntelSettings } from '../intel/settings';
import { Knowledge } from '../pipeline/knowledge';
import { passThroughFilter, type PreFilter } from '../pipeline/prefilter';
import { SemanticFilter } from '../pipeline/semantic-filter';
import type { Db } from '../store';

export interface VectorStoreOptions {
  /** Where a spawned Chroma keeps its data. */
  chromaDir: string;
  /** A running Chroma server to use instead of spawning one. */
  chromaUrl?: string;
  /** Prefix for collection names on a shared Chroma server. */
  chromaNamespace?: string;
  semanticFilter?: boolean;
  vectorStore?: boolean;
  /** Where the model and the Chroma binary are (the cache, the user's model folder, LEAD_STUDIO_CHROMA_BIN). */
  intel?: IntelSettings;
}

export interface VectorStore {
  /** The campaign's knowledge, or null when the vector store is off or cannot run (said in `log`). */
  knowledgeFor(log: (message: string) => void): Promise<Knowledge | null>;
  prefilterFor(icp: Icp, knowledge: Knowledge | null): Promise<PreFilter>;
  /** Drops the vector store and rebuilds it from SQLite (the truth). */
  reindex(db: Db): Promise<{ companies: number; icps: number }>;
  /** The next campaign loads the model again (after a download). */
  forgetEmbedder(): void;
  /** Deletes people's contact profiles (an erasure), where a store exists; returns how many were asked. */
  forgetContacts(providerIds: string[]): Promise<number>;
  close(): Promise<void>;
}

export function createVectorStore(o: VectorStoreOptions): VectorStore {
  let embedder: Promise<Embedder | null> | null = null;
  let chroma: Promise<ChromaHandle | null> | null = null;
  let chromaError: string | null = null;

  /** The MiniLM worker, started once; null (rules-only filtering) when the model is missing. */
  function getEmbedder(): Promise<Embedder | null> {
    embedder ??= createEmbedder({ modelDir: o.intel?.modelDir, cacheDir: o.intel?.cacheDir }).catch(
      () => null,
    );
    return embedder;
  }

  /** The Chroma server, started once on first need; null (and a reason) when it cannot run. */
  function getChroma(): Promise<ChromaHandle | null> {
    chroma ??= startChroma({
      dataDir: o.chromaDir,
      url: o.chromaUrl,
      cacheDir: o.intel?.cacheDir,
      chromaBin: o.intel?.chromaBin,
    }).catch((e) => {
      chromaError = e instanceof Error ? e.message : String(e);
      return null;
    });
    return chroma;
  }

  const namespaced = (ch: ChromaHandle) => (o.chromaNamespace ? withNamespace(ch, o.chromaNamespace) : ch);

  return {
    async knowledgeFor(log) {
      if (o.vectorStore === false || (o.vectorStore === undefined && o.semanticFilter === false)) return null;
      const [emb, ch] = await Promise.all([getEmbedder(), getChroma()]);
      if (!emb) return null;
      if (!ch) {
        log(
          `The vector store (Chroma) is not available: ${chromaError}. Filtering works without it; cached profiles are not reused.`,
        );
        return null;
      }
      return new Knowledge(namespaced(ch), emb, log);
    },
    async prefilterFor(icp, knowledge) {
      if (o.semanticFilter === false) return passThroughFilter;
      return new SemanticFilter(icp, await getEmbedder(), knowledge);
    },
    async reindex(db) {
      const emb = await getEmbedder();
      if (!emb)
        throw new AppError(
          'MODEL_MISSING',
          'The MiniLM model is missing: download it in Settings → Matching model or with `npm run cli -- fetch-model` first.',
        );
      const ch = await getChroma();
      if (!ch) throw new AppError('CHROMA_UNAVAILABLE', `Chroma could not start: ${chromaError}`);
      return new Knowledge(namespaced(ch), emb).reindex(db);
    },
    forgetEmbedder() {
      embedder = null;
    },
    async forgetContacts(providerIds) {
      if (!o.chromaUrl && !existsSync(o.chromaDir)) return 0;
      const ch = await getChroma();
      if (!ch)
        throw new AppError('CHROMA_UNAVAILABLE', `Chroma could not start to erase vectors: ${chromaError}`);
      await deleteItems(namespaced(ch), 'contacts', providerIds.map(contactId));
      return providerIds.length;
    },
    async close() {
      if (embedder) await (await embedder)?.close();
      if (chroma) await (await chroma)?.stop();
    },
  };
}
