// One ICU MessageFormat catalog per language with stable semantic keys (src/i18n/messages).
import { IntlMessageFormat } from 'intl-messageformat';
import { languages, type Language } from '../language/languages.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import zh from './messages/zh.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const catalogs: Record<Language, Record<string, string>> = { ar, en, es, fr, ru, zh };

const compiled = new Map<string, IntlMessageFormat>();

function format(lang: Language, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${lang}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    // A key missing from a catalog falls back to English rather than showing the key.
    const source = catalogs[lang][key] ?? catalogs.en[key];
    if (source === undefined) throw new Error(`message ${key} is in no catalog`);
    message = new IntlMessageFormat(source, lang === 'zh' ? 'zh-Hans' : lang, undefined, { ignoreTag: true });
    compiled.set(cacheKey, message);
  }
  return String(message.format(values));
}

/** The translate function for a language. */
export function translator(lang: Language): Translate {
  return (key, values) => format(lang, key, values);
}

export const messageKeys = Object.keys(en) as MessageKey[];
export { languages };
