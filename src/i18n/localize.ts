/**
 * Typed translations for every user-visible string, aria labels included. An element's language is its own `lang`
 * attribute, else the closest ancestor's, else the document's; it re-renders when any of them changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type TranslationKey, type Translations } from './en.js';
import { es } from './es.js';

const tables = new Map<string, Translations>([
  ['en', en],
  ['es', es],
]);

/** Adds or replaces a language (`registerTranslations('fr', {...})`), typed against the English table. */
export function registerTranslations(lang: string, table: Translations): void {
  tables.set(lang.toLowerCase(), table);
  for (const controller of controllers) controller.host.requestUpdate();
}

/** The best table for a BCP 47 tag: exact, then its primary language, then English. */
export function translationsFor(lang: string): Translations {
  const tag = lang.toLowerCase();
  return tables.get(tag) ?? tables.get(tag.split('-')[0]!) ?? en;
}

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
    const entry = translationsFor(this.lang)[key] as string | ((...values: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
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
    return new Intl.DateTimeFormat(this.lang, options).format(date);
  }

  /** A full date and time. */
  dateTime(value: string | Date): string {
    return new Intl.DateTimeFormat(this.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.lang).format(value);
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
    return new Intl.NumberFormat(this.lang, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(size);
  }
}

export type { TranslationKey, Translations };
