// The request context every route sees.
import type { Store } from '../store/index.ts';
import type { Config } from '../config.ts';
import type { Language } from '../language/languages.ts';
import type { Translate } from '../i18n/index.ts';
import type { User } from '../accounts/service.ts';
import type { SectionRegistry } from './sections.tsx';

export interface AppEnv {
  Variables: {
    store: Store;
    config: Config;
    /** Pages only: the language from the URL prefix. */
    lang: Language;
    t: Translate;
    /** The signed-in user (session cookie on pages, bearer token on the API), or null. */
    user: User | null;
    /** The session cookie's token, when there is a session. */
    sessionToken: string | null;
    /** The token every form of this page must send back (CSRF). */
    csrf: string;
    /** The key that signs CSRF tokens. */
    secret: string;
    /** The sections other slices add to this app's pages (sections.tsx). */
    sections: SectionRegistry;
  };
}
