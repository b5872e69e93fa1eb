/**
 * Typed translations for every user-visible string, aria labels included. An element's language is its own `lang`
 * attribute, else the closest ancestor's, else the document's; it re-renders when any of them changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { common } from './en/common.js';
import type { TranslationKey, Translations } from './en.js';

/**
 * Strings arrive by area (`common`, `inbox`, `composer`, ...): an element imports the areas it shows, so a bundle
 * carries only those. English is registered at once, as the fallback; other languages load on first use.
 */
type Strings = Partial<Translations>;
type Loader = () => Promise<Strings>;

/** Strings per language, merged from every area registered or loaded so far. */
const tables = new Map<string, Strings>();
/** A host's own tables (`registerTranslations`): they win over the built-in ones. */
const overrides = new Map<string, Strings>();
/** Per language, the areas still to load. */
const loaders = new Map<string, Map<string, Loader>>();
const loading = new Map<string, Promise<void>>();

function merge(lang: string, strings: Strings): void {
  tables.set(lang, { ...tables.get(lang), ...strings });
}

function refreshAll(): void {
  for (const controller of controllers) controller.host.requestUpdate();
}

/**
 * Registers an area's strings: English now, other languages as loaders called the first time an element is shown
 * in that language (`defineStrings('inbox', inbox, { es: () => import('./es/inbox.js').then((m) => m.inbox) })`).
 */
export function defineStrings(area: string, english: Strings, languages: Record<string, Loader>): void {
  merge('en', english);
  for (const [lang, load] of Object.entries(languages)) {
    const pending = loaders.get(lang) ?? new Map<string, Loader>();
    pending.set(area, load);
    loaders.set(lang, pending);
  }
}

/** Loads what `lang` still lacks; `undefined` when everything is there. */
function ensureLanguage(lang: string): Promise<void> | undefined {
  const pending = loaders.get(lang);
  if (!pending?.size) return loading.get(lang);
  const areas = [...pending.entries()];
  pending.clear();
  const previous = loading.get(lang) ?? Promise.resolve();
  const done = Promise.all([
    previous,
    ...areas.map(([area, load]) =>
      load().then(
        (strings) => merge(lang, strings),
        (error: unknown) => console.error(`[mail-elements] could not load the "${lang}" strings of ${area}:`, error),
      ),
    ),
  ]).then(() => {
    if (loading.get(lang) === done) loading.delete(lang);
    refreshAll();
  });
  loading.set(lang, done);
  return done;
}

/** Adds or replaces a whole language (`registerTranslations('fr', {...})`), typed against the English table. */
export function registerTranslations(lang: string, table: Translations): void {
  overrides.set(lang.toLowerCase(), table);
  refreshAll();
}

/** The string or function for `key` in `lang`: the host's table, then the exact tag, its primary language, English. */
function lookup(lang: string, key: TranslationKey): unknown {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0]!;
  for (const table of [overrides.get(tag), overrides.get(primary), tables.get(tag), tables.get(primary)]) {
    if (table && key in table) return table[key];
  }
  return tables.get('en')?.[key] ?? key;
}

defineStrings('common', common, { es: () => import('./es/common.js').then((module) => module.common) });

type Args<K extends TranslationKey> = Translations[K] extends (...args: infer A) => string ? A : [];

const controllers = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watchDocumentLanguage(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.host.requestUpdate();
  });
  // `lang` and `dir` anywhere in the light DOM can change an element's language.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
}

export class LocalizeController implements ReactiveController {
  constructor(readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchDocumentLanguage();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** The language in effect, as a BCP 47 tag. */
  get lang(): string {
    const holder = this.host.closest('[lang]') ?? (this.host.getRootNode() as ShadowRoot).host?.closest('[lang]');
    return holder?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /** `rtl` or `ltr`, from the closest `dir`. */
  get dir(): 'ltr' | 'rtl' {
    const holder = this.host.closest('[dir]');
    return (holder?.getAttribute('dir') || document.documentElement.dir) === 'rtl' ? 'rtl' : 'ltr';
  }

  /** The translation of `key`; functions (plurals, interpolations) take their arguments. */
  term<K extends TranslationKey>(key: K, ...args: Args<K>): string {
    const entry = lookup(this.lang, key) as string | ((...values: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  }

  /**
   * Resolves when the strings of the language in effect are loaded; `undefined` when they already are. Elements wait
   * for it before rendering, so a Spanish page never flashes English.
   */
  ready(): Promise<void> | undefined {
    const tag = this.lang.toLowerCase();
    const primary = tag.split('-')[0]!;
    if (overrides.has(tag) || overrides.has(primary)) return undefined;
    return ensureLanguage(tag) ?? (primary === tag ? undefined : ensureLanguage(primary));
  }

  /** A date as a list shows it: the time for today, the day and month this year, the full date otherwise. */
  listDate(value: string | Date, now = new Date()): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    const sameDay = date.toDateString() === now.toDateString();
    const sameYear = date.getFullYear() === now.getFullYear();
    const options: Intl.DateTimeFormatOptions = sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : sameYear
        ? { day: 'numeric', month: 'short' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
    return dateFormat(this.lang, options).format(date);
  }

  /** A full date and time. */
  dateTime(value: string | Date): string {
    return dateFormat(this.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  number(value: number): string {
    return numberFormat(this.lang, {}).format(value);
  }

  /** A byte size with the unit the reader expects: 1.2 MB, 340 kB. */
  bytes(value: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let size = value;
    let unit = 0;
    while (size >= 1000 && unit < units.length - 1) {
      size /= 1000;
      unit++;
    }
    // Plain bytes as "B" in every language: English's short unit would read "65 byte".
    if (unit === 0) return `${this.number(Math.round(size))} B`;
    return numberFormat(this.lang, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(size);
  }
}

/**
 * Intl formatters are costly to create (a list row formats a date and a size on every render while scrolling), so
 * each language and set of options gets one, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cachedFormatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter(`d|${lang}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(lang, options));
}

function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormatter(`n|${lang}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(lang, options));
}

export type { TranslationKey, Translations };
