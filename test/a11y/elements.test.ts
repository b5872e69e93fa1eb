/**
 * Accessibility and localization of every element, loaded over the mock API:
 * - axe passes for each element in English and Spanish, light and dark;
 * - the Spanish table has every English key, and translates every value but a few international words;
 * - no element shows a user-visible string (text, aria-label, title, placeholder, alt) that does not come from the
 *   translation tables or from the mailbox's own data.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { registerTranslations, type Translations } from '../../src/i18n/localize.js';
import { SAMPLE_ACCOUNT } from '../../src/mock/seed.js';
import type { MemoryMailBackend, MemoryMailBackendOptions } from '../../src/mock/index.js';
import { PORTAL_SCOPES } from '../../src/elements/mail-account-endpoint/oauth-help.js';
import { API, until, useMockApi } from '../helpers/mock-api.js';

// The message list's virtualizer measures rows with a ResizeObserver; Chromium reports the benign "ResizeObserver loop
// completed with undelivered notifications", which mocha would count as an uncaught error.
before(() => {
  const previous = window.onerror;
  window.onerror = (message, ...rest) =>
    String(message).includes('ResizeObserver loop') ? true : (previous?.call(window, message, ...rest) ?? false);
});

const ACCOUNT = SAMPLE_ACCOUNT;

const RECIPIENTS = [{ name: 'Ana García', address: 'ana.garcia@acme.example' }, { address: 'bob@example.net' }];

interface Case {
  tag: string;
  options?: MemoryMailBackendOptions;
  prepare?: (backend: MemoryMailBackend) => Promise<unknown>;
  template: () => TemplateResult;
  /** Shadow-root selector present once the element has loaded. */
  ready: string;
  /** Data the host gives the element, shown as it is. */
  data?: unknown;
}

const cases: Case[] = [
  {
    tag: 'mail-backend-provider',
    template: () => html`<mail-folder-tree selected="inbox"></mail-folder-tree>`,
    ready: '[role="tree"]',
  },
  {
    tag: 'mail-folder-tree',
    template: () => html`<mail-folder-tree selected="inbox"></mail-folder-tree>`,
    ready: '[role="tree"]',
  },
  {
    tag: 'mail-message-list',
    template: () =>
      html`<div style="height:30rem;display:grid"><mail-message-list folder="inbox"></mail-message-list></div>`,
    ready: '[role="option"]',
  },
  {
    tag: 'mail-message-view',
    template: () => html`<mail-message-view message-id="inbox-attachments"></mail-message-view>`,
    ready: '[part~="attachment"]',
  },
  {
    tag: 'mail-composer',
    template: () =>
      html`<mail-composer mode="reply" source-id="inbox-newsletter" draft-key="a11y" undo-seconds="0"></mail-composer>`,
    ready: '[part~="send-button"]',
  },
  {
    tag: 'mail-address-input',
    template: () => html`<mail-address-input label="To" .value=${RECIPIENTS}></mail-address-input>`,
    data: RECIPIENTS,
    ready: '[part~="chip"]',
  },
  {
    tag: 'mail-settings',
    options: { account: ACCOUNT },
    template: () => html`<mail-settings></mail-settings>`,
    ready: '[part~="save-button"]',
  },
  {
    tag: 'mail-account-endpoint',
    options: { appSettings: { baseUrl: 'https://erp.example.com', redirectPath: '/Webhooks/MailToken.aspx' } },
    prepare: (backend) =>
      backend.saveEndpoint({
        provider: 'microsoft',
        name: 'Contoso',
        clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
        tenantId: 'contoso.onmicrosoft.com',
        clientSecret: 'secret',
      }),
    template: () => html`<mail-account-endpoint provider="microsoft"></mail-account-endpoint>`,
    ready: '[part~="authorize-button"]',
  },
  {
    tag: 'mail-app-settings',
    template: () => html`<mail-app-settings></mail-app-settings>`,
    ready: '[part~="save-button"]',
  },
  {
    tag: 'mail-oauth-callback',
    template: () =>
      html`<mail-oauth-callback url="/Webhooks/MailToken.aspx" return-url="/admin"></mail-oauth-callback>`,
    ready: '[part~="panel"]:not([aria-busy="true"])',
  },
  {
    tag: 'mail-toolbar-button',
    options: { moduleEnabled: true },
    template: () => html`<mail-toolbar-button></mail-toolbar-button>`,
    ready: '[part~="badge"]',
  },
  {
    tag: 'mail-object-links',
    template: () => html`<mail-object-links object-name="customers"></mail-object-links>`,
    ready: '[part~="save-button"]',
  },
  {
    tag: 'mail-object-mails',
    template: () => html`<mail-object-mails object-name="customers" object-id="C001" admin></mail-object-mails>`,
    ready: '[part~="mail"]',
  },
  {
    tag: 'mail-record-picker',
    template: () =>
      html`<mail-record-picker open object-name="customers" .messageIds=${['inbox-newsletter']}></mail-record-picker>`,
    ready: '[part~="option"]',
  },
  {
    tag: 'mail-inbox',
    template: () =>
      html`<div style="height:40rem;display:grid"><mail-inbox message="inbox-attachments"></mail-inbox></div>`,
    ready: '[part~="reader"] mail-message-view',
  },
];

/** Every shadow root of `root` and of the elements inside it, nested ones included. */
function shadowRoots(root: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (element: Element) => {
    if (element.shadowRoot) {
      roots.push(element.shadowRoot);
      element.shadowRoot.querySelectorAll('*').forEach(visit);
    }
  };
  visit(root);
  root.querySelectorAll('*').forEach(visit);
  return roots;
}

/** Mounts `test` inside a provider, in a page of the given language and theme, and waits until it has loaded. */
async function mount(test: Case, lang: string, theme: 'light' | 'dark'): Promise<HTMLElement> {
  const wrapper = await fixture(
    html`<div
      lang=${lang}
      data-theme=${theme}
      style="color-scheme:${theme};background:${theme === 'dark' ? '#16181d' : '#ffffff'};padding:1rem"
    >
      <mail-backend-provider base-url=${API}>${test.template()}</mail-backend-provider>
    </div>`,
  );
  const tag = test.tag === 'mail-backend-provider' ? 'mail-folder-tree' : test.tag;
  const element = wrapper.querySelector<HTMLElement>(tag)!;
  await until(
    () => shadowRoots(element).some((root) => !!root.querySelector(test.ready)),
    8000,
    `${test.tag} to load (${test.ready})`,
  );
  // Let the last renders (counts, previews, frames) settle.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return test.tag === 'mail-backend-provider' ? wrapper.querySelector<HTMLElement>('mail-backend-provider')! : element;
}

describe('accessibility: every element, both languages, both themes', () => {
  for (const test of cases) {
    for (const lang of ['en', 'es']) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${test.tag} passes axe (${lang}, ${theme})`, async () => {
          const backend = await useMockApi(test.options);
          await test.prepare?.(backend);
          const element = await mount(test, lang, theme);
          await expect(element).to.be.accessible();
        });
      }
    }
  }
});

/** International words, product and protocol names that Spanish writes as English does. */
const SAME_IN_SPANISH = new Set([
  'Microsoft',
  'Microsoft 365',
  'Outlook.com',
  'Google',
  'Gmail',
  'IMAP',
  'POP3',
  'SMTP',
  'SSL/TLS',
  'STARTTLS',
  // The key is printed "Esc" on Spanish keyboards too (other languages differ: French "Échap").
  'Esc',
]);

describe('localization tables', () => {
  it('Spanish has every English key, and no other', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('Spanish translates every string but a few international words', () => {
    const same = Object.entries(en)
      .filter(([key, value]) => typeof value === 'string' && es[key as keyof Translations] === value)
      .filter(([, value]) => !SAME_IN_SPANISH.has(value as string))
      .map(([key, value]) => `${key}: ${String(value)}`);
    expect(same, same.join('\n')).to.deep.equal([]);
  });

  it('Spanish plurals and interpolations are translated too', () => {
    const same = Object.entries(en)
      .filter(([, value]) => typeof value === 'function')
      .filter(([key, value]) => {
        const english = value as (...args: unknown[]) => string;
        const spanish = es[key as keyof Translations] as unknown as (...args: unknown[]) => string;
        return [1, 2, 7].some((n) => {
          const args = Array.from({ length: english.length || 1 }, () => n);
          return english(...args) === spanish(...args) && /\p{L}{3,}/u.test(english(...args).replace(/\d+/g, ''));
        });
      })
      .map(([key]) => key);
    expect(same, same.join('\n')).to.deep.equal([]);
  });
});

// A pseudo-language whose every string is marked: text that reaches the screen unmarked did not come from a table.
const OPEN = '⟦';
const CLOSE = '⟧';
const pseudo = Object.fromEntries(
  Object.entries(en).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? (...args: unknown[]) => `${OPEN}${(value as (...a: unknown[]) => string)(...args)}${CLOSE}`
      : `${OPEN}${value}${CLOSE}`,
  ]),
) as unknown as Translations;
registerTranslations('qps', pseudo);

/**
 * Shown as they are in every language: OAuth scopes and tenant keywords to type into a provider's portal, and the
 * file-type codes on attachment icons.
 */
const PROTOCOL_WORDS = [
  ...Object.values(PORTAL_SCOPES).flat(),
  'common',
  'organizations',
  'consumers',
  ...['IMG', 'PDF', 'XLS', 'DOC', 'PPT', 'ZIP', 'AUD', 'VID', 'EML', 'TXT'],
];

/**
 * Known untranslated strings, to fix in the element (listed in the report of issue 8): the key captions of the
 * inbox's shortcut help (Spanish keyboards say Intro, Supr, Mayús).
 */
const KNOWN_UNTRANSLATED: Record<string, string[]> = {
  'mail-inbox': ['Enter', 'Esc', 'Delete', 'Shift+I', 'Shift+U'],
};

/** Every string leaf of a value (the mailbox's own data: names, subjects, addresses, hosts). */
function leaves(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => leaves(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => leaves(item, into));
  return into;
}

const words = (text: string) => text.match(/\p{L}{3,}/gu) ?? [];

/** Words that Intl writes (months, weekdays, units, day periods) in the fallback locale. */
function intlWords(): Set<string> {
  const found = new Set<string>();
  const add = (text: string) => words(text).forEach((word) => found.add(word));
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 10, 15));
    for (const style of ['short', 'long'] as const)
      add(new Intl.DateTimeFormat(undefined, { month: style }).format(date));
    add(new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(date));
  }
  for (const unit of ['byte', 'kilobyte', 'megabyte', 'gigabyte']) {
    add(new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'short' }).format(3));
  }
  return found;
}

/** The element holding a sentence with isolated parts (`<bdi>`) that `parent`'s text belongs to, if it is one. */
function sentenceAround(parent: Element | null): Element | null {
  let holder = parent;
  while (holder?.localName === 'bdi' && holder.parentElement) holder = holder.parentElement;
  return holder?.querySelector('bdi') ? holder : null;
}

/** What a user reads or hears: text nodes and the labelling attributes, in every shadow root of `element`. */
function userVisibleStrings(element: HTMLElement): string[] {
  const strings: string[] = [];
  for (const root of shadowRoots(element)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const sentences = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent?.closest('style, script, template')) continue;
      // Never shown (the virtualizer's sizer, for one).
      if (parent && getComputedStyle(parent).visibility === 'hidden') continue;
      // A sentence whose values are isolated (`<bdi>`) is one string split over several text nodes: read it whole.
      const sentence = sentenceAround(parent);
      if (sentence) {
        if (!sentences.has(sentence)) strings.push(sentence.textContent!.trim());
        sentences.add(sentence);
        continue;
      }
      const text = node.textContent?.trim();
      if (text) strings.push(text);
    }
    for (const labelled of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = labelled.getAttribute(name)?.trim();
        if (value) strings.push(value);
      }
    }
  }
  return strings;
}

describe('no hard-coded user-visible strings', () => {
  for (const test of cases) {
    it(`${test.tag} shows only translated text and mailbox data`, async () => {
      const backend = await useMockApi(test.options);
      const prepared = await test.prepare?.(backend);
      const element = await mount(test, 'qps', 'light');
      // The data the element may show as it is: everything the backend holds that this element reads.
      const data = leaves([
        prepared,
        await backend.listFolders({}),
        await backend.listIdentities({}),
        await backend.getAccount({}),
        await backend.listEndpoints({}),
        await backend.getAppSettings({}),
        await backend.listLinkConfigs({}),
        await backend.searchRecords({ query: '', limit: 50 }),
        await backend.listMessages({ folderId: 'inbox', limit: 60 }),
        await backend.getMessage({ id: 'inbox-attachments' }),
        await backend.prefillDraft({ id: 'inbox-newsletter', mode: 'reply' }),
        await backend.listRecordMails({ objectName: 'customers', objectId: 'C001', limit: 50 }),
        ACCOUNT,
        test.data,
        location.origin,
        PROTOCOL_WORDS,
      ]);
      const allowed = new Set([...[...data].flatMap(words), ...intlWords()]);
      const known = new Set(KNOWN_UNTRANSLATED[test.tag] ?? []);
      const unmarked = userVisibleStrings(element)
        .map((text) => text.replace(new RegExp(`${OPEN}[^${CLOSE}]*${CLOSE}`, 'g'), ' '))
        .filter((text) => !known.has(text) && words(text).some((word) => !allowed.has(word)));
      expect([...new Set(unmarked)], `${test.tag} shows untranslated text`).to.deep.equal([]);
    });
  }
});
