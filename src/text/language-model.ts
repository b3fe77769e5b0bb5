import { createRequire } from 'node:module';

/**
 * The one wink-nlp instance with its English model (wink-eng-lite-web-model),
 * shared by everything that reads English (the action-item judge, the
 * request matcher). Loading costs about half a second to a second, so it
 * happens on first use, never on the way to a frame: `createRequire` keeps it
 * out of the bundle's static imports. Deterministic.
 */
export interface WinkLike {
  readDoc(text: string): any;
  its: Record<string, unknown>;
}

let instance: WinkLike | null = null;

export function languageModel(): WinkLike {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkLike;
    instance = winkNLP(require('wink-eng-lite-web-model'));
  }
  return instance;
}

/** Whether the model has been loaded in this process (for the startup check). */
export const languageModelLoaded = () => instance !== null;
