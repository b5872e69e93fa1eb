/**
 * The parts of the inbox shown only on request, in a chunk of their own that loads the first time one is asked for
 * (or pointed at): the keyboard shortcut list, the filter panel with the search tips, and the check of the operator
 * values typed in the search box.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import { formatSearch, normalizeDate, tokenize, type SearchFilter } from './search-syntax.js';
import { SHORTCUTS } from './shortcuts.js';

/** The printed names of the named keys, which differ by language (Enter is Intro on a Spanish keyboard). */
const KEY_NAMES: Readonly<Partial<Record<string, 'keys.enter' | 'keys.escape' | 'keys.delete'>>> = {
  Enter: 'keys.enter',
  Escape: 'keys.escape',
  Delete: 'keys.delete',
};

/** How a key is written in the help, in the reader's language: Shift+I rather than a bare capital, Esc, Intro. */
export function keyLabel(key: string, localize: LocalizeController): string {
  if (key.length === 1 && key >= 'A' && key <= 'Z') return localize.term('keys.shift', key);
  const name = KEY_NAMES[key];
  return name ? localize.term(name) : key;
}

// The panels bring their own styles, so that the inbox's stylesheet carries none of them.
const shortcutStyles = html`<style>
  .shortcut-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: 0.25rem calc(var(--_space) * 3);
    margin: 0;
    padding: calc(var(--_space) * 2);
  }
  .shortcut-list div {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .shortcut-list dt {
    order: 2;
    white-space: nowrap;
  }
  .shortcut-list dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.5rem;
    padding: 0.0625rem 0.375rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_surface);
    font:
      600 var(--_font-size-small) / 1.4 ui-monospace,
      monospace;
    text-align: center;
  }
  .or {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
</style>`;

const filterStyles = html`<style>
  .filters .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_space);
  }
  .filters label {
    display: grid;
    gap: 0.25rem;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .filters input:not([type='checkbox']) {
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .filters .checks {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .filters label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    color: var(--_text);
    font-size: var(--_font-size);
  }
  .buttons {
    display: flex;
    gap: var(--_space);
  }
  .tips {
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .tips h3 {
    margin: 0 0 0.25rem;
    font-size: inherit;
  }
  .tips dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.125rem var(--_space);
    margin: 0;
  }
  .tips dd {
    display: inline;
    margin-inline-start: 0.5em;
  }
  .tips dt {
    display: inline;
    color: var(--_text);
  }
</style>`;

/** The search syntax, each operator with the filter field it stands for (see `search-syntax.ts`). */
const TIPS = [
  ['from:', 'search.from'],
  ['to:', 'search.to'],
  ['subject:', 'search.subject'],
  ['body:', 'search.body'],
  ['is:unread', 'search.unread'],
  ['is:flagged', 'search.flagged'],
  ['has:attachment', 'search.attachment'],
  ['since:2026-01-31', 'search.since'],
  ['before:2026-01-31', 'search.before'],
] as const;

/** The shortcuts the inbox understands, with their keys named as the reader's keyboard prints them. */
export function renderShortcutList(localize: LocalizeController, readonly: boolean): TemplateResult {
  const shown = SHORTCUTS.filter((shortcut) => !(readonly && shortcut.mutates));
  return html`${shortcutStyles}
    <dl class="shortcut-list">
      ${shown.map(
        (shortcut) =>
          html`<div>
            <dt>
              ${shortcut.keys.map(
                (key, index) =>
                  html`${index ? html` <span class="or">${localize.term('shortcuts.or')}</span> ` : nothing}<kbd
                      >${keyLabel(key, localize)}</kbd
                    >`,
              )}
            </dt>
            <dd>${localize.term(shortcut.label)}</dd>
          </div>`,
      )}
    </dl>`;
}

/** The filter panel: the same filter as the search syntax, as fields. */
export function renderFilterPanel(
  localize: LocalizeController,
  filter: SearchFilter,
  handlers: { submit: (event: SubmitEvent) => void; clear: () => void },
): TemplateResult {
  const term = localize.term.bind(localize);
  const until = filter.before ? shiftDate(filter.before.slice(0, 10), -1) : '';
  const text = (name: 'from' | 'to' | 'subject' | 'body') =>
    html`<label
      ><span>${term(`search.${name}`)}</span><input name=${name} autocomplete="off" .value=${filter[name] ?? ''}
    /></label>`;
  const check = (name: 'unseen' | 'flagged' | 'hasAttachment', label: string) =>
    html`<label class="check"
      ><input type="checkbox" name=${name} .checked=${filter[name] === true} /><span>${label}</span></label
    >`;
  return html`<form id="filters" part="filters" class="filters" @submit=${handlers.submit}>
    ${filterStyles}
    <div class="fields">
      ${text('from')} ${text('to')} ${text('subject')} ${text('body')}
      <label
        ><span>${term('search.since')}</span><input type="date" name="since" .value=${filter.since?.slice(0, 10) ?? ''}
      /></label>
      <label><span>${term('search.until')}</span><input type="date" name="until" .value=${until} /></label>
    </div>
    <div class="checks">
      ${check('unseen', term('search.unread'))} ${check('flagged', term('search.flagged'))}
      ${check('hasAttachment', term('search.attachment'))}
    </div>
    <div class="buttons">
      <button class="button primary" type="submit">${term('search.apply')}</button>
      <button class="button" type="button" @click=${handlers.clear}>${term('search.clear')}</button>
    </div>
    <section part="search-tips" class="tips" aria-labelledby="tips-title">
      <h3 id="tips-title">${term('search.tips')}</h3>
      <dl>
        ${TIPS.map(
          ([syntax, label]) =>
            html`<div>
              <dt><code dir="ltr">${syntax}</code></dt>
              <dd>${term(label)}</dd>
            </div>`,
        )}
      </dl>
    </section>
  </form>`;
}

/** The filter the panel's fields say, keeping the free words of the search box; and the same as search syntax. */
export function readFilterPanel(
  form: HTMLFormElement,
  text: string | undefined,
): { filter: SearchFilter; query: string } {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const filter: SearchFilter = {};
  for (const name of ['from', 'to', 'subject', 'body'] as const) if (value(name)) filter[name] = value(name);
  const since = normalizeDate(value('since'));
  const until = normalizeDate(value('until'));
  if (since) filter.since = since;
  // "Date to" includes its day: the filter's `before` is the day after.
  if (until) filter.before = shiftDate(until, 1);
  if (data.get('unseen')) filter.unseen = true;
  if (data.get('flagged')) filter.flagged = true;
  if (data.get('hasAttachment')) filter.hasAttachment = true;
  if (text) filter.text = text;
  return { filter, query: formatSearch(filter) };
}

/** The values `is:` and `has:` understand. */
const VALUES: Readonly<Partial<Record<string, RegExp>>> = {
  is: /^(?:unread|read|flagged|starred|unflagged)$/i,
  has: /^attachments?$/i,
};
const DATE_KEYS = new Set(['before', 'after', 'since']);

/**
 * The first `is:`, `has:` or date operator whose value is not understood (`is:unred`, `before:2026-13-45`), with the
 * date when a date was expected: the search box says so rather than looking for it as words.
 */
export function invalidOperator(query: string): { token: string; date: string | undefined } | undefined {
  for (const { key = '', value, quoted } of tokenize(query)) {
    if (quoted) continue;
    if (DATE_KEYS.has(key) && !normalizeDate(value)) return { token: `${key}:${value}`, date: value };
    if (VALUES[key]?.test(value) === false) return { token: `${key}:${value}`, date: undefined };
  }
  return undefined;
}

/** What the search box says of the first operator value in `query` it does not understand; empty when none. */
export function searchError(localize: LocalizeController, query: string): string {
  const invalid = invalidOperator(query);
  if (!invalid) return '';
  return invalid.date === undefined
    ? localize.term('search.bad-value', invalid.token)
    : localize.term('search.bad-date', invalid.date);
}

/** `YYYY-MM-DD` moved by `days`. */
function shiftDate(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
