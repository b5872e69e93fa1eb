import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-settings.js';
import type { MailSettings } from './mail-settings.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { SAMPLE_ACCOUNT } from '../../mock/seed.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';
import { loadChecks } from './settings-form.js';

/** The seam through which a test replaces how the form's checks load. */
type ChecksSeam = { form: { checks: { load: () => Promise<unknown> } } };

/** The seams of the parts that load on first use: the test results panel and the OAuth app choice. */
type PartSeams = { imports: { testView: () => Promise<unknown>; oauthView: () => Promise<unknown> } };

/** Mounts a form whose `part` loads through `wrap(load)` (set before the element connects). */
async function mountWithPart(
  part: keyof PartSeams['imports'],
  wrap: (load: () => Promise<unknown>) => () => Promise<unknown>,
): Promise<MailSettings> {
  const element = document.createElement('mail-settings');
  const { imports } = element as unknown as PartSeams;
  imports[part] = wrap(imports[part]);
  const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
  root.append(element);
  await until(() => !!shadow(element, 'form'), 4000, 'form');
  return element;
}

/** Runs `body` with console.error captured (a failed chunk load is logged), and returns what was logged. */
async function capturingConsoleErrors(body: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await body();
  } finally {
    console.error = original;
  }
  return errors;
}

const CHUNK_FAILURE = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

/** Mounts a form whose checks load through `load` (set before the element connects, so before any preload). */
async function mountWithChecks(load: () => Promise<unknown>): Promise<MailSettings> {
  const element = document.createElement('mail-settings');
  (element as unknown as ChecksSeam).form.checks.load = load;
  const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
  root.append(element);
  await until(() => !!shadow(element, 'form'), 4000, 'form');
  return element;
}

/** Types and leaves a field without waiting for the element to settle. */
function typeNow(el: MailSettings, id: string, value: string): void {
  const field = shadow<HTMLInputElement>(el, `#${id}`)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('blur'));
}

const CANARY = 'CANARY-pa55-7f3e';

const ACCOUNT = SAMPLE_ACCOUNT;

async function mount(lang = 'en'): Promise<MailSettings> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}><mail-settings></mail-settings></mail-backend-provider>
    </div>`,
  );
  const element = root.querySelector('mail-settings')!;
  await until(() => !!shadow(element, 'form') || !!shadow(element, '[part~="error"]'), 4000, 'form');
  return element;
}

const input = (el: MailSettings, id: string) => shadow<HTMLInputElement>(el, `#${id}`)!;
const select = (el: MailSettings, id: string) => shadow<HTMLSelectElement>(el, `#${id}`)!;
const message = (el: MailSettings, id: string) =>
  shadow(el, `#${input(el, id).getAttribute('aria-describedby')!.split(' ')[0]}`)!.textContent!.trim();

/** Types like a user: the value, an input event, then leaving the field. */
async function type(el: MailSettings, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function choose(el: MailSettings, name: string, value: string): Promise<void> {
  const radio = shadow<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`)!;
  radio.click();
  await el.updateComplete;
}

/** Signs in with an OAuth app, and waits for the app choice, which loads on first use. */
async function chooseOAuth(el: MailSettings): Promise<void> {
  await choose(el, 'auth', 'oauth');
  await until(() => !!shadow(el, '[part~="no-endpoints"], #oauthEndpointId'), 3000, 'the OAuth app choice');
}

async function pick(el: MailSettings, id: string, value: string): Promise<void> {
  const control = select(el, id);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function fillValid(el: MailSettings, password = 'right'): Promise<void> {
  await type(el, 'email', 'dana@example.com');
  await type(el, 'displayName', 'Dana Ortiz');
  await type(el, 'incoming-host', 'imap.example.com');
  await type(el, 'outgoing-host', 'smtp.example.com');
  await type(el, 'password', password);
}

/** Everything a page could reveal: every shadow root's markup and every form control's value, at any depth. */
function everythingOnThePage(root: ParentNode = document): string {
  const parts: string[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML);
        visit(element.shadowRoot);
      }
    }
  };
  if (root instanceof Document) parts.push(root.documentElement.outerHTML);
  visit(root);
  return parts.join('\n');
}

describe('<mail-settings>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe for a new account', async () => {
      await expect(await mount()).to.be.accessible();
    });
    it('passes axe for a stored account with test results and errors shown', async () => {
      backend = await useMockApi({ account: ACCOUNT });
      const el = await mount();
      await type(el, 'outgoing-host', 'smtpauth-disabled.example.com');
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => shadowAll(el, '[part~="test-result"]:not([part~="pending"])').length === 2, 4000, 'results');
      await type(el, 'incoming-port', '0');
      expect(input(el, 'incoming-port').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });
    it('passes axe while loading and when loading fails', async () => {
      backend.faults.set('getAccount', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}><mail-settings></mail-settings></mail-backend-provider>`,
      );
      const loading = root.querySelector('mail-settings')!;
      await until(() => !!shadow(loading, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(loading).to.be.accessible();
      backend.faults.clear();
      backend.faults.set('getAccount', { error: 'server' });
      const failing = await mount();
      expect(shadow(failing, '[part~="error"]')).to.exist;
      await expect(failing).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('starts as a custom IMAP account on 993 SSL/TLS and SMTP on 587 STARTTLS, not dirty', async () => {
      const el = await mount();
      expect(el.dirty).to.equal(false);
      expect(shadow<HTMLInputElement>(el, 'input[name="preset"][value="custom"]')!.checked).to.equal(true);
      expect(shadow<HTMLInputElement>(el, 'input[name="protocol"][value="imap"]')!.checked).to.equal(true);
      expect(input(el, 'incoming-port').value).to.equal('993');
      expect(select(el, 'incoming-security').value).to.equal('tls');
      expect(input(el, 'outgoing-port').value).to.equal('587');
      expect(select(el, 'outgoing-security').value).to.equal('starttls');
      expect(input(el, 'password').type).to.equal('password');
    });
    it('shows a stored account without its password', async () => {
      backend = await useMockApi({ account: ACCOUNT });
      const el = await mount();
      expect(input(el, 'incoming-host').value).to.equal('imap.example.com');
      expect(input(el, 'displayName').value).to.equal('Dana Ortiz');
      expect(shadow(el, '#password')).to.equal(null);
      expect(shadow(el, '[part~="password-set"]')!.textContent).to.contain('A password is saved.');
      expect(everythingOnThePage()).not.to.contain('right"');
    });
  });

  describe('validation', () => {
    const cases: [string, string, string][] = [
      ['incoming-host', 'not a host!', 'Enter a server name such as mail.example.com, or an IP address.'],
      ['outgoing-host', '', 'Required.'],
      ['incoming-port', '0', 'A port is a whole number from 1 to 65535.'],
      ['incoming-port', '65536', 'A port is a whole number from 1 to 65535.'],
      ['outgoing-port', 'abc', 'A port is a whole number from 1 to 65535.'],
      ['outgoing-port', '', 'Required.'],
      ['email', 'dana@', 'Enter an e-mail address such as name@example.com.'],
      ['email', '', 'Required.'],
      ['userName', '   ', 'Required.'],
      ['displayName', 'x'.repeat(257), 'At most 256 characters.'],
      ['password', '', 'Enter the password.'],
    ];
    for (const [id, value, expected] of cases) {
      it(`explains "${value.slice(0, 12)}" in ${id} next to the field when it is left`, async () => {
        const el = await mount();
        expect(input(el, id).getAttribute('aria-invalid')).to.equal('false');
        await type(el, id, value);
        expect(input(el, id).getAttribute('aria-invalid')).to.equal('true');
        expect(message(el, id)).to.equal(expected);
      });
    }

    it('accepts good values: host names, IP literals, ports at the limits', async () => {
      const el = await mount();
      await type(el, 'incoming-host', '192.168.1.20');
      await type(el, 'outgoing-host', 'smtp.example.com');
      await type(el, 'incoming-port', '1');
      await type(el, 'outgoing-port', '65535');
      await type(el, 'email', 'dana@example.com');
      for (const id of ['incoming-host', 'outgoing-host', 'incoming-port', 'outgoing-port', 'email'])
        expect(input(el, id).getAttribute('aria-invalid'), id).to.equal('false');
    });

    it('on submit shows every problem and focuses the first', async () => {
      const el = await mount();
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => !!shadow(el, '[part~="form-error"]')!.textContent!.trim(), 2000, 'form error');
      const invalid = shadowAll(el, '[aria-invalid="true"]').map((node) => node.id);
      expect(invalid).to.include.members(['email', 'userName', 'incoming-host', 'outgoing-host', 'password']);
      expect(el.shadowRoot!.activeElement?.id).to.equal('email');
      expect(await backend.getAccount()).to.deep.equal({ configured: false, settings: null });
    });

    it('speaks Spanish', async () => {
      const el = await mount('es');
      await type(el, 'incoming-port', '99999');
      expect(message(el, 'incoming-port')).to.equal('Un puerto es un número entero del 1 al 65535.');
      expect(shadow(el, 'label[for="email"]')!.textContent).to.contain('Dirección de correo');
    });

    it('shows the server’s validation errors at their fields', async () => {
      const endpoint = await backend.saveEndpoint({
        provider: 'google',
        name: 'G',
        clientId: 'id.apps.googleusercontent.com',
        clientSecret: 's',
      });
      const el = await mount();
      await fillValid(el);
      await chooseOAuth(el);
      // The form does not know yet that the app is gone.
      await pick(el, 'oauthEndpointId', endpoint.id);
      await backend.deleteEndpoint({ endpointId: endpoint.id });
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await until(() => select(el, 'oauthEndpointId').getAttribute('aria-invalid') === 'true', 3000, 'server error');
      const messageId = select(el, 'oauthEndpointId').getAttribute('aria-describedby')!.split(' ')[0];
      expect(shadow(el, `#${messageId}`)!.textContent).to.contain('does not exist any more');
    });
  });

  describe('presets, protocol and security', () => {
    it('fills Microsoft 365, Outlook.com and Gmail', async () => {
      const el = await mount();
      await choose(el, 'preset', 'microsoft365');
      expect(input(el, 'incoming-host').value).to.equal('outlook.office365.com');
      expect(input(el, 'incoming-port').value).to.equal('993');
      expect(select(el, 'incoming-security').value).to.equal('tls');
      expect(input(el, 'outgoing-host').value).to.equal('smtp.office365.com');
      expect(input(el, 'outgoing-port').value).to.equal('587');
      expect(select(el, 'outgoing-security').value).to.equal('starttls');
      await choose(el, 'preset', 'outlook');
      expect(input(el, 'incoming-host').value).to.equal('outlook.office365.com');
      expect(input(el, 'outgoing-host').value).to.equal('smtp-mail.outlook.com');
      expect(input(el, 'outgoing-port').value).to.equal('587');
      await choose(el, 'preset', 'gmail');
      expect(input(el, 'incoming-host').value).to.equal('imap.gmail.com');
      expect(input(el, 'outgoing-host').value).to.equal('smtp.gmail.com');
      expect(input(el, 'outgoing-port').value).to.equal('465');
      expect(select(el, 'outgoing-security').value).to.equal('tls');
      // Gmail also takes STARTTLS on 587.
      await pick(el, 'outgoing-security', 'starttls');
      expect(input(el, 'outgoing-port').value).to.equal('587');
      expect(el.dirty).to.equal(true);
    });

    it('switches a preset to POP3 with its host and port 995, and back', async () => {
      const el = await mount();
      await choose(el, 'preset', 'gmail');
      await choose(el, 'protocol', 'pop3');
      expect(input(el, 'incoming-host').value).to.equal('pop.gmail.com');
      expect(input(el, 'incoming-port').value).to.equal('995');
      await pick(el, 'incoming-security', 'starttls');
      expect(input(el, 'incoming-port').value).to.equal('110');
      await choose(el, 'protocol', 'imap');
      expect(input(el, 'incoming-port').value).to.equal('143');
      await choose(el, 'preset', 'microsoft365');
      await choose(el, 'protocol', 'pop3');
      expect(input(el, 'incoming-host').value).to.equal('outlook.office365.com');
      expect(input(el, 'incoming-port').value).to.equal('995');
    });

    it('fills the conventional port for a security choice, unless a custom port was typed', async () => {
      const el = await mount();
      await pick(el, 'outgoing-security', 'tls');
      expect(input(el, 'outgoing-port').value).to.equal('465');
      await pick(el, 'outgoing-security', 'none');
      expect(input(el, 'outgoing-port').value).to.equal('25');
      await type(el, 'outgoing-port', '2525');
      await pick(el, 'outgoing-security', 'starttls');
      expect(input(el, 'outgoing-port').value).to.equal('2525');
      await pick(el, 'incoming-security', 'starttls');
      expect(input(el, 'incoming-port').value).to.equal('143');
    });

    it('becomes custom when a host differs from the preset’s', async () => {
      const el = await mount();
      await choose(el, 'preset', 'microsoft365');
      await type(el, 'outgoing-host', 'mail.contoso.com');
      expect(shadow<HTMLInputElement>(el, 'input[name="preset"][value="custom"]')!.checked).to.equal(true);
      expect(input(el, 'incoming-host').value).to.equal('outlook.office365.com');
    });

    it('keeps the user name following the e-mail address until it is typed', async () => {
      const el = await mount();
      await type(el, 'email', 'dana@example.com');
      expect(input(el, 'userName').value).to.equal('dana@example.com');
      await type(el, 'userName', 'DOMAIN\\dana');
      await type(el, 'email', 'other@example.com');
      expect(input(el, 'userName').value).to.equal('DOMAIN\\dana');
    });
  });

  describe('password', () => {
    it('is never in the DOM after save, nor after a reload', async () => {
      const el = await mount();
      await fillValid(el, CANARY);
      expect(input(el, 'password').value).to.equal(CANARY);
      const saved = oneEvent(el, 'mail-settings-saved');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const event = await saved;
      expect(event.detail.settings.passwordSet).to.equal(true);
      expect(JSON.stringify(event.detail)).not.to.contain(CANARY);
      await el.updateComplete;
      expect(everythingOnThePage()).not.to.contain(CANARY);
      expect(shadow(el, '[part~="password-set"]')).to.exist;
      expect(el.dirty).to.equal(false);

      el.closest('div')!.remove();
      const again = await mount();
      expect(shadow(again, '[part~="password-set"]')).to.exist;
      expect(everythingOnThePage()).not.to.contain(CANARY);
      expect(JSON.stringify(await backend.getAccount())).not.to.contain(CANARY);
    });

    it('changes the saved password only when a new one is typed', async () => {
      backend = await useMockApi({ account: ACCOUNT });
      const el = await mount();
      shadow<HTMLButtonElement>(el, '[part~="change-password-button"]')!.click();
      await until(() => !!shadow(el, '#password'), 2000, 'password input');
      expect(el.shadowRoot!.activeElement?.id).to.equal('password');
      expect(input(el, 'password').value).to.equal('');
      expect(el.dirty).to.equal(false);
      await type(el, 'password', 'wrong');
      expect(el.dirty).to.equal(true);
      shadow<HTMLButtonElement>(el, '[part~="keep-password-button"]')!.click();
      await el.updateComplete;
      expect(shadow(el, '#password')).to.equal(null);
      expect(el.dirty).to.equal(false);
      // The stored password ("right") still signs in.
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => shadowAll(el, '[part~="test-result"][part~="ok"]').length === 2, 4000, 'both ok');
    });
  });

  describe('test connection', () => {
    it('tests incoming and outgoing separately and explains failures in actionable words', async () => {
      const el = await mount();
      await fillValid(el, 'wrong');
      await type(el, 'outgoing-host', 'smtpauth-disabled.example.com');
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => shadowAll(el, '[part~="test-result"]:not([part~="pending"])').length === 2, 4000, 'results');
      const incoming = shadow(el, '[part~="test-result"][data-target="incoming"]')!;
      const outgoing = shadow(el, '[part~="test-result"][data-target="outgoing"]')!;
      expect(incoming.dataset.failure).to.equal('auth-failed');
      expect(incoming.textContent).to.contain('imap.example.com rejected the user name or password');
      expect(outgoing.dataset.failure).to.equal('smtp-auth-disabled');
      expect(outgoing.textContent).to.contain('turn on Authenticated SMTP');
      expect(outgoing.querySelector('pre')!.textContent).to.contain('535 5.7.139');
    });

    const failures: [string, string, string][] = [
      ['timeout.example.com', 'timeout', 'did not answer in time'],
      ['nothing.invalid', 'host-not-found', 'No server is called nothing.invalid'],
      ['refused.example.com', 'refused', 'does not accept connections on port 993'],
      ['badcert.example.com', 'certificate', 'self-signed'],
      ['badtls.example.com', 'tls', 'Try SSL/TLS'],
      ['protocol-disabled.example.com', 'protocol-disabled', 'IMAP is disabled for this mailbox'],
      ['oauth-only.example.com', 'oauth-required', 'OAuth app'],
      ['broken.example.com', 'unknown', 'unexpected answer'],
    ];
    for (const [host, failure, words] of failures) {
      it(`explains ${failure}`, async () => {
        const el = await mount();
        await fillValid(el);
        await type(el, 'incoming-host', host);
        shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
        await until(() => !!shadow(el, '[part~="test-result"][data-target="incoming"]:not([part~="pending"])'), 20000);
        const result = shadow(el, '[part~="test-result"][data-target="incoming"]')!;
        expect(result.dataset.failure).to.equal(failure);
        expect(result.textContent).to.contain(words);
      });
    }

    it('reports success for both, in Spanish too', async () => {
      const el = await mount('es');
      await fillValid(el);
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => shadowAll(el, '[part~="test-result"][part~="ok"]').length === 2, 4000, 'both ok');
      expect(shadow(el, '[data-target="incoming"]')!.textContent).to.contain('conectado a imap.example.com:993');
    });

    it('does not test an invalid form', async () => {
      const el = await mount();
      let calls = 0;
      const original = backend.testConnection.bind(backend);
      backend.testConnection = (...args) => (calls++, original(...args));
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => shadowAll(el, '[aria-invalid="true"]').length > 0, 2000, 'errors');
      expect(calls).to.equal(0);
    });
  });

  describe('OAuth sign-in', () => {
    it('offers an OAuth app saved on the same page, keeping what was typed, and shows its authorization', async () => {
      const el = await mount();
      await type(el, 'displayName', 'Typed before');
      await chooseOAuth(el);
      expect(shadow(el, '[part~="no-endpoints"]')!.textContent).to.contain('No OAuth app is registered yet');
      const endpoint = await backend.saveEndpoint({
        provider: 'microsoft',
        name: 'Contoso 365',
        clientId: '3f9a6c1e-2b7d-4e8a-9c0f-5d6e7a8b9c0d',
        tenantId: 'organizations',
        clientSecret: 's',
      });
      document.body.dispatchEvent(
        new CustomEvent('mail-endpoint-saved', { bubbles: true, composed: true, detail: { endpoint } }),
      );
      await el.updateComplete;
      expect([...select(el, 'oauthEndpointId').options].map((option) => option.textContent!.trim())).to.deep.equal([
        'Choose an app…',
        'Contoso 365 (Microsoft)',
      ]);
      expect(input(el, 'displayName').value).to.equal('Typed before');
      await pick(el, 'oauthEndpointId', endpoint.id);
      await until(() => shadow(el, '#oauthEndpointId-hint')!.textContent!.includes('has not authorized'), 2000);
      const { state } = await backend.beginAuthorization({ endpointId: endpoint.id, loginHint: 'ops@contoso.com' });
      const status = await backend.completeAuthorization({ state, code: `mock-code:${state}` });
      document.body.dispatchEvent(
        new CustomEvent('mail-authorization-change', { bubbles: true, composed: true, detail: { status } }),
      );
      await until(
        () => shadow(el, '#oauthEndpointId-hint')!.textContent!.includes('Authorized as ops@contoso.com'),
        2000,
      );
      expect(shadow(el, '#password')).to.equal(null);
    });

    it('speaks Spanish in the choice, whose strings arrive with it', async () => {
      await backend.saveEndpoint({
        provider: 'google',
        name: 'Acme',
        clientId: 'id.apps.googleusercontent.com',
        clientSecret: 's',
      });
      const el = await mount('es');
      await chooseOAuth(el);
      expect(shadow(el, 'label[for="oauthEndpointId"]')!.textContent).to.contain('Aplicación OAuth');
      expect([...select(el, 'oauthEndpointId').options].map((option) => option.textContent!.trim())).to.deep.equal([
        'Elija una aplicación…',
        'Acme (Google)',
      ]);
      expect(shadow(el, '#oauthEndpointId-hint')!.textContent).to.contain('La aplicación registrada');
    });
  });

  describe('events and unsaved changes', () => {
    it('emits change, then mail-settings-saved, and stores what was typed', async () => {
      const el = await mount();
      let changes = 0;
      el.addEventListener('change', () => changes++);
      await fillValid(el);
      expect(changes).to.be.greaterThan(0);
      const saved = oneEvent(el, 'mail-settings-saved');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      const { detail } = await saved;
      expect(detail.settings.incoming).to.deep.equal({
        protocol: 'imap',
        host: 'imap.example.com',
        port: 993,
        security: 'tls',
      });
      expect((await backend.getAccount()).settings?.email).to.equal('dana@example.com');
      await until(() => shadow(el, '[part~="status"]')!.textContent!.includes('Saved.'), 2000, 'saved status');
    });

    it('warns before leaving while dirty, and discards on request', async () => {
      backend = await useMockApi({ account: ACCOUNT });
      const el = await mount();
      const leave = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leave()).to.equal(false);
      await type(el, 'displayName', 'Someone else');
      expect(el.dirty).to.equal(true);
      expect(leave()).to.equal(true);
      expect(shadow(el, '[part~="status"]')!.textContent).to.contain('Unsaved changes');
      shadow<HTMLButtonElement>(el, '[part~="reset-button"]')!.click();
      await el.updateComplete;
      expect(input(el, 'displayName').value).to.equal('Dana Ortiz');
      expect(el.dirty).to.equal(false);
      expect(leave()).to.equal(false);
    });
  });

  describe('errors', () => {
    it('shows a failed save and keeps what was typed', async () => {
      const el = await mount();
      await fillValid(el);
      backend.faults.set('saveAccount', { error: 'network', times: 1 });
      const failed = oneEvent(el, 'mail-error');
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      expect((await failed).detail.operation).to.equal('saveAccount');
      await until(() => !!shadow(el, '[part~="form-error"]')!.textContent!.trim(), 2000, 'form error');
      expect(shadow(el, '[part~="form-error"]')!.textContent).to.contain('Cannot reach the mail server');
      expect(input(el, 'email').value).to.equal('dana@example.com');
      expect(el.dirty).to.equal(true);
    });

    it('explains the very first bad value once its checks have loaded', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const el = await mountWithChecks(() => held.then(loadChecks));
      typeNow(el, 'incoming-port', '0');
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Still loading: no verdict yet, and no wrong one.
      expect(input(el, 'incoming-port').getAttribute('aria-invalid')).to.equal('false');
      release();
      await until(() => input(el, 'incoming-port').getAttribute('aria-invalid') === 'true', 3000, 'message');
      expect(message(el, 'incoming-port')).to.equal('A port is a whole number from 1 to 65535.');
    });

    it('waits for the checks before saving, and saves nothing invalid', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const el = await mountWithChecks(() => held.then(loadChecks));
      shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shadow(el, '[part~="form-error"]')!.textContent!.trim()).to.equal('');
      release();
      await until(() => !!shadow(el, '[part~="form-error"]')!.textContent!.trim(), 3000, 'form error');
      expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
      expect(await backend.getAccount()).to.deep.equal({ configured: false, settings: null });
    });

    it('says when the checks cannot be loaded, and retries', async () => {
      let fail = true;
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      let el: MailSettings;
      try {
        el = await mountWithChecks(() =>
          fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : loadChecks(),
        );
        typeNow(el, 'email', 'dana@');
        await until(() => !!shadow(el, 'form [part~="error"]'), 3000, 'error region');
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(shadow(el, 'form [part~="error-message"]')!.textContent).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      const again = await capturingConsoleErrors(async () => {
        shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
        await el.updateComplete;
      });
      expect(again, 'Save tries to load them again').to.have.length(1);
      expect(shadow(el, 'form [part~="error"]'), 'and says it failed again').not.to.equal(null);
      expect(await backend.getAccount()).to.deep.equal({ configured: false, settings: null });
      fail = false;
      shadow<HTMLButtonElement>(el, 'form [part~="retry-button"]')!.click();
      await until(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 3000, 'message after retry');
      expect(message(el, 'email')).to.equal('Enter an e-mail address such as name@example.com.');
      expect(shadow(el, 'form [part~="error"]')).to.equal(null);
    });

    it('loads the checks again on Save after a failed load: the field errors show, then it saves', async () => {
      let attempts = 0;
      let el!: MailSettings;
      await capturingConsoleErrors(async () => {
        el = await mountWithChecks(() => (++attempts === 1 ? CHUNK_FAILURE() : loadChecks()));
        typeNow(el, 'email', 'dana@');
        await until(() => !!shadow(el, 'form [part~="error"]'), 3000, 'error region');
      });
      const saveButton = shadow<HTMLButtonElement>(el, '[part~="save-button"]')!;
      saveButton.focus();
      saveButton.click();
      await until(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 3000, 'the field error on Save');
      expect(attempts).to.equal(2);
      expect(message(el, 'email')).to.equal('Enter an e-mail address such as name@example.com.');
      expect(shadow(el, 'form [part~="error"]')).to.equal(null);
      await until(() => el.shadowRoot!.activeElement === input(el, 'email'), 3000, 'focus on the field in error');
      await fillValid(el);
      const saved = oneEvent(el, 'mail-settings-saved');
      saveButton.click();
      await saved;
      expect((await backend.getAccount()).configured).to.equal(true);
    });

    it('moves focus to the field in error after a failed save while the help texts are stalled', async () => {
      const el = await mount();
      // The help texts load when a test first runs; this import never ends.
      (el as unknown as { help: { load: () => Promise<unknown> } }).help.load = () => new Promise(() => {});
      await fillValid(el);
      const testButton = shadow<HTMLButtonElement>(el, '[part~="test-button"]')!;
      testButton.click();
      await until(() => testButton.disabled, 3000, 'the test to run, waiting for its help texts');
      typeNow(el, 'email', 'dana@');
      const saveButton = shadow<HTMLButtonElement>(el, '[part~="save-button"]')!;
      saveButton.focus();
      saveButton.click();
      await until(() => el.shadowRoot!.activeElement === input(el, 'email'), 3000, 'focus on the field in error');
      expect(shadow(el, '[part~="form-error"]')!.textContent).to.contain('need your attention');
    });

    it('shows loading while the test results panel loads, then the results', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const el = await mountWithPart('testView', (load) => () => held.then(load));
      await fillValid(el);
      shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
      await until(() => !!shadow(el, '[part~="loading"]'), 3000, 'loading');
      expect(shadow(el, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
      expect(shadowAll(el, '[part~="test-result"]')).to.have.length(0);
      release();
      await until(() => shadowAll(el, '[part~="test-result"][part~="ok"]').length === 2, 4000, 'both ok');
      expect(shadow(el, '[part~="loading"]')).to.equal(null);
    });

    it('says when the test results panel cannot be loaded, emits mail-error, and retries', async () => {
      let fail = true;
      const events: CustomEvent[] = [];
      let el!: MailSettings;
      const logged = await capturingConsoleErrors(async () => {
        el = await mountWithPart('testView', (load) => () => (fail ? CHUNK_FAILURE() : load()));
        el.addEventListener('mail-error', (event) => events.push(event));
        await fillValid(el);
        shadow<HTMLButtonElement>(el, '[part~="test-button"]')!.click();
        await until(() => !!shadow(el, 'form [part~="error"]'), 3000, 'error region');
      });
      expect(logged).to.have.length(1);
      expect(events.map((event) => event.detail.operation)).to.deep.equal(['loadPart']);
      expect(shadow(el, 'form [part~="error"]')!.dataset.code).to.equal('network');
      await expect(el).to.be.accessible();
      fail = false;
      shadow<HTMLButtonElement>(el, 'form [part~="retry-button"]')!.click();
      await until(() => shadowAll(el, '[part~="test-result"][part~="ok"]').length === 2, 4000, 'results after retry');
      expect(shadow(el, 'form [part~="error"]')).to.equal(null);
    });

    it('says when the OAuth app choice cannot be loaded, and retries', async () => {
      let fail = true;
      let el!: MailSettings;
      const logged = await capturingConsoleErrors(async () => {
        el = await mountWithPart('oauthView', (load) => () => (fail ? CHUNK_FAILURE() : load()));
        await choose(el, 'auth', 'oauth');
        await until(() => !!shadow(el, 'form [part~="error"]'), 3000, 'error region');
      });
      expect(logged).to.have.length(1);
      expect(shadow(el, '[part~="no-endpoints"]')).to.equal(null);
      fail = false;
      shadow<HTMLButtonElement>(el, 'form [part~="retry-button"]')!.click();
      await until(() => !!shadow(el, '[part~="no-endpoints"]'), 3000, 'the choice after retry');
      expect(shadow(el, 'form [part~="error"]')).to.equal(null);
    });

    it('retries a failed load', async () => {
      backend.faults.set('getAccount', { error: 'server', times: 1 });
      const el = await mount();
      shadow<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await until(() => !!shadow(el, 'form'), 3000, 'form after retry');
    });
  });
});
