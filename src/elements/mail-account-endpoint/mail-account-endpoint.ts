import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  DEFAULT_REDIRECT_PATH,
  MailError,
  type AccountEndpoint,
  type AppSettings,
  type AuthorizationStatus,
  type OAuthProvider,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import {
  checkIcon,
  clockIcon,
  copyIcon,
  errorIcon,
  externalIcon,
  icon,
  uploadIcon,
  warningIcon,
} from '../base/icons.js';
import { copyText, fieldId, formStyles, textField, type FieldKind, storedSecretField } from '../mail-settings/form.js';
import { SettingsForm, helpLoader } from '../mail-settings/settings-form.js';
import { LazyModule } from '../base/lazy-module.js';
import { isInsecureUrl, redirectUrlFor, type AppSettingsSavedDetail } from '../mail-app-settings/mail-app-settings.js';
import {
  OAUTH_MESSAGE_TYPE,
  OAUTH_RETURN_KEY,
  type OAuthCompleteDetail,
  type OAuthCompleteMessage,
} from '../mail-oauth-callback/mail-oauth-callback.js';
import { PORTAL_SCOPES, oauthErrorMeaning, parseGoogleClientFile } from './oauth-help.js';
import { accountEndpointStyles } from './mail-account-endpoint.styles.js';
import '../../i18n/strings/settings.js';
import '../../i18n/strings/settings-apps.js';

/** Detail of `mail-endpoint-saved`. */
export interface EndpointSavedDetail {
  /** The endpoint as stored: never the secret, only `clientSecretSet`. */
  endpoint: AccountEndpoint;
}

/** Detail of `mail-authorization-change`. */
export interface AuthorizationChangeDetail {
  status: AuthorizationStatus;
}

interface Draft {
  name: string;
  clientId: string;
  tenantId: string;
}

interface Loaded {
  endpoint: AccountEndpoint | null;
  app: AppSettings;
  status: AuthorizationStatus | null;
}

type Notice = { kind: 'ok' | 'warning' | 'failed'; text: string; detail?: string };

const FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  name: 'text',
  clientId: 'client-id',
  tenantId: 'tenant',
  clientSecret: 'secret',
};

const POPUP_FEATURES = 'popup=yes,width=520,height=680';

/**
 * @tagname mail-account-endpoint
 * @summary The OAuth 2.0 app registration for one provider (`provider="microsoft"` or `"google"`): client id, tenant
 * (Microsoft), write-only client secret, import of Google's client JSON, the redirect URL and permissions to enter in
 * the provider's portal (with copy buttons), a setup checklist, and "Authorize" with the mailbox's authorization
 * status: account, token expiry, last error and what it means, re-authorize and revoke.
 *
 * @event change - A field was changed by the user.
 * @event mail-endpoint-saved - The registration was saved. `detail.endpoint` (never the secret).
 * @event mail-authorization-change - The authorization status changed. `detail.status`.
 * @event mail-error - Loading, saving, authorizing or revoking failed.
 *
 * @csspart form - The form.
 * @csspart section - Each part (`section app`, `section redirect`, `section scopes`, `section checklist`,
 *   `section authorization`).
 * @csspart field - A field: label, input, hint and message.
 * @csspart label - A field's label.
 * @csspart input - An input.
 * @csspart hint - A field's help text.
 * @csspart field-error - The message next to a field.
 * @csspart secret-set - The "secret saved" line shown instead of the secret.
 * @csspart change-secret-button - Replaces the saved secret.
 * @csspart import-button - Imports Google's client JSON.
 * @csspart import-result - What the import did or why it refused the file.
 * @csspart redirect-url - The redirect URL input.
 * @csspart copy-button - A copy button (`copy-button redirect`, `copy-button scopes`).
 * @csspart warning - A warning (redirect not https, Google testing mode).
 * @csspart scopes - The list of permissions.
 * @csspart checklist - The setup checklist.
 * @csspart checklist-loading - Stands in for the checklist's steps while they load.
 * @csspart authorization - The authorization status panel (also `authorization-authorized`, `authorization-error`...).
 * @csspart save-status - The save status line.
 * @csspart authorize-button - Starts the authorization (also "Authorize again").
 * @csspart revoke-button - Revokes the authorization (also `revoke-button confirm` while asking to confirm).
 * @csspart cancel-revoke-button - Keeps the authorization instead of revoking it.
 * @csspart keep-secret-button - Keeps the saved secret after "Change secret".
 * @csspart note - A note about the provider (Microsoft).
 * @csspart expiry - When the access token expires.
 * @csspart last-error - The provider's last error and what it means.
 * @csspart error-message - The text of the error region.
 * @csspart save-button - Saves the registration.
 * @csspart reset-button - Discards unsaved changes.
 * @csspart actions - The button bar.
 * @csspart form-error - A problem with the form as a whole.
 * @csspart error - The error region: loading the registration, or the checklist's steps.
 * @csspart retry-button - The error's retry button.
 */
export class MailAccountEndpoint extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, formStyles, accountEndpointStyles];

  /** The provider this registration is for. */
  @property({ reflect: true })
  provider: OAuthProvider = 'microsoft';

  /** The endpoint to edit; when empty, the first endpoint of the provider, or a new one. */
  @property({ attribute: 'endpoint-id' })
  endpointId = '';

  /** The mailbox to authorize, passed to the provider as a sign-in hint; the account's e-mail when empty. */
  @property({ attribute: 'login-hint' })
  loginHint = '';

  @state() private draft: Draft = { name: '', clientId: '', tenantId: '' };
  @state() private saved: Draft = { name: '', clientId: '', tenantId: '' };
  /** A new secret being typed or imported; `null` keeps the stored one (never read from the backend). */
  @state() private secret: string | null = null;
  @state() private endpoint: AccountEndpoint | null = null;
  @state() private app: AppSettings = { baseUrl: '', redirectPath: DEFAULT_REDIRECT_PATH };
  @state() private status: AuthorizationStatus | null = null;
  @state() private saving = false;
  @state() private busy: '' | 'authorize' | 'revoke' | 'status' = '';
  @state() private waiting = false;
  @state() private confirmRevoke = false;
  @state() private importNotice: Notice | null = null;
  @state() private actionError: MailError | null = null;
  @state() private copied = '';
  @state() private revision = 0;

  private popup: Window | null = null;
  private popupTimer: ReturnType<typeof setInterval> | undefined;

  private readonly form = new SettingsForm(this, {
    localize: this.localize,
    kinds: FIELD_KINDS,
    input: () => ({ form: 'endpoint', value: this.input() }),
    rules: (): Record<string, string> =>
      !this.endpoint?.clientSecretSet && !this.secret
        ? { clientSecret: this.localize.term('settings.invalid.secret') }
        : {},
    listen: [
      [window, 'message', (event) => this.onMessage(event as MessageEvent)],
      [
        document,
        'mail-app-settings-saved',
        (event) => this.onAppSettingsSaved(event as CustomEvent<AppSettingsSavedDetail>),
      ],
      [document, 'mail-oauth-complete', (event) => this.onCallbackComplete(event as CustomEvent<OAuthCompleteDetail>)],
    ],
  });

  /**
   * The checklist's steps and what provider errors mean (the `settings-help` strings): requested on connect, so they
   * arrive while the form loads without holding up its first render.
   */
  private readonly help = new LazyModule(this, helpLoader(this.localize));

  private readonly loader = new Task(this, {
    task: async ([backend, provider, endpointId], { signal }): Promise<Loaded> => {
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const [list, app] = await Promise.all([
          backend.listEndpoints({}, { signal }),
          backend.getAppSettings({}, { signal }),
        ]);
        const endpoint =
          list.items.find((item) => (endpointId ? item.id === endpointId : item.provider === provider)) ?? null;
        if (endpointId && !endpoint) throw new MailError('not-found', `No OAuth app with id "${endpointId}".`);
        const status = endpoint ? await backend.getAuthorizationStatus({ endpointId: endpoint.id }, { signal }) : null;
        return { endpoint, app, status };
      } catch (error) {
        throw this.reportError(error, 'listEndpoints');
      }
    },
    args: () => [this.activeBackend, this.provider, this.endpointId, this.revision] as const,
    onComplete: (loaded) => this.adopt(loaded),
  });

  /** True while the form holds changes that are not saved. */
  get dirty(): boolean {
    const d = this.draft;
    const s = this.saved;
    return (
      d.name.trim() !== s.name ||
      d.clientId.trim() !== s.clientId ||
      (this.provider === 'microsoft' && d.tenantId.trim() !== s.tenantId) ||
      (this.secret !== null && this.secret !== '')
    );
  }

  /** The redirect URL to register with the provider. */
  get redirectUrl(): string {
    return redirectUrlFor(this.app);
  }

  /** Loads the registration, the application settings and the status again, discarding unsaved changes. */
  refresh(): void {
    this.revision++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The checklist is open until the app is authorized: its steps are needed soon, but not for the form itself.
    void this.help.request();
  }

  override disconnectedCallback(): void {
    this.stopWatchingPopup();
    super.disconnectedCallback();
  }

  /**
   * Also waits for the form's checks while they load, so that their messages are in place; not for the help texts,
   * which show their own loading state.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.form.checks.settled;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('provider') && changed.get('provider') !== undefined) this.importNotice = null;
  }

  /** The redirect URL follows `<mail-app-settings>` as soon as it saves. */
  private onAppSettingsSaved(event: CustomEvent<AppSettingsSavedDetail>): void {
    this.app = { ...event.detail.settings };
  }

  /** A `<mail-oauth-callback>` on this very page (a same-window flow, or a test) finished. */
  private onCallbackComplete(event: CustomEvent<OAuthCompleteDetail>): void {
    const endpointId = event.detail.status?.endpointId;
    if (!this.endpoint || (endpointId && endpointId !== this.endpoint.id)) return;
    this.stopWatchingPopup();
    void this.reloadStatus();
  }

  /** The popup's callback page reports back. Only a message from our own origin and our own popup counts. */
  private onMessage(event: MessageEvent): void {
    if (event.origin !== location.origin) return;
    if (!this.popup || event.source !== this.popup) return;
    const data = event.data as Partial<OAuthCompleteMessage> | null;
    if (!data || typeof data !== 'object' || data.type !== OAUTH_MESSAGE_TYPE) return;
    this.stopWatchingPopup();
    void this.reloadStatus();
  }

  private adopt(loaded: Loaded): void {
    const endpoint = loaded.endpoint;
    const draft: Draft = {
      name: endpoint?.name ?? '',
      clientId: endpoint?.clientId ?? '',
      tenantId: endpoint?.tenantId ?? '',
    };
    this.endpoint = endpoint;
    this.app = loaded.app;
    this.status = loaded.status;
    this.draft = draft;
    this.saved = draft;
    this.secret = null;
    this.form.clear();
    this.confirmRevoke = false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Model

  private defaultName(): string {
    return this.localize.term(`settings.endpoint.default-name-${this.provider}`);
  }

  private input(): Record<string, unknown> {
    const d = this.draft;
    return {
      ...(this.endpoint ? { id: this.endpoint.id } : {}),
      provider: this.provider,
      name: d.name.trim() || this.defaultName(),
      clientId: d.clientId.trim(),
      ...(this.provider === 'microsoft' ? { tenantId: d.tenantId.trim() } : {}),
      ...(this.secret ? { clientSecret: this.secret } : {}),
    };
  }

  private set(key: keyof Draft, value: string): void {
    this.draft = { ...this.draft, [key]: value };
    this.form.edited(key);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Actions

  /** Saves the registration; resolves to the stored endpoint, or `null` when the form or the backend refused it. */
  private async saveEndpoint(): Promise<AccountEndpoint | null> {
    this.form.statusText = '';
    const checks = await this.form.validate();
    const backend = this.activeBackend;
    if (!checks || !backend || this.saving) return null;
    this.saving = true;
    try {
      const endpoint = await backend.saveEndpoint(checks.parse('endpoint', this.input()));
      const status = await backend.getAuthorizationStatus({ endpointId: endpoint.id });
      this.adopt({ endpoint, app: this.app, status });
      this.importNotice = null;
      this.form.statusText = this.localize.term('settings.form.saved');
      this.emit('mail-endpoint-saved', { endpoint });
      return endpoint;
    } catch (error) {
      await this.form.showSaveError(this.reportError(error, 'saveEndpoint'));
      return null;
    } finally {
      this.saving = false;
    }
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    await this.saveEndpoint();
  }

  private reset(): void {
    this.draft = { ...this.saved };
    this.secret = null;
    this.form.clear();
    this.importNotice = null;
    this.changed();
  }

  /**
   * Opens the provider's consent page in a popup. The popup is opened at once, inside the click, so that popup
   * blockers allow it; when it is blocked anyway, the page itself goes to the provider and comes back.
   */
  private async authorize(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || this.busy) return;
    this.actionError = null;
    this.confirmRevoke = false;
    const popup = window.open('', 'mail-elements-oauth', POPUP_FEATURES);
    this.busy = 'authorize';
    try {
      const endpoint = this.dirty || !this.endpoint ? await this.saveEndpoint() : this.endpoint;
      if (!endpoint) {
        popup?.close();
        return;
      }
      const loginHint = this.loginHint || (await this.accountEmail());
      const start = await backend.beginAuthorization({
        endpointId: endpoint.id,
        ...(loginHint ? { loginHint } : {}),
      });
      if (popup && !popup.closed) {
        popup.location.href = start.url;
        this.watchPopup(popup);
      } else {
        sessionStorage.setItem(OAUTH_RETURN_KEY, location.href);
        this.navigate(start.url);
      }
    } catch (error) {
      popup?.close();
      this.actionError = this.reportError(error, 'beginAuthorization');
    } finally {
      this.busy = '';
    }
  }

  /** Leaves the page for the provider (the popup was blocked). A seam for tests, which must not leave. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  private async accountEmail(): Promise<string | undefined> {
    try {
      return (await this.activeBackend?.getAccount())?.settings?.email || undefined;
    } catch {
      return undefined;
    }
  }

  private watchPopup(popup: Window): void {
    this.stopWatchingPopup();
    this.popup = popup;
    this.waiting = true;
    // Closed without a message (the user gave up, or the page could not tell us): look at the status anyway.
    this.popupTimer = setInterval(() => {
      if (!popup.closed) return;
      this.stopWatchingPopup();
      void this.reloadStatus();
    }, 500);
  }

  private stopWatchingPopup(): void {
    if (this.popupTimer !== undefined) clearInterval(this.popupTimer);
    this.popupTimer = undefined;
    this.popup = null;
    this.waiting = false;
  }

  private async reloadStatus(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || !this.endpoint) return;
    this.busy = 'status';
    try {
      this.setStatus(await backend.getAuthorizationStatus({ endpointId: this.endpoint.id }));
    } catch (error) {
      this.actionError = this.reportError(error, 'getAuthorizationStatus');
    } finally {
      this.busy = '';
    }
  }

  private setStatus(status: AuthorizationStatus): void {
    const before = this.status;
    this.status = status;
    if (JSON.stringify(before) !== JSON.stringify(status)) this.emit('mail-authorization-change', { status });
  }

  private async revoke(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || !this.endpoint || this.busy) return;
    this.busy = 'revoke';
    this.actionError = null;
    try {
      this.setStatus(await backend.revokeAuthorization({ endpointId: this.endpoint.id }));
      this.confirmRevoke = false;
    } catch (error) {
      this.actionError = this.reportError(error, 'revokeAuthorization');
    } finally {
      this.busy = '';
    }
  }

  private async copy(what: 'redirect' | 'scopes', text: string): Promise<void> {
    const ok = await copyText(text);
    this.copied = ok ? what : `${what}-failed`;
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const t = this.localize;
    const parsed = parseGoogleClientFile(await file.text());
    if (!parsed.ok) {
      this.importNotice = { kind: 'failed', text: t.term(`settings.import.${parsed.reason}`, file.name) };
      return;
    }
    this.draft = {
      ...this.draft,
      clientId: parsed.clientId,
      name: this.draft.name.trim() ? this.draft.name : (parsed.projectId ?? this.draft.name),
    };
    this.secret = parsed.clientSecret;
    this.form.touch('clientId', 'clientSecret');
    this.form.edited('clientId', 'clientSecret');
    const redirect = this.redirectUrl;
    const listed = parsed.redirectUris.some((uri) => uri.replace(/\/+$/, '') === redirect.replace(/\/+$/, ''));
    this.importNotice = listed
      ? { kind: 'ok', text: t.term('settings.import.done', file.name) }
      : {
          kind: 'warning',
          text: `${t.term('settings.import.done', file.name)} ${t.term('settings.import.redirect-missing', redirect)}`,
          ...(parsed.redirectUris.length ? { detail: parsed.redirectUris.join('\n') } : {}),
        };
    this.changed();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rendering

  protected override render() {
    return this.loader.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.loader.value ? this.renderForm() : this.renderSkeleton()),
      complete: () => this.renderForm(),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="form" role="status" aria-busy="true" aria-label=${this.localize.term('state.loading')}>
      ${[40, 100, 100, 100].map((width) => html`<div class="skeleton" style="width:${width}%"></div>`)}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const errors = this.form.visibleErrors();
    const microsoft = this.provider === 'microsoft';
    return html`<form part="form" novalidate aria-labelledby="endpoint-title" @submit=${this.onSubmit}>
      <div class="heading">
        <h2 id="endpoint-title">${t.term(`settings.endpoint.title-${this.provider}`)}</h2>
        <p class="hint">${t.term(`settings.endpoint.intro-${this.provider}`)}</p>
      </div>
      ${this.renderRedirect()} ${this.renderScopes()} ${this.renderChecklist()}
      <fieldset part="section app">
        <legend>${t.term('settings.endpoint.app-legend')}</legend>
        ${microsoft ? nothing : this.renderImport()}
        <div class="grid">
          ${textField({
            key: 'name',
            label: t.term('settings.endpoint.name'),
            value: this.draft.name,
            placeholder: this.defaultName(),
            hint: t.term('settings.endpoint.name-hint'),
            error: errors.name,
            onInput: (value) => this.set('name', value),
            onBlur: () => this.form.touch('name'),
            onChange: () => this.changed(),
          })}
          ${textField({
            key: 'clientId',
            label: t.term(microsoft ? 'settings.endpoint.client-id-microsoft' : 'settings.endpoint.client-id-google'),
            value: this.draft.clientId,
            required: true,
            spellcheck: false,
            placeholder: microsoft ? '00000000-0000-…' : '….apps.googleusercontent.com',
            error: errors.clientId,
            onInput: (value) => this.set('clientId', value),
            onBlur: () => this.form.touch('clientId'),
            onChange: () => this.changed(),
          })}
          ${
            microsoft
              ? textField({
                  key: 'tenantId',
                  label: t.term('settings.endpoint.tenant-id'),
                  value: this.draft.tenantId,
                  required: true,
                  spellcheck: false,
                  placeholder: 'organizations',
                  hint: t.term('settings.endpoint.tenant-hint'),
                  error: errors.tenantId,
                  onInput: (value) => this.set('tenantId', value),
                  onBlur: () => this.form.touch('tenantId'),
                  onChange: () => this.changed(),
                })
              : nothing
          }
          ${this.renderSecret(errors.clientSecret)}
        </div>
      </fieldset>
      ${this.form.renderFormError()}
      <div part="actions">
        <span class="spacer"></span>
        <span part="save-status" class="save-status" role="status"
          >${this.dirty ? t.term('settings.form.unsaved') : this.form.statusText}</span
        >
        ${
          this.dirty
            ? html`<button class="button" part="reset-button" type="button" @click=${this.reset}>
                ${t.term('settings.form.discard')}
              </button>`
            : nothing
        }
        <button class="button primary" part="save-button" type="submit" ?disabled=${this.saving}>
          ${this.saving ? t.term('settings.form.saving') : t.term('settings.form.save')}
        </button>
      </div>
      ${this.renderStatus()}
    </form>`;
  }

  private renderSecret(error: string | undefined): TemplateResult {
    const t = this.localize;
    const stored = this.endpoint?.clientSecretSet ?? false;
    if (stored && this.secret === null)
      return storedSecretField({
        field: 'clientSecret',
        name: 'secret',
        label: t.term('settings.endpoint.secret'),
        state: t.term('settings.endpoint.secret-set'),
        change: t.term('settings.endpoint.secret-change'),
        hint: t.term('settings.endpoint.secret-write-only'),
        onChange: () => this.startSecretChange(),
      });
    return textField({
      key: 'clientSecret',
      label: stored ? t.term('settings.endpoint.secret-new') : t.term('settings.endpoint.secret'),
      value: this.secret ?? '',
      type: 'password',
      autocomplete: 'new-password',
      required: !stored,
      spellcheck: false,
      hint: t.term(`settings.endpoint.secret-hint-${this.provider}`),
      error,
      after: stored
        ? html`<button class="button" part="keep-secret-button" type="button" @click=${this.keepSecret}>
            ${t.term('settings.endpoint.secret-keep')}
          </button>`
        : nothing,
      onInput: (value) => {
        this.secret = value;
        this.form.edited('clientSecret');
      },
      onBlur: () => this.form.touch('clientSecret'),
      onChange: () => this.changed(),
    });
  }

  private async startSecretChange(): Promise<void> {
    this.secret = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId('clientSecret')}`)?.focus();
  }

  private async keepSecret(): Promise<void> {
    this.secret = null;
    this.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="change-secret-button"]')?.focus();
  }

  private renderImport(): TemplateResult {
    const t = this.localize;
    const notice = this.importNotice;
    return html`<div class="import">
      <label class="button" part="import-button">
        ${icon(uploadIcon, 16)} ${t.term('settings.import.button')}
        <input
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-hint"
          @change=${this.importFile}
        />
      </label>
      <p class="hint" id="import-hint">${t.term('settings.import.hint')}</p>
      ${
        notice
          ? html`<div
              class="note ${notice.kind}"
              part="import-result"
              role=${notice.kind === 'ok' ? 'status' : 'alert'}
            >
              ${icon(notice.kind === 'ok' ? checkIcon : notice.kind === 'warning' ? warningIcon : errorIcon, 16)}
              <div>
                <p>${notice.text}</p>
                ${notice.detail ? html`<pre>${notice.detail}</pre>` : nothing}
              </div>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderRedirect(): TemplateResult {
    const t = this.localize;
    const url = this.redirectUrl;
    return html`<section part="section redirect">
      ${textField({
        key: 'redirectUrl',
        label: t.term('settings.endpoint.redirect-url'),
        value: url,
        readonly: true,
        spellcheck: false,
        hint: t.term(`settings.endpoint.redirect-hint-${this.provider}`),
        after: html`<button
          class="button"
          part="copy-button redirect"
          type="button"
          aria-label=${t.term('settings.copy.redirect')}
          @click=${() => this.copy('redirect', url)}
        >
          ${icon(this.copied === 'redirect' ? checkIcon : copyIcon, 16)}
          <span aria-hidden="true">${t.term('settings.copy.button')}</span>
        </button>`,
      })}
      <span class="visually-hidden" role="status">${this.copiedText('redirect')}</span>
      ${
        isInsecureUrl(url)
          ? html`<p class="note warning" part="warning https">
              ${icon(warningIcon, 16)}<span>${t.term('settings.https-warning')}</span>
            </p>`
          : nothing
      }
    </section>`;
  }

  private copiedText(what: 'redirect' | 'scopes'): string {
    if (this.copied === what) return this.localize.term('settings.copy.done');
    if (this.copied === `${what}-failed`) return this.localize.term('settings.copy.failed');
    return '';
  }

  private renderScopes(): TemplateResult {
    const t = this.localize;
    const scopes = PORTAL_SCOPES[this.provider];
    const requested = this.endpoint?.scopes ?? [];
    return html`<section part="section scopes" aria-labelledby="scopes-title">
      <div class="section-heading">
        <h3 id="scopes-title">${t.term(`settings.endpoint.scopes-title-${this.provider}`)}</h3>
        <button
          class="button"
          part="copy-button scopes"
          type="button"
          aria-label=${t.term('settings.copy.scopes')}
          @click=${() => this.copy('scopes', scopes.join(this.provider === 'microsoft' ? ' ' : '\n'))}
        >
          ${icon(this.copied === 'scopes' ? checkIcon : copyIcon, 16)}
          <span aria-hidden="true">${t.term('settings.copy.button')}</span>
        </button>
      </div>
      <span class="visually-hidden" role="status">${this.copiedText('scopes')}</span>
      <ul part="scopes">
        ${scopes.map((scope) => html`<li><code>${scope}</code></li>`)}
      </ul>
      ${
        requested.length
          ? html`<p class="hint">
              ${t.term('settings.endpoint.scopes-requested')} <code>${requested.join(' ')}</code>
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderChecklist(): TemplateResult {
    const authorized = this.status?.state === 'authorized';
    return html`<details part="section checklist" class="checklist" ?open=${!authorized}>
      <summary>${this.localize.term('settings.checklist.title')}</summary>
      ${this.help.value ? this.renderChecklistSteps() : this.renderHelpPending()}
    </details>`;
  }

  /** Until the help texts arrive: a loading line, or why they did not with a retry. */
  private renderHelpPending(): TemplateResult {
    if (this.help.error) return renderError(this.localize, this.help.error, () => void this.help.retry());
    return html`<p class="hint" part="checklist-loading" role="status">
      ${this.localize.term('settings.checklist.loading')}
    </p>`;
  }

  private renderChecklistSteps(): TemplateResult {
    const t = this.localize;
    const url = this.redirectUrl;
    const microsoft = this.provider === 'microsoft';
    const steps = microsoft
      ? ([
          t.term('settings.checklist.ms-register'),
          t.term('settings.checklist.ms-redirect', url),
          t.term('settings.checklist.ms-permissions', PORTAL_SCOPES.microsoft.join(', ')),
          t.term('settings.checklist.ms-consent'),
          t.term('settings.checklist.ms-secret'),
          t.term('settings.checklist.ms-ids'),
          t.term('settings.checklist.ms-modern-auth'),
          t.term('settings.checklist.ms-mailbox'),
          t.term('settings.checklist.ms-wait'),
        ] as const)
      : ([
          t.term('settings.checklist.g-project'),
          t.term('settings.checklist.g-gmail-api'),
          t.term('settings.checklist.g-consent'),
          t.term('settings.checklist.g-scopes', PORTAL_SCOPES.google.join(', ')),
          t.term('settings.checklist.g-test-users'),
          t.term('settings.checklist.g-credentials'),
          t.term('settings.checklist.g-redirect', url),
          t.term('settings.checklist.g-download'),
        ] as const);
    const portal = microsoft ? 'https://entra.microsoft.com/' : 'https://console.cloud.google.com/';
    return html`<ol part="checklist">
        ${steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      <p class="links">
        <a href=${portal} target="_blank" rel="noopener noreferrer"
          >${t.term(`settings.checklist.portal-${this.provider}`)} ${icon(externalIcon, 14)}</a
        >
        ${
          microsoft
            ? html`<a href="https://admin.microsoft.com/" target="_blank" rel="noopener noreferrer"
                >${t.term('settings.checklist.portal-m365')} ${icon(externalIcon, 14)}</a
              >`
            : nothing
        }
      </p>
      <p class="note ${microsoft ? '' : 'warning'}" part=${microsoft ? 'note' : 'warning testing'}>
        ${icon(microsoft ? warningIcon : clockIcon, 16)}
        <span>${t.term(microsoft ? 'settings.checklist.ms-security-defaults' : 'settings.checklist.g-testing')}</span>
      </p>`;
  }

  private renderStatus(): TemplateResult {
    const t = this.localize;
    const status = this.status;
    const saved = !!this.endpoint;
    const state = status?.state ?? 'not-authorized';
    const busy = this.busy !== '' || this.waiting;
    const authorizeLabel =
      state === 'not-authorized' ? t.term('settings.status.authorize') : t.term('settings.status.reauthorize');
    return html`<section
      part="section authorization authorization-${state}"
      class="status ${state}"
      aria-labelledby="status-title"
      aria-busy=${busy ? 'true' : 'false'}
    >
      <h3 id="status-title">${t.term('settings.status.title')}</h3>
      <div class="status-body" role="status">${this.renderStatusBody(status, saved)}</div>
      ${this.actionError ? renderError(this.localize, this.actionError) : nothing}
      <div class="status-actions">
        <button
          class="button primary"
          part="authorize-button"
          type="button"
          ?disabled=${busy}
          aria-describedby=${saved ? nothing : 'authorize-hint'}
          @click=${this.authorize}
        >
          ${icon(externalIcon, 16)} ${this.waiting ? t.term('settings.status.waiting') : authorizeLabel}
        </button>
        ${
          saved && state !== 'not-authorized'
            ? this.confirmRevoke
              ? html`<span class="confirm" role="group" aria-labelledby="revoke-question">
                  <span id="revoke-question">${t.term('settings.status.revoke-confirm')}</span>
                  <button
                    class="button danger"
                    part="revoke-button confirm"
                    type="button"
                    ?disabled=${busy}
                    @click=${this.revoke}
                  >
                    ${t.term('settings.status.revoke')}
                  </button>
                  <button
                    class="button"
                    part="cancel-revoke-button"
                    type="button"
                    @click=${() => (this.confirmRevoke = false)}
                  >
                    ${t.term('settings.status.cancel')}
                  </button>
                </span>`
              : html`<button
                  class="button danger"
                  part="revoke-button"
                  type="button"
                  ?disabled=${busy}
                  @click=${() => (this.confirmRevoke = true)}
                >
                  ${t.term('settings.status.revoke')}
                </button>`
            : nothing
        }
      </div>
      ${saved ? nothing : html`<p class="hint" id="authorize-hint">${t.term('settings.status.save-first')}</p>`}
    </section>`;
  }

  private renderStatusBody(status: AuthorizationStatus | null, saved: boolean): TemplateResult {
    const t = this.localize;
    if (this.waiting) return html`<p>${t.term('settings.status.waiting-hint')}</p>`;
    if (!saved || !status || status.state === 'not-authorized')
      return html`<p class="state" data-state="not-authorized">${t.term('settings.status.not-authorized')}</p>`;
    if (status.state === 'authorized')
      return html`<p class="state" data-state="authorized">
          ${icon(checkIcon, 16)}
          ${status.account ? t.term('settings.status.authorized-as', status.account) : t.term('settings.status.authorized')}
        </p>
        ${
          status.expiresAt
            ? html`<p class="hint" part="expiry">
                ${t.term('settings.status.expires', this.localize.dateTime(status.expiresAt))}
              </p>`
            : nothing
        }`;
    if (status.state === 'expired')
      return html`<p class="state" data-state="expired">
        ${icon(clockIcon, 16)} ${t.term('settings.status.expired')}
      </p>`;
    const meaning = oauthErrorMeaning(status.lastErrorCode, status.lastError);
    return html`<div class="note failed" part="last-error" data-meaning=${meaning}>
      ${icon(errorIcon, 16)}
      <div>
        <p class="state" data-state="error">
          <strong>${t.term('settings.status.failed')}</strong>
          ${status.lastErrorCode ? html`<code>${status.lastErrorCode}</code>` : nothing}
        </p>
        ${this.help.value ? html`<p>${t.term(`settings.oauth-error.${meaning}`)}</p>` : nothing}
        ${
          status.lastError
            ? html`<details>
                <summary>${t.term('settings.callback.details')}</summary>
                <p>${status.lastError}</p>
              </details>`
            : nothing
        }
      </div>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-endpoint-saved': CustomEvent<EndpointSavedDetail>;
    'mail-authorization-change': CustomEvent<AuthorizationChangeDetail>;
  }
}
