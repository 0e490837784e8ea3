// The request context every route sees.
import type { Store } from '../store/index.ts';
import type { Config } from '../config.ts';
import type { Language } from '../language/languages.ts';
import type { Translate } from '../i18n/index.ts';

export interface AppEnv {
  Variables: {
    store: Store;
    config: Config;
    /** Pages only: the language from the URL prefix. */
    lang: Language;
    t: Translate;
  };
}
