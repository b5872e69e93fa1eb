import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-app-settings.js';
import { isInsecureUrl, redirectUrlFor, type MailAppSettings } from './mail-app-settings.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(lang = 'en'): Promise<MailAppSettings> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}><mail-app-settings></mail-app-settings></mail-backend-provider>
    </div>`,
  );
  const element = root.querySelector('mail-app-settings')!;
  await until(() => !!shadow(element, 'form') || !!shadow(element, '[part~="error"]'), 4000, 'form');
  return element;
}

const input = (el: Element, id: string) => shadow<HTMLInputElement>(el, `#${id}`)!;
const message = (el: Element, id: string) => shadow(el, `#${id}-message`)!.textContent!.trim();

async function type(el: MailAppSettings, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
  field.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

describe('<mail-app-settings>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe loaded, with errors, and when loading fails', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
      await type(el, 'baseUrl', 'nope');
      await expect(el).to.be.accessible();
      backend.faults.set('getAppSettings', { error: 'server' });
      const failing = await mount();
      expect(shadow(failing, '[part~="error"]')).to.exist;
      await expect(failing).to.be.accessible();
    });
    it('passes axe while loading', async () => {
      backend.faults.set('getAppSettings', { latencyMs: 5000 });
      const root = await fixture(
        html`<mail-backend-provider base-url=${API}><mail-app-settings></mail-app-settings></mail-backend-provider>`,
      );
      const el = root.querySelector('mail-app-settings')!;
      await until(() => !!shadow(el, '[aria-busy="true"]'), 2000, 'skeleton');
      await expect(el).to.be.accessible();
    });
  });

  it('defaults to the page’s origin and the standard redirect path', async () => {
    const el = await mount();
    expect(el.dirty).to.equal(false);
    expect(input(el, 'baseUrl').value).to.equal('');
    expect(input(el, 'baseUrl').placeholder).to.equal(location.origin);
    expect(input(el, 'redirectPath').value).to.equal('/Webhooks/MailToken.aspx');
    expect(shadow(el, '[part~="redirect-url"]')!.textContent).to.equal(`${location.origin}/Webhooks/MailToken.aspx`);
    // The test server is plain http.
    expect(shadow(el, '[part~="warning"]')).to.exist;
  });

  it('computes redirect URLs and recognizes insecure ones', () => {
    expect(redirectUrlFor({ baseUrl: 'https://erp.example.com/', redirectPath: '/cb' })).to.equal(
      'https://erp.example.com/cb',
    );
    expect(redirectUrlFor({ baseUrl: '', redirectPath: '/cb' }, 'http://localhost:1')).to.equal(
      'http://localhost:1/cb',
    );
    expect(isInsecureUrl('http://erp.example.com/cb')).to.equal(true);
    expect(isInsecureUrl('https://erp.example.com/cb')).to.equal(false);
  });

  const cases: [string, string, string][] = [
    ['baseUrl', 'erp.example.com', 'Enter an absolute http or https address, such as https://erp.example.com.'],
    ['baseUrl', 'ftp://erp.example.com', 'Enter an absolute http or https address, such as https://erp.example.com.'],
    ['redirectPath', 'Webhooks/MailToken.aspx', 'A path starts with / and has no spaces, ? or #.'],
    ['redirectPath', '/cb?x=1', 'A path starts with / and has no spaces, ? or #.'],
    ['redirectPath', '', 'Required.'],
  ];
  for (const [id, value, expected] of cases) {
    it(`explains "${value}" in ${id} next to the field`, async () => {
      const el = await mount();
      await type(el, id, value);
      expect(input(el, id).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el, id).getAttribute('aria-describedby')).to.contain(`${id}-message`);
      expect(message(el, id)).to.equal(expected);
      expect(shadow(el, '[part~="redirect-url"]')).to.equal(null);
    });
  }

  it('saves, shows the redirect URL without warning for https, and emits events', async () => {
    const el = await mount();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await type(el, 'baseUrl', 'https://erp.example.com/');
    expect(changes).to.equal(1);
    expect(el.dirty).to.equal(true);
    expect(shadow(el, '[part~="redirect-url"]')!.textContent).to.equal(
      'https://erp.example.com/Webhooks/MailToken.aspx',
    );
    expect(shadow(el, '[part~="warning"]')).to.equal(null);
    const saved = oneEvent(el, 'mail-app-settings-saved');
    shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    expect((await saved).detail.settings).to.deep.equal({
      baseUrl: 'https://erp.example.com',
      redirectPath: '/Webhooks/MailToken.aspx',
    });
    expect(await backend.getAppSettings()).to.deep.equal({
      baseUrl: 'https://erp.example.com',
      redirectPath: '/Webhooks/MailToken.aspx',
    });
    await until(() => shadow(el, '[part~="status"]')!.textContent!.includes('Saved.'), 2000, 'saved');
    expect(el.dirty).to.equal(false);
  });

  it('refuses to save an invalid address and focuses it', async () => {
    const el = await mount();
    await type(el, 'baseUrl', 'javascript:alert(1)');
    shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    await until(() => !!shadow(el, '[part~="form-error"]')!.textContent!.trim(), 2000, 'form error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('baseUrl');
    expect((await backend.getAppSettings()).baseUrl).to.equal('');
  });

  it('warns before leaving while dirty and discards on request', async () => {
    const el = await mount();
    await type(el, 'redirectPath', '/oauth/done');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(true);
    shadow<HTMLButtonElement>(el, '[part~="reset-button"]')!.click();
    await el.updateComplete;
    expect(input(el, 'redirectPath').value).to.equal('/Webhooks/MailToken.aspx');
    expect(el.dirty).to.equal(false);
  });

  it('speaks Spanish', async () => {
    const el = await mount('es');
    expect(shadow(el, 'label[for="baseUrl"]')!.textContent).to.contain('URL base de la aplicación');
    await type(el, 'baseUrl', 'nope');
    expect(message(el, 'baseUrl')).to.contain('Escriba una dirección http o https completa');
  });

  it('shows a failed save', async () => {
    const el = await mount();
    await type(el, 'baseUrl', 'https://erp.example.com');
    backend.faults.set('saveAppSettings', { error: 'forbidden' });
    const failed = oneEvent(el, 'mail-error');
    shadow<HTMLButtonElement>(el, '[part~="save-button"]')!.click();
    expect((await failed).detail.error.code).to.equal('forbidden');
    await until(() => shadow(el, '[part~="form-error"]')!.textContent!.includes('permission'), 2000, 'error shown');
  });
});
