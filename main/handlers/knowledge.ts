import type { HandlersOf, Services } from './services';

export function knowledgeHandlers({
  db,
  vectors,
}: Pick<Services, 'db' | 'vectors'>): HandlersOf<'knowledge'> {
  return { 'knowledge/reindex': () => vectors.reindex(db) };
}
