/**
 * Our three Chroma collections. Vectors always come from our embedder (createEmbedder), never
 * from Chroma: collections are created with embeddingFunction null, so the client neither loads
 * nor asks for @chroma-core/default-embed, and every write must carry its embeddings.
 * Distances are cosine (1 - similarity) so scores compare with cosine() and the ICP thresholds.
 * Chroma is a cache: SQLite is the truth and reindex rebuilds these from it.
 */
import type { ChromaClient, Collection, Metadata, Where } from 'chromadb';
import type { Tier } from '../domain/icp';
import { AppError } from '../shared/errors';
import type { ChromaHandle } from './chroma';
import { MODEL_DIMS, MODEL_ID } from './model-files';

export const COLLECTIONS = { companies: 'companies', contacts: 'contacts', icps: 'icps' } as const;
export type CollectionName = keyof typeof COLLECTIONS;

export type MetadataValue = string | number | boolean | null | undefined;

export interface VectorItem {
  id: string;
  embedding: ArrayLike<number>;
  document: string;
  /** null/undefined values are left out (Chroma metadata has no null). */
  metadata?: Record<string, MetadataValue>;
}

export interface QueryHit {
  id: string;
  similarity: number; // 1 - cosine distance
  document: string | null;
  metadata: Metadata | null;
}

export interface QueryOptions {
  /** How many nearest items (default 10). */
  n?: number;
  /** Chroma metadata filter, e.g. { campaignId: 3 } or { $and: [{ tier: 'T1' }, { country: 'India' }] }. */
  where?: Where;
}

/**
 * What the helpers need: a client, and optionally a namespace that prefixes collection names
 * ("<namespace>-companies") so tests or several data sets can share one server without mixing.
 */
export type HandleLike = Pick<ChromaHandle, 'client'> & { namespace?: string };

export function withNamespace(handle: Pick<ChromaHandle, 'client'>, namespace: string): HandleLike {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,200}$/.test(namespace)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `namespace "${namespace}": use letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  return { client: handle.client, namespace };
}

export function collectionName(handle: HandleLike, name: CollectionName): string {
  return handle.namespace ? `${handle.namespace}-${COLLECTIONS[name]}` : COLLECTIONS[name];
}

/** Stable ids: a company is its domain, a contact its provider id, an ICP its campaign and tier. */
export function companyId(domain: string): string {
  const d = domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
  if (!d)
    throw new AppError('INVALID_ARGUMENT', 'companyId: a company needs a domain to be stored in Chroma');
  return d;
}

export function contactId(providerId: string): string {
  if (!providerId.trim()) throw new AppError('INVALID_ARGUMENT', 'contactId: empty provider id');
  return providerId.trim();
}

export function icpId(campaignId: number | string, tier: Tier): string {
  return `${campaignId}:${tier}`;
}

const cache = new WeakMap<ChromaClient, Map<string, Promise<Collection>>>();

/** Gets or creates one of our collections (cached per client). */
export function collection(handle: HandleLike, name: CollectionName): Promise<Collection> {
  let byName = cache.get(handle.client);
  if (!byName) cache.set(handle.client, (byName = new Map()));
  const full = collectionName(handle, name);
  let col = byName.get(full);
  if (!col) {
    col = handle.client.getOrCreateCollection({
      name: full,
      embeddingFunction: null,
      configuration: { hnsw: { space: 'cosine' } },
      metadata: { model: MODEL_ID, dims: MODEL_DIMS },
    });
    col.catch(() => byName!.delete(full)); // let the next call retry (e.g. server restarting)
    byName.set(full, col);
  }
  return col;
}

function cleanMetadata(meta: Record<string, MetadataValue> | undefined): Metadata | undefined {
  if (!meta) return undefined;
  const out: Metadata = {};
  for (const [k, v] of Object.entries(meta)) if (v !== null && v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function toVector(embedding: ArrayLike<number>, id: string): number[] {
  if (embedding.length !== MODEL_DIMS) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `embedding for ${id} has ${embedding.length} dimensions, expected ${MODEL_DIMS}`,
    );
  }
  return Array.from(embedding);
}

/** Inserts or replaces items by id, in chunks the server accepts. */
export async function upsert(handle: HandleLike, name: CollectionName, items: VectorItem[]): Promise<void> {
  if (items.length === 0) return;
  const col = await collection(handle, name);
  const max = Math.max(1, await handle.client.getMaxBatchSize().catch(() => 1000));
  for (let i = 0; i < items.length; i += max) {
    const chunk = items.slice(i, i + max);
    const metadatas = chunk.map((it) => cleanMetadata(it.metadata));
    await col.upsert({
      ids: chunk.map((it) => it.id),
      embeddings: chunk.map((it) => toVector(it.embedding, it.id)),
      documents: chunk.map((it) => it.document),
      ...(metadatas.some(Boolean) ? { metadatas: metadatas.map((m) => m ?? {}) } : {}),
    });
  }
}

export const upsertCompanies = (handle: HandleLike, items: VectorItem[]) =>
  upsert(handle, 'companies', items);
export const upsertContacts = (handle: HandleLike, items: VectorItem[]) => upsert(handle, 'contacts', items);
export const upsertIcps = (handle: HandleLike, items: VectorItem[]) => upsert(handle, 'icps', items);

/** Nearest items to an embedding, most similar first. */
export async function queryByEmbedding(
  handle: HandleLike,
  name: CollectionName,
  embedding: ArrayLike<number>,
  opts: QueryOptions = {},
): Promise<QueryHit[]> {
  const col = await collection(handle, name);
  const res = await col.query({
    queryEmbeddings: [toVector(embedding, 'query')],
    nResults: opts.n ?? 10,
    ...(opts.where ? { where: opts.where } : {}),
    include: ['documents', 'metadatas', 'distances'],
  });
  const ids = res.ids[0] ?? [];
  return ids.map((id, i) => ({
    id,
    similarity: 1 - (res.distances[0]?.[i] ?? 1),
    document: res.documents[0]?.[i] ?? null,
    metadata: res.metadatas[0]?.[i] ?? null,
  }));
}

/** Stored embeddings by id (missing ids are absent from the map): lets callers skip re-embedding. */
export async function getEmbeddings(
  handle: HandleLike,
  name: CollectionName,
  ids: string[],
): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  if (ids.length === 0) return out;
  const col = await collection(handle, name);
  const res = await col.get({ ids, include: ['embeddings'] });
  res.ids.forEach((id, i) => {
    const e = res.embeddings[i];
    if (e) out.set(id, Float32Array.from(e));
  });
  return out;
}

export async function deleteItems(handle: HandleLike, name: CollectionName, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await (await collection(handle, name)).delete({ ids });
}

/** Drops and recreates a collection (before a full reindex from SQLite). */
export async function resetCollection(handle: HandleLike, name: CollectionName): Promise<void> {
  const full = collectionName(handle, name);
  await handle.client.deleteCollection({ name: full }).catch(() => {});
  cache.get(handle.client)?.delete(full);
  await collection(handle, name);
}

export async function count(handle: HandleLike, name: CollectionName): Promise<number> {
  return (await collection(handle, name)).count();
}

/** One stored item by id (document and metadata), or null. */
export async function getItem(
  handle: HandleLike,
  name: CollectionName,
  id: string,
): Promise<{ id: string; document: string | null; metadata: Metadata | null } | null> {
  const res = await (await collection(handle, name)).get({ ids: [id], include: ['documents', 'metadatas'] });
  if (res.ids.length === 0) return null;
  return { id: res.ids[0]!, document: res.documents[0] ?? null, metadata: res.metadatas[0] ?? null };
}
