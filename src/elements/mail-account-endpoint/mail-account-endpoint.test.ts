import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-account-endpoint.js';
import '../../define/mail-app-settings.js';
import '../../define/mail-oauth-callback.js';
import type { MailAccountEndpoint } from './mail-account-endpoint.js';
import type { MailAppSettings } from '../mail-app-settings/mail-app-settings.js';
import { OAUTH_MESSAGE_TYPE } from '../mail-oauth-callback/mail-oauth-callback.js';
import { OAUTH_ERROR_MEANINGS, oauthErrorMeaning, parseGoogleClientFile } from './oauth-help.js';
import { en } from '../../i18n/en.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

const CANARY = 'CANARY-client-secret-31c9';
const CALLBACK_PATH = '/demo/oauth-callback.html';

const GOOGLE_FILE = JSON.stringify({
  web: {
    client_id: '1234-abc.apps.googleusercontent.com',
    project_id: 'acme-mail',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    client_secret: 'GOCSPX-imported',
    redirect_uris: [`${location.origin}${CALLBACK_PATH}`],
  },
});

async function mount(provider: 'microsoft' | 'google' = 'microsoft', lang = 'en'): Promise<MailAccountEndpoint> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}>
        <mail-account-endpoint provider=${provider}></mail-account-endpoint>
      </mail-backend-provider>
    </div>`,
  );
  const element = root.querySelector('mail-account-endpoint')!;
  await until(() => !!shadow(element, 'form') || !!shadow(element, '[part~="error"]'), 4000, 'form');
  // The checklist's steps arrive on their own, after the form.
  await until(() => !shadow(element, '[part~="checklist-loading"]'), 3000, 'the checklist’s steps');
  return element;
}

/** The seam through which a test replaces how the help texts (the checklist's steps) load. */
type HelpSeam = { help: { load: () => Promise<unknown> } };

/** Mounts an endpoint form whose help texts load through `load` (set before it connects, so before the request). */
async function mountWithHelp(load: (real: () => Promise<unknown>) => Promise<unknown>): Promise<MailAccountEndpoint> {
  const element = document.createElement('mail-account-endpoint');
  const seam = (element as unknown as HelpSeam).help;
  const real = seam.load;
  seam.load = () => load(real);
  const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
  root.append(element);
  await until(() => !!shadow(element, 'form'), 4000, 'form');
  return element;
}

const input = (el: Element, id: string) => shadow<HTMLInputElement>(el, `#${id}`)!;
const message = (el: Element, id: string) => shadow(el, `#${id}-message`)!.textContent!.trim();

async function type(el: MailAccountEndpoint, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function importFile(el: MailAccountEndpoint, content: string, name = 'client_secret.json'): Promise<void> {
  const picker = shadow<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'application/json' }));
  picker.files = transfer.files;
  picker.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => !!shadow(el, '[part~="import-result"]'), 2000, 'import result');
}

async function fillMicrosoft(el: MailAccountEndpoint, secret = 'S3cret'): Promise<void> {
  await type(el, 'clientId', '11111111-2222-3333-4444-555555555555');
  await type(el, 'tenantId', 'organizations');
  await type(el, 'clientSecret', secret);
}

function everythingOnThePage(): string {
  const parts: string[] = [document.documentElement.outerHTML];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML);
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  return parts.join('\n');
}

/** `window.open` replaced by a fake popup that records where it was sent. */
function fakePopup() {
  const original = window.open;
  const popup = {
    closed: false,
    location: { href: '' },
    close() {
      this.closed = true;
    },
  };
  window.open = (() => popup) as unknown as typeof window.open;
  return { popup, restore: () => (window.open = original) };
}

const statusText = (el: MailAccountEndpoint) => shadow(el, '.status-body')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<mail-account-endpoint>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi({ appSettings: { redirectPath: CALLBACK_PATH } });
  });

  describe('accessibility', () => {
    it('passes axe for Microsoft and Google', async () => {
      await expect(await mount('microsoft')).to.be.accessible();
      await expect(await mount('google')).to.be.accessible();
    });
    it('passes axe with errors, an import result and a failed authorization', async () => {
      const el = await mount('google');
      await importFile(el, '{"installed": {}}');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => shadowAll(el, '[aria-invalid="true"]').length > 0, 2000, 'errors');
      await expect(el).to.be.accessible();
    });
    it('passes axe while loading and when loading fails', async () => {
      backend.faults.set('listEndpoints', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}
          ><mail-account-endpoint></mail-account-endpoint
        ></mail-backend-provider>`,
      );
      const loading = root.querySelector('mail-account-endpoint')!;
      await until(() => !!shadow(loading, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(loading).to.be.accessible();
      backend.faults.clear();
      backend.faults.set('listEndpoints', { error: 'server' });
      const failing = await mount();
      expect(shadow(failing, '[part~="error"]')).to.exist;
      await expect(failing).to.be.accessible();
    });
  });

  describe('fields', () => {
    it('defaults to Microsoft with a tenant; Google has no tenant', async () => {
      const element = document.createElement('mail-account-endpoint');
      expect(element.provider).to.equal('microsoft');
      expect(element.endpointId).to.equal('');
      const ms = await mount('microsoft');
      expect(input(ms, 'tenantId')).to.exist;
      expect(shadow(ms, 'input[type="file"]')).to.equal(null);
      const google = await mount('google');
      expect(shadow(google, '#tenantId')).to.equal(null);
      expect(shadow(google, 'input[type="file"]')).to.exist;
    });

    const cases: [string, string, string][] = [
      ['clientId', 'has spaces in it', 'Paste the client ID exactly as the portal shows it, without spaces.'],
      ['clientId', '', 'Required.'],
      [
        'clientId',
        'not-a-guid',
        "The Application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000: copy it from the app's Overview page.",
      ],
      [
        'tenantId',
        'not a tenant!',
        'Enter the directory (tenant) ID, a GUID, or a verified domain, or common, organizations or consumers.',
      ],
      ['tenantId', '', 'Required.'],
      ['clientSecret', '', 'Enter the client secret.'],
      ['name', 'x'.repeat(129), 'At most 128 characters.'],
    ];
    it('explains a Google client ID that is not one next to the field, in Spanish too', async () => {
      const el = await mount('google');
      await type(el, 'clientId', 'not-a-google-id');
      expect(input(el, 'clientId').getAttribute('aria-invalid')).to.equal('true');
      expect(message(el, 'clientId')).to.equal(
        'A Google client ID ends in .apps.googleusercontent.com: copy it from the Credentials page.',
      );
      const es = await mount('microsoft', 'es');
      await type(es, 'clientId', 'not-a-guid');
      expect(message(es, 'clientId')).to.match(/^El id\. de aplicación \(cliente\) es un GUID/);
    });

    for (const [id, value, expected] of cases) {
      it(`explains "${value.slice(0, 12)}" in ${id} next to the field`, async () => {
        const el = await mount('microsoft');
        await type(el, id, value);
        expect(input(el, id).getAttribute('aria-invalid')).to.equal('true');
        expect(input(el, id).getAttribute('aria-describedby')).to.contain(`${id}-message`);
        expect(message(el, id)).to.equal(expected);
      });
    }

    it('accepts GUID, domain and well-known tenants', async () => {
      const el = await mount('microsoft');
      for (const tenant of [
        'common',
        'organizations',
        'consumers',
        'contoso.onmicrosoft.com',
        '72f988bf-86f1-41af-91ab-2d7cd011db47',
      ]) {
        await type(el, 'tenantId', tenant);
        expect(input(el, 'tenantId').getAttribute('aria-invalid'), tenant).to.equal('false');
      }
    });

    it('speaks Spanish', async () => {
      const el = await mount('microsoft', 'es');
      await type(el, 'tenantId', '');
      expect(message(el, 'tenantId')).to.equal('Obligatorio.');
      expect(shadow(el, 'label[for="tenantId"]')!.textContent).to.contain('Id. de directorio (inquilino)');
      expect(shadow(el, '.checklist summary')!.textContent).to.contain('Lista de configuración');
    });
  });

  describe('redirect URL, scopes and checklist', () => {
    it('computes the redirect URL from the page’s origin and follows <mail-app-settings>', async () => {
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}>
          <mail-app-settings></mail-app-settings>
          <mail-account-endpoint provider="google"></mail-account-endpoint>
        </mail-backend-provider>`,
      );
      const app = root.querySelector('mail-app-settings') as MailAppSettings;
      const el = root.querySelector('mail-account-endpoint')!;
      await until(() => !!shadow(el, '#redirectUrl') && !!shadow(app, '#baseUrl'), 4000, 'forms');
      await el.updateComplete;
      expect(input(el, 'redirectUrl').value).to.equal(`${location.origin}${CALLBACK_PATH}`);
      expect(input(el, 'redirectUrl').readOnly).to.equal(true);
      // http on the test server: the warning is there.
      expect(shadow(el, '[part~="warning"][part~="https"]')).to.exist;
      expect(shadow(el, '[part~="checklist"] ol')!.textContent).to.contain(`${location.origin}${CALLBACK_PATH}`);

      const base = input(app, 'baseUrl');
      base.value = 'https://erp.example.com/';
      base.dispatchEvent(new Event('input'));
      await app.updateComplete;
      shadow<HTMLButtonElement>(app, '[part~="save-button"]')!.click();
      await until(() => input(el, 'redirectUrl').value === `https://erp.example.com${CALLBACK_PATH}`, 3000, 'follows');
      expect(shadow(el, '[part~="warning"][part~="https"]')).to.equal(null);
      expect(shadow(el, '[part~="checklist"] ol')!.textContent).to.contain(`https://erp.example.com${CALLBACK_PATH}`);
    });

    it('copies the redirect URL and the scopes, and says so', async () => {
      const copied: string[] = [];
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = async (text: string) => void copied.push(text);
      try {
        const el = await mount('microsoft');
        shadow<HTMLButtonElement>(el, '[part~="copy-button"][part~="redirect"]')!.click();
        await until(() => copied.length === 1, 2000, 'copy');
        expect(copied[0]).to.equal(`${location.origin}${CALLBACK_PATH}`);
        await until(() => shadowAll(el, '[role="status"]').some((n) => n.textContent!.includes('Copied')), 2000);
        shadow<HTMLButtonElement>(el, '[part~="copy-button"][part~="scopes"]')!.click();
        await until(() => copied.length === 2, 2000, 'copy scopes');
        expect(copied[1]).to.equal(
          'offline_access email IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send User.Read',
        );
      } finally {
        clipboard.writeText = original;
      }
    });

    it('falls back to a selection copy without the Clipboard API', async () => {
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      const execCommand = document.execCommand;
      let selected = '';
      document.execCommand = ((command: string) => {
        selected =
          command === 'copy'
            ? String(window.getSelection() ?? (document.activeElement as HTMLTextAreaElement)?.value)
            : '';
        return true;
      }) as typeof document.execCommand;
      try {
        const el = await mount('google');
        shadow<HTMLButtonElement>(el, '[part~="copy-button"][part~="scopes"]')!.click();
        await until(() => selected !== '', 2000, 'fallback copy');
        expect(selected).to.contain('https://mail.google.com/');
      } finally {
        clipboard.writeText = original;
        document.execCommand = execCommand;
      }
    });

    it('lists the setup steps of each provider, with Google’s 7-day Testing warning', async () => {
      const ms = await mount('microsoft');
      const steps = shadow(ms, '[part~="checklist"]')!.textContent!;
      for (const words of [
        'Grant admin consent',
        'IMAP.AccessAsUser.All',
        'SMTP.Send',
        'Manage email apps',
        '20 to 30 minutes',
        'Modern authentication',
      ])
        expect(steps).to.contain(words);
      expect(shadow(ms, '.checklist')!.textContent).to.contain('needed only for password or app-password sign-in');
      const google = await mount('google');
      const gsteps = shadow(google, '.checklist')!.textContent!;
      for (const words of [
        'Gmail API',
        'Internal',
        'External',
        'Test users',
        'Web application',
        'userinfo.email',
        'Download',
      ])
        expect(gsteps).to.contain(words);
      expect(shadow(google, '[part~="warning"][part~="testing"]')!.textContent).to.contain('expire after 7 days');
    });
  });

  describe('Google JSON import', () => {
    it('fills client ID and secret from a Web application file', async () => {
      const el = await mount('google');
      await importFile(el, GOOGLE_FILE);
      expect(input(el, 'clientId').value).to.equal('1234-abc.apps.googleusercontent.com');
      expect(input(el, 'clientSecret').value).to.equal('GOCSPX-imported');
      expect(input(el, 'name').value).to.equal('acme-mail');
      const result = shadow(el, '[part~="import-result"]')!;
      expect(result.className).to.contain('ok');
      expect(result.textContent).to.contain('client_secret.json');
      expect(el.dirty).to.equal(true);
    });

    it('warns when the file’s redirect URIs miss ours', async () => {
      const el = await mount('google');
      const file = JSON.parse(GOOGLE_FILE) as { web: { redirect_uris: string[] } };
      file.web.redirect_uris = ['https://old.example.com/callback'];
      await importFile(el, JSON.stringify(file));
      const result = shadow(el, '[part~="import-result"]')!;
      expect(result.className).to.contain('warning');
      expect(result.textContent).to.contain(`do not include ${location.origin}${CALLBACK_PATH}`);
    });

    const refused: [string, string, string][] = [
      [
        'desktop credentials',
        JSON.stringify({ installed: { client_id: 'a', client_secret: 'b' } }),
        'is for a desktop app',
      ],
      ['malformed JSON', '{"web": {"client_id": ', 'is not valid JSON'],
      ['a service-account key', JSON.stringify({ type: 'service_account', private_key: 'x' }), 'service-account key'],
      ['another JSON', JSON.stringify({ hello: 'world' }), 'is not an OAuth client file'],
      ['a file without secret', JSON.stringify({ web: { client_id: 'a' } }), 'has no client ID or client secret'],
    ];
    for (const [what, content, words] of refused) {
      it(`refuses ${what} with a clear message and changes nothing`, async () => {
        const el = await mount('google');
        await importFile(el, content, 'download.json');
        const result = shadow(el, '[part~="import-result"]')!;
        expect(result.getAttribute('role')).to.equal('alert');
        expect(result.textContent).to.contain(words);
        expect(input(el, 'clientId').value).to.equal('');
        expect(el.dirty).to.equal(false);
      });
    }

    it('parses and refuses in a pure function too', () => {
      expect(parseGoogleClientFile(GOOGLE_FILE)).to.include({ ok: true, clientSecret: 'GOCSPX-imported' });
      expect(parseGoogleClientFile('[]')).to.deep.equal({ ok: false, reason: 'wrong-kind' });
      expect(parseGoogleClientFile('x'.repeat(70_000))).to.deep.equal({ ok: false, reason: 'too-large' });
    });
  });

  describe('secret', () => {
    it('is never in the DOM after save, nor after a reload', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el, CANARY);
      const saved = oneEvent(el, 'mail-endpoint-saved');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const { detail } = await saved;
      expect(detail.endpoint.clientSecretSet).to.equal(true);
      expect(JSON.stringify(detail)).not.to.contain(CANARY);
      await el.updateComplete;
      expect(shadow(el, '[part~="secret-set"]')).to.exist;
      expect(everythingOnThePage()).not.to.contain(CANARY);

      el.closest('div')!.remove();
      const again = await mount('microsoft');
      expect(input(again, 'clientId').value).to.equal('11111111-2222-3333-4444-555555555555');
      expect(shadow(again, '[part~="secret-set"]')).to.exist;
      expect(everythingOnThePage()).not.to.contain(CANARY);
      expect(JSON.stringify(await backend.listEndpoints())).not.to.contain(CANARY);
    });

    it('keeps the stored secret unless a new one is typed', async () => {
      await backend.saveEndpoint({
        provider: 'microsoft',
        name: 'M',
        clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
        tenantId: 'common',
        clientSecret: 'old',
      });
      const el = await mount('microsoft');
      shadow<HTMLButtonElement>(el, '[part~="change-secret-button"]')!.click();
      await until(() => !!shadow(el, '#clientSecret'), 2000, 'secret input');
      expect(el.shadowRoot!.activeElement?.id).to.equal('clientSecret');
      shadow<HTMLButtonElement>(el, '[part~="keep-secret-button"]')!.click();
      await el.updateComplete;
      expect(shadow(el, '#clientSecret')).to.equal(null);
      await type(el, 'name', 'Contoso');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => !el.dirty, 2000, 'saved');
      const [stored] = (await backend.listEndpoints()).items;
      expect(stored).to.include({ name: 'Contoso', clientSecretSet: true });
    });
  });

  describe('authorization', () => {
    it('runs the whole flow: saves, opens the consent page, completes through the callback, shows the status', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      const fake = fakePopup();
      try {
        shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
        await until(() => fake.popup.location.href.includes('mock-oauth.html'), 3000, 'consent URL');
      } finally {
        fake.restore();
      }
      const consent = new URL(fake.popup.location.href, location.href);
      expect(consent.searchParams.get('redirect_uri')).to.equal(CALLBACK_PATH);
      expect(consent.searchParams.get('scope')).to.contain('https://outlook.office.com/IMAP.AccessAsUser.All');
      await until(() => statusText(el).includes('Finish signing in'), 2000, 'waiting');
      // What the consent page sends to the redirect URL when the user allows.
      const state = consent.searchParams.get('state')!;
      const changed = oneEvent(el, 'mail-authorization-change');
      await fixture(
        html`<mail-backend-provider base-url=${API}>
          <mail-oauth-callback
            url=${`${CALLBACK_PATH}?code=mock-code:${encodeURIComponent(state)}&state=${encodeURIComponent(state)}`}
          ></mail-oauth-callback>
        </mail-backend-provider>`,
      );
      expect((await changed).detail.status.state).to.equal('authorized');
      await until(() => statusText(el).includes('Authorized as dana.ortiz@example.com'), 3000, 'authorized');
      expect(shadow(el, '[part~="expiry"]')!.textContent).to.contain('Access token valid until');
      expect(shadow(el, '[part~="authorize-button"]')!.textContent).to.contain('Authorize again');
    });

    it('refreshes on the popup’s message only from our origin and our popup', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const popupWindow = frame.contentWindow!;
      const original = window.open;
      window.open = (() => popupWindow) as unknown as typeof window.open;
      let state = '';
      const begin = backend.beginAuthorization.bind(backend);
      backend.beginAuthorization = async (...args) => {
        const start = await begin(...args);
        state = start.state;
        return { ...start, url: 'about:blank' };
      };
      try {
        shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
        await until(() => state !== '', 3000, 'begun');
        await backend.completeAuthorization({ state, code: `mock-code:${state}` });
        let reads = 0;
        const read = backend.getAuthorizationStatus.bind(backend);
        backend.getAuthorizationStatus = (...args) => (reads++, read(...args));
        const data = { type: OAUTH_MESSAGE_TYPE, ok: true };
        window.dispatchEvent(
          new MessageEvent('message', { data, origin: 'https://evil.example', source: popupWindow }),
        );
        window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: window }));
        window.dispatchEvent(
          new MessageEvent('message', { data: { type: 'other' }, origin: location.origin, source: popupWindow }),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(reads).to.equal(0);
        expect(statusText(el)).to.contain('Finish signing in');
        window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: popupWindow }));
        await until(() => statusText(el).includes('Authorized as'), 3000, 'authorized');
        expect(reads).to.equal(1);
      } finally {
        window.open = original;
        frame.remove();
      }
    });

    it('works with a real popup window, the consent page and the callback page', async function () {
      this.timeout(20_000);
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      let popup: Window | null = null;
      const original = window.open;
      window.open = ((...args: Parameters<typeof window.open>) =>
        (popup = original.apply(window, args))) as typeof window.open;
      try {
        shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
        await until(() => !!popup, 2000, 'popup');
      } finally {
        window.open = original;
      }
      if (!popup) throw new Error('no popup');
      const opened = popup as Window;
      await until(
        () => {
          try {
            // The page's script has run once it names the provider.
            return opened.location.pathname.endsWith('mock-oauth.html') && opened.document.title.includes('Microsoft');
          } catch {
            return false;
          }
        },
        8000,
        'consent page',
      );
      (opened.document.getElementById('allow') as HTMLButtonElement).click();
      try {
        await until(() => statusText(el).includes('Authorized as'), 12000, 'authorized through the popup');
      } catch (error) {
        let where = 'closed';
        try {
          where = `${opened.location.href} ${opened.document.querySelector('mail-oauth-callback')?.shadowRoot?.textContent ?? opened.document.body?.textContent}`;
        } catch {
          // closed
        }
        throw new Error(`${String(error)}; popup: ${where}; status: ${statusText(el)}`, { cause: error });
      }
      await until(() => opened.closed, 4000, 'popup closed');
    });

    const meanings: [string, string, string][] = [
      ['access_denied', '', 'the permissions were refused'],
      [
        'invalid_request',
        'AADSTS50011: The redirect URI specified in the request does not match.',
        'does not match the one registered',
      ],
      ['redirect_uri_mismatch', '', 'does not match the one registered'],
      [
        'invalid_request',
        'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.',
        'two different services',
      ],
      [
        'invalid_scope',
        'AADSTS650053: The application asked for scope that does not exist on the resource.',
        'does not exist on that service',
      ],
      ['invalid_client', '', 'check the client ID'],
      ['invalid_grant', '', 'Authorize again'],
    ];
    for (const [code, description, words] of meanings) {
      it(`explains ${description.slice(0, 11) || code}`, async () => {
        const el = await mount('microsoft');
        await fillMicrosoft(el);
        const fake = fakePopup();
        try {
          shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
          await until(() => fake.popup.location.href !== '', 3000, 'consent URL');
        } finally {
          fake.restore();
        }
        const state = new URL(fake.popup.location.href, location.href).searchParams.get('state')!;
        const query = new URLSearchParams({
          state,
          error: code,
          ...(description ? { error_description: description } : {}),
        });
        await fixture(
          html`<mail-backend-provider base-url=${API}>
            <mail-oauth-callback url=${`${CALLBACK_PATH}?${query}`}></mail-oauth-callback>
          </mail-backend-provider>`,
        );
        await until(() => !!shadow(el, '[part~="last-error"]'), 3000, 'last error');
        const shown = shadow(el, '[part~="last-error"]')!;
        expect(shown.textContent).to.contain(words);
        expect(shown.textContent).to.contain(code);
        expect(shadow(el, '[part~="authorize-button"]')!.textContent).to.contain('Authorize again');
      });
    }

    it('knows the meaning of every error code it names, in English and Spanish', () => {
      expect(oauthErrorMeaning('AADSTS700022', undefined)).to.equal('mixed-resources');
      expect(oauthErrorMeaning('invalid_request', "The 'redirect_uri' is not valid")).to.equal('redirect-uri');
      expect(oauthErrorMeaning('whatever', undefined)).to.equal('unknown');
      for (const meaning of OAUTH_ERROR_MEANINGS) expect(en[`settings.oauth-error.${meaning}`]).to.be.a('string');
    });

    it('revokes after confirmation', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => !el.dirty, 2000, 'saved');
      const [endpoint] = (await backend.listEndpoints()).items;
      const { state } = await backend.beginAuthorization({ endpointId: endpoint!.id });
      await backend.completeAuthorization({ state, code: `mock-code:${state}` });
      el.refresh();
      await until(() => !!shadow(el, '[part~="revoke-button"]'), 3000, 'revoke button');
      shadow<HTMLButtonElement>(el, '[part~="revoke-button"]')!.click();
      await el.updateComplete;
      expect(shadow(el, '.confirm')!.textContent).to.contain('Revoke access?');
      shadow<HTMLButtonElement>(el, '[part~="revoke-button"][part~="confirm"]')!.click();
      await until(() => statusText(el).includes('No mailbox is authorized'), 3000, 'revoked');
      expect((await backend.getAuthorizationStatus({ endpointId: endpoint!.id })).state).to.equal('not-authorized');
    });

    it('falls back to a same-window redirect when the popup is blocked', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      const original = window.open;
      window.open = (() => null) as typeof window.open;
      let target = '';
      (el as unknown as { navigate(url: string): void }).navigate = (url) => (target = url);
      try {
        shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
        await until(() => target !== '', 3000, 'redirect');
        expect(target).to.contain('mock-oauth.html');
        expect(new URL(target, location.href).searchParams.get('redirect_uri')).to.equal(CALLBACK_PATH);
        expect(sessionStorage.getItem('mail-elements:oauth-return')).to.equal(location.href);
      } finally {
        window.open = original;
        sessionStorage.removeItem('mail-elements:oauth-return');
      }
    });
  });

  describe('errors', () => {
    it('shows the form at once and a loading line in the checklist until its steps arrive', async () => {
      let arrive = () => {};
      const el = await mountWithHelp((real) => new Promise((resolve) => (arrive = () => resolve(real()))));
      expect(shadow(el, '#clientId'), 'the form does not wait for the help').to.exist;
      const checklist = shadow<HTMLDetailsElement>(el, '.checklist')!;
      expect(checklist.open).to.equal(true);
      expect(shadow(el, '[part~="checklist-loading"]')!.textContent).to.contain('Loading the setup steps');
      expect(shadow(el, '[part~="checklist"] ol')).to.equal(null);
      arrive();
      await until(() => !!shadow(el, 'ol[part~="checklist"]'), 3000, 'the steps');
      expect(shadow(el, '[part~="checklist-loading"]')).to.equal(null);
      expect(shadow(el, 'ol[part~="checklist"]')!.textContent).to.contain('Grant admin consent');
    });

    it('moves focus to the field in error after a failed save while the checklist’s steps are stalled', async () => {
      const el = await mountWithHelp(() => new Promise(() => {}));
      expect(shadow(el, '[part~="checklist-loading"]'), 'the steps never arrive').to.exist;
      const saveButton = shadow<HTMLButtonElement>(el, '[part~="save-button"]')!;
      saveButton.focus();
      saveButton.click();
      await until(() => el.shadowRoot!.activeElement === input(el, 'clientId'), 3000, 'focus on the field in error');
      expect(input(el, 'clientId').getAttribute('aria-invalid')).to.equal('true');
    });

    it('says when the checklist’s steps could not load, and loads them on retry', async () => {
      let fail = true;
      const el = await mountWithHelp((real) =>
        fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real(),
      );
      await until(() => !!shadow(el, '.checklist [part~="error"]'), 3000, 'the error');
      expect(shadow(el, '.checklist [part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(shadow(el, '[part~="checklist-loading"]')).to.equal(null);
      await expect(el).to.be.accessible();
      fail = false;
      shadow<HTMLButtonElement>(el, '.checklist [part~="retry-button"]')!.click();
      await until(() => !!shadow(el, 'ol[part~="checklist"]'), 3000, 'the steps after retry');
      expect(shadow(el, '.checklist [part~="error"]')).to.equal(null);
    });

    it('shows the server’s validation error at its field', async () => {
      backend.faults.set('saveEndpoint', { error: 'validation', message: 'clientId: Unknown app.' });
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => !!shadow(el, '[part~="form-error"]')!.textContent!.trim(), 3000, 'form error');
    });

    it('reports a failed authorization start', async () => {
      const el = await mount('microsoft');
      await fillMicrosoft(el);
      backend.faults.set('beginAuthorization', { error: 'network' });
      const fake = fakePopup();
      try {
        const failed = oneEvent(el, 'mail-error');
        shadow<HTMLButtonElement>(el, '[part~="authorize-button"]')!.click();
        expect((await failed).detail.operation).to.equal('beginAuthorization');
      } finally {
        fake.restore();
      }
      expect(fake.popup.closed).to.equal(true);
      await until(() => !!shadow(el, '[part~="authorization"] [part~="error"]'), 2000, 'error shown');
    });
  });
});
