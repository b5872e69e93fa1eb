import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-oauth-callback.js';
import {
  OAUTH_MESSAGE_TYPE,
  OAUTH_RETURN_KEY,
  readCallbackUrl,
  type MailOAuthCallback,
} from './mail-oauth-callback.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, until, useMockApi } from '../../../test/helpers/mock-api.js';

const CALLBACK_PATH = '/demo/oauth-callback.html';

async function mount(url: string, lang = 'en', extra = ''): Promise<MailOAuthCallback> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}>
        <mail-oauth-callback url=${url} return-url=${extra}></mail-oauth-callback>
      </mail-backend-provider>
    </div>`,
  );
  const element = root.querySelector('mail-oauth-callback')!;
  await until(() => !!shadow(element, '[part~="panel"]') && !shadow(element, '[aria-busy="true"]'), 4000, 'outcome');
  return element;
}

/** The seam through which a test sees and replaces how the explanations of provider errors load. */
type HelpSeam = { help: { value: unknown; load: () => Promise<unknown> } };
const help = (el: Element) => (el as unknown as HelpSeam).help;

const text = (el: Element) => shadow(el, '[part~="panel"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<mail-oauth-callback>', () => {
  let backend: MemoryMailBackend;
  let endpointId: string;
  let state: string;

  beforeEach(async () => {
    backend = await useMockApi({ appSettings: { redirectPath: CALLBACK_PATH } });
    const endpoint = await backend.saveEndpoint({
      provider: 'google',
      name: 'Google',
      clientId: 'id.apps.googleusercontent.com',
      clientSecret: 'secret',
    });
    endpointId = endpoint.id;
    state = (await backend.beginAuthorization({ endpointId, loginHint: 'ops@example.com' })).state;
  });

  const allowed = () =>
    `${CALLBACK_PATH}?code=mock-code:${encodeURIComponent(state)}&state=${encodeURIComponent(state)}`;

  describe('accessibility', () => {
    it('passes axe when authorized, failed and idle', async () => {
      await expect(await mount(allowed())).to.be.accessible();
      await expect(await mount(`${CALLBACK_PATH}?state=unknown&code=x`)).to.be.accessible();
      await expect(await mount(CALLBACK_PATH)).to.be.accessible();
    });
  });

  it('reads the query, or the fragment', () => {
    expect(readCallbackUrl('/cb?code=c&state=s')).to.deep.equal({ state: 's', code: 'c' });
    expect(readCallbackUrl('/cb#code=c&state=s&error=e&error_description=d')).to.deep.equal({
      state: 's',
      code: 'c',
      error: 'e',
      errorDescription: 'd',
    });
    expect(readCallbackUrl('/cb?error=access_denied')).to.deep.equal({ error: 'access_denied' });
    expect(readCallbackUrl('/cb')).to.deep.equal({});
  });

  it('completes the authorization and says who is authorized', async () => {
    const root = await fixture(html`<div></div>`);
    const done = oneEvent(root, 'mail-oauth-complete');
    const provider = document.createElement('mail-backend-provider');
    provider.setAttribute('base-url', API);
    const callback = document.createElement('mail-oauth-callback');
    callback.url = allowed();
    provider.append(callback);
    root.append(provider);
    const { detail } = await done;
    expect(detail.ok).to.equal(true);
    expect(detail.status).to.include({ endpointId, state: 'authorized', account: 'ops@example.com' });
    await until(() => !!shadow(callback, '.ok'), 2000, 'success panel');
    expect(text(callback)).to.contain('ops@example.com is authorized');
    expect((await backend.getAuthorizationStatus({ endpointId })).state).to.equal('authorized');
  });

  it('refuses an unknown or reused state with a clear message', async () => {
    await mount(allowed());
    const reused = await mount(allowed());
    expect(shadow(reused, '[role="alert"]')).to.exist;
    expect(text(reused)).to.contain('Authorization failed');
    expect(text(reused)).to.contain('was already used. Start the authorization again from the settings.');
  });

  it('explains a provider error', async () => {
    const el = await mount(
      `${CALLBACK_PATH}?state=${encodeURIComponent(state)}&error=access_denied&error_description=The+user+said+no`,
    );
    expect(text(el)).to.contain('the permissions were refused');
    expect(shadow(el, '[part~="details"]')!.textContent).to.contain('The user said no');
    expect((await backend.getAuthorizationStatus({ endpointId })).lastErrorCode).to.equal('access_denied');
  });

  it('explains an error that arrives without state', async () => {
    const el = await mount(`${CALLBACK_PATH}?error=invalid_client`);
    expect(text(el)).to.contain('check the client ID');
  });

  it('loads the explanations of provider errors only when a failure needs one', async () => {
    const done = await mount(allowed());
    expect(text(done)).to.contain('is authorized');
    expect(help(done).value, 'not after a success').to.equal(undefined);
    const failed = await mount(`${CALLBACK_PATH}?error=invalid_client`);
    expect(help(failed).value).to.equal(true);
  });

  it('says when the explanation could not load, and shows it on retry', async () => {
    const element = document.createElement('mail-oauth-callback');
    element.url = `${CALLBACK_PATH}?error=invalid_client`;
    const real = help(element).load;
    let fail = true;
    help(element).load = () =>
      fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real();
    const root = await fixture(html`<mail-backend-provider base-url=${API}></mail-backend-provider>`);
    root.append(element);
    await until(() => !!shadow(element, '.failed [part~="error"]'), 3000, 'the error');
    expect(text(element)).to.contain('Authorization failed');
    expect(shadow(element, '[part~="details"]')!.textContent).to.contain('invalid_client');
    await expect(element).to.be.accessible();
    fail = false;
    shadow<HTMLButtonElement>(element, '[part~="retry-button"]')!.click();
    await until(() => text(element).includes('check the client ID'), 3000, 'the explanation after retry');
    expect(shadow(element, '.failed [part~="error"]')).to.equal(null);
  });

  it('says what it is for when opened directly, in Spanish too', async () => {
    expect(text(await mount(CALLBACK_PATH))).to.contain('Start from Authorize');
    expect(text(await mount(CALLBACK_PATH, 'es'))).to.contain('Empiece desde Autorizar');
  });

  it('offers the way back after a same-window redirect, only on this origin', async () => {
    sessionStorage.setItem(OAUTH_RETURN_KEY, `${location.origin}/demo/admin.html`);
    try {
      const el = await mount(allowed());
      expect(shadow<HTMLAnchorElement>(el, '[part~="return-link"]')!.href).to.equal(
        `${location.origin}/demo/admin.html`,
      );
      sessionStorage.setItem(OAUTH_RETURN_KEY, 'https://evil.example/phish');
      const other = await mount(CALLBACK_PATH);
      expect(shadow(other, '[part~="return-link"]')).to.equal(null);
      const explicit = await mount(CALLBACK_PATH, 'en', '/settings');
      expect(shadow<HTMLAnchorElement>(explicit, '[part~="return-link"]')!.href).to.equal(
        `${location.origin}/settings`,
      );
    } finally {
      sessionStorage.removeItem(OAUTH_RETURN_KEY);
    }
  });

  it('tells its opener, on its own origin only and without the code, then closes', async () => {
    const posted: [unknown, string][] = [];
    const opener = { closed: false, postMessage: (data: unknown, origin: string) => posted.push([data, origin]) };
    const realOpener = window.opener;
    const realClose = window.close;
    let closed = 0;
    window.opener = opener;
    window.close = () => void closed++;
    try {
      const el = await mount(allowed());
      expect(posted).to.have.length(1);
      const [data, origin] = posted[0]!;
      expect(origin).to.equal(location.origin);
      expect(data).to.deep.equal({ type: OAUTH_MESSAGE_TYPE, ok: true, endpointId });
      expect(JSON.stringify(data)).not.to.contain('mock-code');
      expect(shadow(el, '[part~="close-button"]')).to.exist;
      await until(() => closed === 1, 2000, 'closed');
      // A failure is posted too, but the window stays open to show it.
      const failed = await mount(`${CALLBACK_PATH}?state=nope&code=x`);
      expect(posted).to.have.length(2);
      expect(posted[1]![0]).to.deep.equal({ type: OAUTH_MESSAGE_TYPE, ok: false });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(closed).to.equal(1);
      expect(text(failed)).to.contain('Authorization failed');
    } finally {
      window.opener = realOpener;
      window.close = realClose;
    }
  });

  it('removes the code from the address bar when reading its own location', async () => {
    const before = location.href;
    history.replaceState(history.state, '', `${location.pathname}?code=mock-code:${state}&state=${state}`);
    try {
      const el = await mount('');
      expect(location.search).to.equal('');
      expect(text(el)).to.contain('is authorized');
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('reports a backend failure as mail-error', async () => {
    backend.faults.set('completeAuthorization', { error: 'network' });
    const root = await fixture(html`<div></div>`);
    const failed = oneEvent(root, 'mail-error');
    root.innerHTML = `<mail-backend-provider base-url="${API}"><mail-oauth-callback url="${allowed()}"></mail-oauth-callback></mail-backend-provider>`;
    expect((await failed).detail.operation).to.equal('completeAuthorization');
    const el = root.querySelector('mail-oauth-callback')!;
    await until(() => !!shadow(el, '.failed'), 2000, 'failure panel');
    expect(text(el)).to.contain('Cannot reach the mail server');
  });
});
