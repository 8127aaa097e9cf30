import type { HandlersOf, Services } from './services';

export function modelHandlers({ model }: Pick<Services, 'model'>): HandlersOf<'model'> {
  return {
    'model/status': async () => model.status(),
    'model/download': () => model.download(),
  };
}
