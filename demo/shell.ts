// The demo application's shell, shared by every page: the host's top bar (brand, links to the other pages, the
// language and theme switches, "Reset demo data", the webmail toolbar button), a status toast, and the two URL
// parameters every page honours:
// `?lang=es` (the page's and the elements' language) and `?theme=dark|light` (otherwise the system's). Both are kept
// on every link and GET form of the page, so they survive navigation.
import { html, nothing, render } from 'lit';

/** The languages the demo speaks. */
export type DemoLang = 'en' | 'es';

/** The URL parameters the shell keeps from page to page. */
const KEPT = ['lang', 'theme'] as const;

/** The `sessionStorage` keys of the mock backend's changes (mock-backend.ts) start with this. */
export const DEMO_STORAGE_PREFIX = 'mail-elements-demo:';

const english = {
  nav: 'Demo pages',
  webmail: 'Webmail',
  customers: 'Customers',
  links: 'Mail linking',
  admin: 'Administration',
  composer: 'Composer',
  message: 'Open a .eml',
  settings: 'Mail server settings',
  language: 'Language',
  theme: 'Theme',
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  reset: 'Reset demo',
  resetHint: 'Forget the changes made in this session (links, sent mail, folders, settings) and start again',
};
type ShellWords = typeof english;
const spanish: ShellWords = {
  nav: 'Páginas de la demostración',
  webmail: 'Correo web',
  customers: 'Clientes',
  links: 'Vinculación de correo',
  admin: 'Administración',
  composer: 'Redactor',
  message: 'Abrir un .eml',
  settings: 'Servidor de correo',
  language: 'Idioma',
  theme: 'Tema',
  system: 'Sistema',
  light: 'Claro',
  dark: 'Oscuro',
  reset: 'Reiniciar demo',
  resetHint: 'Olvida los cambios de esta sesión (vínculos, correo enviado, carpetas, ajustes) y vuelve a empezar',
};

type PageId = Exclude<
  keyof ShellWords,
  'nav' | 'language' | 'theme' | 'system' | 'light' | 'dark' | 'reset' | 'resetHint'
>;

/** The pages of the demo served by `npm start`, in the order of the top bar. */
const DEMO_PAGES: readonly [PageId, string][] = [
  ['webmail', '/'],
  ['customers', '/demo/customer.html'],
  ['links', '/demo/links-admin.html'],
  ['admin', '/demo/admin.html'],
  ['composer', '/demo/composer.html'],
  ['message', '/demo/message.html'],
];

/** The pages of `mail-elements-server`, which serves only its own page. */
const SERVER_PAGES: readonly [PageId, string][] = [
  ['webmail', '/'],
  ['settings', '/?page=settings'],
];

export interface ShellOptions {
  /** The page shown, marked current in the top bar. */
  page: PageId;
  /** `server`: the page `mail-elements-server` serves (its own brand and links, no mock backend). */
  variant?: 'demo' | 'server';
}

export interface DemoShell {
  /** The page's language, from `?lang=` (English unless Spanish is asked for). */
  readonly lang: DemoLang;
  /** The page's URL parameters. */
  readonly params: URLSearchParams;
  /** Shows a short message for a moment (a polite live region in a corner of the window; a click dismisses it). */
  status(text: string): void;
  /** A same-origin `path` carrying this page's kept parameters (`lang`, `theme`). */
  href(path: string): string;
}

/**
 * Puts the top bar at the start of the page, applies `?lang=` and `?theme=` to the document, and keeps both on the
 * page's links and GET forms. Call it first thing in a page's script.
 */
export function mountShell({ page, variant = 'demo' }: ShellOptions): DemoShell {
  const params = new URLSearchParams(location.search);
  const lang: DemoLang = params.get('lang')?.toLowerCase().startsWith('es') ? 'es' : 'en';
  const words = lang === 'es' ? spanish : english;
  document.documentElement.lang = lang;
  applyTheme(params.get('theme'));

  const href = (path: string) => withKeptParams(path, params);
  const bar = document.createElement('header');
  bar.className = 'topbar';
  document.body.prepend(bar);
  const draw = () =>
    render(
      topBar({ page, variant, words, lang, theme: params.get('theme') ?? '', href }, (key, value) =>
        switchTo(params, key, value, draw),
      ),
      bar,
    );
  draw();
  keepParamsOnPage(params);
  return { lang, params, href, status: statusToast() };
}

/** How long a status message stays: long enough to read a line, short enough not to hide the page. */
const STATUS_MS = 2500;

/** The status toast: one polite live region, emptied (and hidden) shortly after each message or on a click. */
function statusToast(): (text: string) => void {
  const toast = document.body.appendChild(document.createElement('div'));
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    clearTimeout(timer);
    toast.textContent = '';
  };
  toast.addEventListener('click', clear);
  return (text) => {
    toast.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(clear, STATUS_MS);
  };
}

/** Forgets the mock backend's changes of this browser session (every seed and size) and reloads the page. */
function resetDemoData(): void {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith(DEMO_STORAGE_PREFIX)) sessionStorage.removeItem(key);
  location.reload();
}

/**
 * The page's own words in the shell's language: every `[data-i18n="key"]` node of the page gets its string as text,
 * every `[data-i18n-label="key"]` node as its `aria-label`. The host application translates its own text (the
 * elements translate theirs).
 */
export function pageWords<Words extends Record<string, unknown>>(
  shell: DemoShell,
  words: { en: Words; es: NoInfer<Words> },
): Words {
  const chosen = words[shell.lang];
  const text = (key = '') => (typeof chosen[key] === 'string' ? chosen[key] : undefined);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = text(node.dataset.i18n) ?? node.textContent;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    node.setAttribute('aria-label', text(node.dataset.i18nLabel) ?? node.getAttribute('aria-label') ?? '');
  return chosen;
}

interface TopBarState {
  page: PageId;
  variant: 'demo' | 'server';
  words: ShellWords;
  lang: DemoLang;
  theme: string;
  href: (path: string) => string;
}

function topBar(state: TopBarState, change: (key: (typeof KEPT)[number], value: string) => void) {
  const { words, page, variant, href } = state;
  const pages = variant === 'server' ? SERVER_PAGES : DEMO_PAGES;
  return html`<strong class="brand">${variant === 'server' ? 'mail-elements server' : 'Acme ERP'}</strong>
    <nav aria-label=${words.nav}>
      ${pages.map(
        ([id, path]) => html`<a href=${href(path)} aria-current=${id === page ? 'page' : nothing}>${words[id]}</a>`,
      )}
    </nav>
    <span class="tools">
      <label class="switch"
        ><span class="switch-label">${words.language}</span>
        <select @change=${(event: Event) => change('lang', (event.target as HTMLSelectElement).value)}>
          <option value="en" lang="en" ?selected=${state.lang === 'en'}>English</option>
          <option value="es" lang="es" ?selected=${state.lang === 'es'}>Español</option>
        </select>
      </label>
      <label class="switch"
        ><span class="switch-label">${words.theme}</span>
        <select @change=${(event: Event) => change('theme', (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${state.theme === ''}>${words.system}</option>
          <option value="light" ?selected=${state.theme === 'light'}>${words.light}</option>
          <option value="dark" ?selected=${state.theme === 'dark'}>${words.dark}</option>
        </select>
      </label>
      ${
        variant === 'server'
          ? nothing
          : html`<button type="button" class="reset" title=${words.resetHint} @click=${resetDemoData}>
                ${words.reset}
              </button>
              <mail-backend-provider base-url="/api/mail"
                ><mail-toolbar-button href=${href('/')}></mail-toolbar-button
              ></mail-backend-provider>`
      }
    </span>`;
}

/** `dark` or `light` forces the colour scheme of the page and of the elements (`data-theme`); anything else: system. */
function applyTheme(theme: string | null): void {
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/**
 * A switch changed. The theme applies at once (the elements follow `data-theme`); a language change reloads the page,
 * whose own words are chosen once.
 */
function switchTo(params: URLSearchParams, key: (typeof KEPT)[number], value: string, redraw: () => void): void {
  if (value) params.set(key, value);
  else params.delete(key);
  if (key === 'lang') {
    location.search = params.toString();
    return;
  }
  applyTheme(value);
  const url = new URL(location.href);
  url.search = params.toString();
  history.replaceState(history.state, '', url);
  keepParamsOnPage(params);
  redraw();
}

/** A same-origin `path` with the kept parameters as they are now (set or removed); other origins unchanged. */
function withKeptParams(path: string, params: URLSearchParams): string {
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) return path;
  for (const key of KEPT) {
    const value = params.get(key);
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The page's own links (outside the top bar) and GET forms carry the kept parameters too. */
function keepParamsOnPage(params: URLSearchParams): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]:not(.topbar a)'))
    link.setAttribute('href', withKeptParams(link.getAttribute('href')!, params));
  for (const form of document.querySelectorAll<HTMLFormElement>('form[method="get" i]')) {
    for (const key of KEPT) {
      const value = params.get(key);
      let input = form.querySelector<HTMLInputElement>(`input[type="hidden"][name="${key}"]`);
      if (!value) {
        input?.remove();
        continue;
      }
      input ??= form.appendChild(Object.assign(document.createElement('input'), { type: 'hidden', name: key }));
      input.value = value;
    }
  }
}
