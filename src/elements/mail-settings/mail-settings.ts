import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  MailError,
  type AccountEndpoint,
  type AccountState,
  type AuthMethod,
  type AuthorizationStatus,
  type ConnectionTarget,
  type ConnectionTestResult,
  type IncomingProtocol,
  type MailServerSettings,
  type Security,
  type ServerPreset,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError, renderPartState } from '../base/error-view.js';
import { fieldId, formStyles, textField, type FieldKind, storedSecretField } from './form.js';
import { SettingsForm, helpLoader, partKit, registerPartStrings } from './settings-form.js';
import { checkIcon, clockIcon, errorIcon, icon, warningIcon } from '../base/icons.js';
import { LazyModule } from '../base/lazy-module.js';
import { settingsStyles } from './mail-settings.styles.js';
import type * as ConnectionTest from './connection-test.js';
import type * as OAuthChoice from './oauth-choice.js';
import '../../i18n/strings/settings.js';

/** Detail of `mail-settings-saved`. */
export interface SettingsSavedDetail {
  /** The account as stored: never the password, only `passwordSet`. */
  settings: MailServerSettings;
}

/** The form's working copy: every input as typed. */
interface Draft {
  preset: ServerPreset;
  protocol: IncomingProtocol;
  incomingHost: string;
  incomingPort: string;
  incomingSecurity: Security;
  outgoingHost: string;
  outgoingPort: string;
  outgoingSecurity: Security;
  email: string;
  userName: string;
  displayName: string;
  auth: AuthMethod;
  oauthEndpointId: string;
}

type Server = 'incoming' | 'outgoing';

/** The port each protocol conventionally uses with each security choice. */
export const CONVENTIONAL_PORTS: Readonly<Record<IncomingProtocol | 'smtp', Readonly<Record<Security, number>>>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  pop3: { tls: 995, starttls: 110, none: 110 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

interface PresetServers {
  imap: string;
  pop3: string;
  smtp: string;
  smtpSecurity: Security;
}

/** Provider presets (hosts from the providers' own documentation). */
export const PRESETS: Readonly<Record<Exclude<ServerPreset, 'custom'>, PresetServers>> = {
  microsoft365: {
    imap: 'outlook.office365.com',
    pop3: 'outlook.office365.com',
    smtp: 'smtp.office365.com',
    smtpSecurity: 'starttls',
  },
  outlook: {
    imap: 'outlook.office365.com',
    pop3: 'outlook.office365.com',
    smtp: 'smtp-mail.outlook.com',
    smtpSecurity: 'starttls',
  },
  gmail: { imap: 'imap.gmail.com', pop3: 'pop.gmail.com', smtp: 'smtp.gmail.com', smtpSecurity: 'tls' },
};

const PRESET_ORDER: readonly ServerPreset[] = ['microsoft365', 'outlook', 'gmail', 'custom'];
const SECURITIES: readonly Security[] = ['tls', 'starttls', 'none'];

const FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  'incoming.host': 'host',
  'incoming.port': 'port',
  'outgoing.host': 'host',
  'outgoing.port': 'port',
  email: 'email',
  userName: 'text',
  displayName: 'text',
  password: 'secret',
  oauthEndpointId: 'choice',
};

const EMPTY_DRAFT: Draft = {
  preset: 'custom',
  protocol: 'imap',
  incomingHost: '',
  incomingPort: '993',
  incomingSecurity: 'tls',
  outgoingHost: '',
  outgoingPort: '587',
  outgoingSecurity: 'starttls',
  email: '',
  userName: '',
  displayName: '',
  auth: 'password',
  oauthEndpointId: '',
};

function draftFrom(settings: MailServerSettings | null): Draft {
  if (!settings) return { ...EMPTY_DRAFT };
  return {
    preset: settings.preset,
    protocol: settings.incoming.protocol,
    incomingHost: settings.incoming.host,
    incomingPort: String(settings.incoming.port),
    incomingSecurity: settings.incoming.security,
    outgoingHost: settings.outgoing.host,
    outgoingPort: String(settings.outgoing.port),
    outgoingSecurity: settings.outgoing.security,
    email: settings.email,
    userName: settings.userName,
    displayName: settings.displayName,
    auth: settings.auth,
    oauthEndpointId: settings.oauthEndpointId ?? '',
  };
}

/** A port as typed: a whole number, or NaN so that the schema names the problem. */
const portValue = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

function sameDraft(a: Draft, b: Draft): boolean {
  return (Object.keys(a) as (keyof Draft)[]).every((key) => a[key] === b[key]);
}

interface Loaded {
  account: AccountState;
  endpoints: AccountEndpoint[];
}

/**
 * @tagname mail-settings
 * @summary The mail server account: provider presets, incoming (IMAP or POP3) and outgoing (SMTP) servers with their
 * security, the account's identity, and how it signs in (a write-only password, or an authorized OAuth app). Checks
 * every field, tests the incoming and outgoing connections separately, and warns before leaving with unsaved changes.
 *
 * @event change - A field was changed by the user.
 * @event mail-settings-saved - The account was saved. `detail.settings` is the stored account (no password).
 * @event mail-error - Loading, saving or testing failed.
 *
 * @csspart form - The form.
 * @csspart section - Each group of fields (`section presets`, `section incoming`, ...).
 * @csspart field - A field: its label, input, hint and message.
 * @csspart label - A field's label.
 * @csspart input - A text input or select.
 * @csspart hint - A field's help text.
 * @csspart field-error - The message next to a field.
 * @csspart preset - A preset choice.
 * @csspart protocol - A choice of incoming protocol (IMAP or POP3).
 * @csspart auth-method - A choice of sign-in method (password or OAuth app).
 * @csspart no-endpoints - The note shown when no OAuth app is registered yet.
 * @csspart password-set - The "password saved" line shown instead of the password.
 * @csspart change-password-button - Replaces the saved password.
 * @csspart keep-password-button - Keeps the saved password after "Change password".
 * @csspart test-button - "Test connection".
 * @csspart test-result - The result of one connection test (`test-result ok` or `test-result failed`).
 * @csspart loading - Stands in for a part of the form that loads on first use (the OAuth app choice, the test
 * results) while it loads.
 * @csspart save-button - Saves the account.
 * @csspart reset-button - Discards unsaved changes.
 * @csspart actions - The button bar.
 * @csspart status - The save status line.
 * @csspart form-error - A problem with the form as a whole.
 * @csspart error - The loading error region.
 * @csspart error-message - The text of the error region.
 * @csspart retry-button - The error's retry button.
 */
export class MailSettings extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, formStyles, settingsStyles];

  @state() private draft: Draft = { ...EMPTY_DRAFT };
  @state() private saved: Draft = { ...EMPTY_DRAFT };
  /** A new password being typed; `null` keeps the stored one (never read from the backend). */
  @state() private password: string | null = null;
  @state() private passwordSet = false;
  @state() private saving = false;
  @state() private testing = false;
  @state() private results: Partial<Record<ConnectionTarget, ConnectionTestResult | MailError>> = {};
  @state() private revision = 0;
  /** The OAuth apps to choose from, kept current as apps are saved on the same page. */
  @state() private endpoints: AccountEndpoint[] = [];
  @state() private authorizationRevision = 0;

  private readonly form = new SettingsForm(this, {
    localize: this.localize,
    kinds: FIELD_KINDS,
    input: () => ({ form: 'account', value: this.input() }),
    rules: () => this.rules(),
    listen: [
      [
        document,
        'mail-endpoint-saved',
        (event) => this.onEndpointSaved(event as CustomEvent<{ endpoint: AccountEndpoint }>),
      ],
      [document, 'mail-authorization-change', () => this.authorizationRevision++],
    ],
  });

  /** What a failed connection test means: help texts loaded when a test first runs. */
  private readonly help = new LazyModule(this, helpLoader(this.localize));

  /** Imports the parts of the form that load on first use, with their strings; replaceable, for tests that make one fail. */
  private readonly imports = {
    testView: (): Promise<typeof ConnectionTest> => import('./connection-test.js').then(registerPartStrings),
    oauthView: (): Promise<typeof OAuthChoice> => import('./oauth-choice.js').then(registerPartStrings),
  };

  /** A part that failed to load is reported (`mail-error`) once per attempt; its place in the form says so. */
  private readonly partOptions = { onError: (error: MailError) => void this.reportError(error, 'loadPart') };

  /** The test results panel: loaded when a test first runs, or when the Test button is pointed at. */
  private readonly testView = new LazyModule(this, () => this.imports.testView(), this.partOptions);

  /** The OAuth app choice: loaded when the account signs in with an OAuth app. */
  private readonly oauthView = new LazyModule(this, () => this.imports.oauthView(), this.partOptions);

  private readonly loader = new Task(this, {
    task: async ([backend], { signal }): Promise<Loaded> => {
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const [account, endpoints] = await Promise.all([
          backend.getAccount({}, { signal }),
          backend.listEndpoints({}, { signal }).then(
            (list) => list.items,
            (error: unknown) => {
              // An account form still works without OAuth apps (a backend without OAuth, or no permission).
              const mailError = MailError.from(error);
              if (mailError.code === 'aborted') throw mailError;
              return [];
            },
          ),
        ]);
        return { account, endpoints };
      } catch (error) {
        throw this.reportError(error, 'getAccount');
      }
    },
    args: () => [this.activeBackend, this.revision] as const,
    onComplete: (loaded) => {
      this.endpoints = loaded.endpoints;
      this.adopt(loaded.account.settings);
    },
  });

  private readonly authorization = new Task(this, {
    task: async ([backend, auth, endpointId], { signal }): Promise<AuthorizationStatus | null> => {
      if (!backend || auth !== 'oauth' || !endpointId) return null;
      try {
        return await backend.getAuthorizationStatus({ endpointId }, { signal });
      } catch {
        return null;
      }
    },
    args: () => [this.activeBackend, this.draft.auth, this.draft.oauthEndpointId, this.authorizationRevision] as const,
  });

  /** True while the form holds changes that are not saved. */
  get dirty(): boolean {
    return !sameDraft(this.draft, this.saved) || (this.password !== null && this.password !== '');
  }

  /** Loads the account again, discarding unsaved changes. */
  refresh(): void {
    this.revision++;
  }

  /**
   * Also waits for the form's checks while they load, so that their messages are in place; not for the other parts
   * that load on first use (help texts, test results, OAuth app choice), which show their own loading state.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.form.checks.settled;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Once: after a failure, `request` waits for the retry button.
    if (this.draft.auth === 'oauth') void this.oauthView.request();
  }

  private readonly preloadTestView = (): void => {
    void this.testView.request();
  };

  /** An `<mail-account-endpoint>` on the page saved an app: offer it without reloading (and losing) the form. */
  private onEndpointSaved(event: CustomEvent<{ endpoint: AccountEndpoint }>): void {
    const saved = event.detail.endpoint;
    const others = this.endpoints.filter((endpoint) => endpoint.id !== saved.id);
    this.endpoints = [...others, saved];
  }

  private adopt(settings: MailServerSettings | null): void {
    const draft = draftFrom(settings);
    this.draft = draft;
    this.saved = draft;
    this.password = null;
    this.passwordSet = settings?.passwordSet ?? false;
    this.form.clear();
    this.results = {};
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Model

  private input(): unknown {
    const d = this.draft;
    return {
      preset: d.preset,
      incoming: {
        protocol: d.protocol,
        host: d.incomingHost.trim(),
        port: portValue(d.incomingPort),
        security: d.incomingSecurity,
      },
      outgoing: { host: d.outgoingHost.trim(), port: portValue(d.outgoingPort), security: d.outgoingSecurity },
      userName: d.userName.trim(),
      email: d.email.trim(),
      displayName: d.displayName.trim(),
      auth: d.auth,
      oauthEndpointId: d.auth === 'oauth' && d.oauthEndpointId ? d.oauthEndpointId : null,
      ...(d.auth === 'password' && this.password ? { password: this.password } : {}),
    };
  }

  /** The problems the schema does not see: an empty port, a missing password or OAuth app. */
  private rules(): Record<string, string> {
    const t = this.localize;
    const d = this.draft;
    const errors: Record<string, string> = {};
    if (d.incomingPort.trim() === '') errors['incoming.port'] = t.term('settings.invalid.required');
    if (d.outgoingPort.trim() === '') errors['outgoing.port'] = t.term('settings.invalid.required');
    if (d.auth === 'password' && !this.passwordSet && !this.password)
      errors.password = t.term('settings.invalid.password');
    if (d.auth === 'oauth' && !d.oauthEndpointId) errors.oauthEndpointId = t.term('settings.invalid.endpoint');
    return errors;
  }

  private patch(patch: Partial<Draft>, keys: readonly string[] = []): void {
    this.draft = { ...this.draft, ...patch };
    this.form.edited(...keys);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Fills hosts, ports and security from a preset; `custom` keeps what is there. */
  private applyPreset(preset: ServerPreset): void {
    if (preset === 'custom') {
      this.patch({ preset });
    } else {
      const servers = PRESETS[preset];
      const protocol = this.draft.protocol;
      this.patch(
        {
          preset,
          incomingHost: servers[protocol],
          incomingSecurity: 'tls',
          incomingPort: String(CONVENTIONAL_PORTS[protocol].tls),
          outgoingHost: servers.smtp,
          outgoingSecurity: servers.smtpSecurity,
          outgoingPort: String(CONVENTIONAL_PORTS.smtp[servers.smtpSecurity]),
        },
        ['incoming.host', 'incoming.port', 'outgoing.host', 'outgoing.port'],
      );
    }
    this.changed();
  }

  /** The port is still one the form chose (or empty), so a new security or protocol may replace it. */
  private isConventionalPort(port: string, protocols: readonly (IncomingProtocol | 'smtp')[]): boolean {
    if (port.trim() === '') return true;
    return protocols.some((protocol) => Object.values(CONVENTIONAL_PORTS[protocol]).includes(Number(port)));
  }

  private setSecurity(server: Server, security: Security): void {
    const protocol = server === 'incoming' ? this.draft.protocol : 'smtp';
    const portKey = server === 'incoming' ? 'incomingPort' : 'outgoingPort';
    const patch: Partial<Draft> =
      server === 'incoming' ? { incomingSecurity: security } : { outgoingSecurity: security };
    if (this.isConventionalPort(this.draft[portKey], [protocol]))
      patch[portKey] = String(CONVENTIONAL_PORTS[protocol][security]);
    this.patch(patch, [`${server}.port`]);
    this.changed();
  }

  private setProtocol(protocol: IncomingProtocol): void {
    const patch: Partial<Draft> = { protocol };
    if (this.isConventionalPort(this.draft.incomingPort, ['imap', 'pop3']))
      patch.incomingPort = String(CONVENTIONAL_PORTS[protocol][this.draft.incomingSecurity]);
    if (this.draft.preset !== 'custom') patch.incomingHost = PRESETS[this.draft.preset][protocol];
    this.patch(patch, ['incoming.port', 'incoming.host']);
    this.changed();
  }

  private setHost(server: Server, host: string): void {
    const patch: Partial<Draft> = server === 'incoming' ? { incomingHost: host } : { outgoingHost: host };
    // A host the preset does not use makes the account a custom one.
    if (this.draft.preset !== 'custom') {
      const preset = PRESETS[this.draft.preset];
      const expected = server === 'incoming' ? preset[this.draft.protocol] : preset.smtp;
      if (host.trim().toLowerCase() !== expected) patch.preset = 'custom';
    }
    this.patch(patch, [`${server}.host`]);
  }

  private setEmail(email: string): void {
    const d = this.draft;
    // The user name is usually the address: follow it while the user has not typed another one.
    const follows = d.userName === '' || d.userName === d.email;
    this.patch({ email, ...(follows ? { userName: email } : {}) }, follows ? ['email', 'userName'] : ['email']);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Actions

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    this.form.statusText = '';
    const checks = await this.form.validate();
    const backend = this.activeBackend;
    if (!checks || !backend || this.saving) return;
    this.saving = true;
    try {
      const state = await backend.saveAccount(checks.parse('account', this.input()));
      this.adopt(state.settings);
      this.form.statusText = this.localize.term('settings.form.saved');
      if (state.settings) this.emit('mail-settings-saved', { settings: state.settings });
    } catch (error) {
      await this.form.showSaveError(this.reportError(error, 'saveAccount'));
    } finally {
      this.saving = false;
    }
  }

  private reset(): void {
    this.draft = { ...this.saved };
    this.password = null;
    this.form.clear();
    this.form.statusText = '';
    this.changed();
  }

  private async test(): Promise<void> {
    const checks = await this.form.validate();
    const backend = this.activeBackend;
    if (!checks || !backend || this.testing) return;
    this.testing = true;
    this.results = {};
    const settings = checks.parse('account', this.input());
    // Testing again is also the way to retry a results panel that could not be loaded.
    void this.testView.retry();
    const help = this.help.request();
    const run = async (target: ConnectionTarget) => {
      try {
        const result = await backend.testConnection({ target, settings });
        await help;
        this.results = { ...this.results, [target]: result };
      } catch (error) {
        this.results = { ...this.results, [target]: this.reportError(error, 'testConnection') };
      }
    };
    await Promise.all([run('incoming'), run('outgoing')]);
    this.testing = false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rendering

  protected override render() {
    return this.loader.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.loader.value ? this.renderForm(this.loader.value) : this.renderSkeleton()),
      complete: (loaded) => this.renderForm(loaded),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="form" role="status" aria-busy="true" aria-label=${this.localize.term('state.loading')}>
      ${[40, 100, 100, 100].map((width) => html`<div class="skeleton" style="width:${width}%"></div>`)}
    </div>`;
  }

  private renderForm(loaded: Loaded): TemplateResult {
    const t = this.localize;
    const errors = this.form.visibleErrors();
    const configured = loaded.account.configured;
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.save}>
      <div class="heading">
        <h2 id="title">${t.term('settings.account.title')}</h2>
        <p class="hint">${configured ? t.term('settings.account.configured') : t.term('settings.account.new')}</p>
      </div>
      ${this.renderPresets()} ${this.renderIdentity(errors)} ${this.renderServer('incoming', errors)}
      ${this.renderServer('outgoing', errors)} ${this.renderAuth(this.endpoints, errors)} ${this.renderResults()}
      ${this.form.renderFormError()}
      <div part="actions">
        <button
          class="button"
          part="test-button"
          type="button"
          ?disabled=${this.testing}
          @click=${this.test}
          @pointerenter=${this.preloadTestView}
          @focus=${this.preloadTestView}
        >
          ${this.testing ? t.term('settings.test.running') : t.term('settings.test.button')}
        </button>
        <span class="spacer"></span>
        <span part="status" role="status">${this.dirty ? t.term('settings.form.unsaved') : this.form.statusText}</span>
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
    </form>`;
  }

  private renderPresets(): TemplateResult {
    const t = this.localize;
    const preset = this.draft.preset;
    const note =
      preset === 'microsoft365' || preset === 'outlook'
        ? t.term('settings.preset.microsoft-note')
        : preset === 'gmail'
          ? t.term('settings.preset.gmail-note')
          : '';
    return html`<fieldset part="section presets">
      <legend>${t.term('settings.preset.legend')}</legend>
      <div class="choices">
        ${PRESET_ORDER.map(
          (value) =>
            html`<label class="choice" part="preset">
              <input
                type="radio"
                name="preset"
                value=${value}
                .checked=${preset === value}
                @change=${() => this.applyPreset(value)}
              />
              ${t.term(`settings.preset.${value}`)}
            </label>`,
        )}
      </div>
      ${note ? html`<p class="hint" id="preset-note">${note}</p>` : nothing}
    </fieldset>`;
  }

  private renderIdentity(errors: Record<string, string>): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    return html`<fieldset part="section identity">
      <legend>${t.term('settings.identity.legend')}</legend>
      <div class="grid">
        ${textField({
          key: 'email',
          label: t.term('settings.field.email'),
          value: d.email,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          required: true,
          spellcheck: false,
          error: errors.email,
          onInput: (value) => this.setEmail(value),
          onBlur: () => this.form.touch('email'),
          onChange: () => this.changed(),
        })}
        ${textField({
          key: 'displayName',
          label: t.term('settings.field.display-name'),
          value: d.displayName,
          autocomplete: 'name',
          hint: t.term('settings.hint.display-name'),
          error: errors.displayName,
          onInput: (value) => this.patch({ displayName: value }, ['displayName']),
          onBlur: () => this.form.touch('displayName'),
          onChange: () => this.changed(),
        })}
        ${textField({
          key: 'userName',
          label: t.term('settings.field.user-name'),
          value: d.userName,
          autocomplete: 'username',
          required: true,
          spellcheck: false,
          hint: t.term('settings.hint.user-name'),
          error: errors.userName,
          onInput: (value) => this.patch({ userName: value }, ['userName']),
          onBlur: () => this.form.touch('userName'),
          onChange: () => this.changed(),
        })}
      </div>
    </fieldset>`;
  }

  private renderServer(server: Server, errors: Record<string, string>): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    const incoming = server === 'incoming';
    const host = incoming ? d.incomingHost : d.outgoingHost;
    const port = incoming ? d.incomingPort : d.outgoingPort;
    const security = incoming ? d.incomingSecurity : d.outgoingSecurity;
    const protocol = incoming ? d.protocol : 'smtp';
    const securityId = `${server}-security`;
    return html`<fieldset part="section ${server}">
      <legend>${t.term(incoming ? 'settings.incoming.legend' : 'settings.outgoing.legend')}</legend>
      ${
        incoming
          ? html`<div class="choices" role="radiogroup" aria-label=${t.term('settings.field.protocol')}>
              ${(['imap', 'pop3'] as const).map(
                (value) =>
                  html`<label class="choice" part="protocol">
                    <input
                      type="radio"
                      name="protocol"
                      value=${value}
                      .checked=${d.protocol === value}
                      @change=${() => this.setProtocol(value)}
                    />
                    ${t.term(`settings.protocol.${value}`)}
                  </label>`,
              )}
            </div>`
          : nothing
      }
      <div class="grid server">
        ${textField({
          key: `${server}.host`,
          label: t.term('settings.field.host'),
          value: host,
          required: true,
          spellcheck: false,
          inputmode: 'url',
          placeholder: incoming ? (d.protocol === 'imap' ? 'imap.example.com' : 'pop.example.com') : 'smtp.example.com',
          error: errors[`${server}.host`],
          onInput: (value) => this.setHost(server, value),
          onBlur: () => this.form.touch(`${server}.host`),
          onChange: () => this.changed(),
        })}
        <div class="field no-message" part="field" data-field="${server}.security">
          <label part="label" for=${securityId}>${t.term('settings.field.security')}</label>
          <div class="control">
            <select
              part="input"
              id=${securityId}
              aria-describedby="${securityId}-hint"
              @change=${(event: Event) =>
                this.setSecurity(server, (event.target as HTMLSelectElement).value as Security)}
            >
              ${SECURITIES.map(
                (value) =>
                  html`<option value=${value} ?selected=${security === value}>
                    ${t.term(`settings.security.${value}`)}
                  </option>`,
              )}
            </select>
          </div>
          <p class="hint" part="hint" id="${securityId}-hint">
            ${t.term(`settings.security.${security}-hint`, CONVENTIONAL_PORTS[protocol][security])}
          </p>
        </div>
        ${textField({
          key: `${server}.port`,
          label: t.term('settings.field.port'),
          value: port,
          inputmode: 'numeric',
          required: true,
          error: errors[`${server}.port`],
          onInput: (value) =>
            this.patch(incoming ? { incomingPort: value } : { outgoingPort: value }, [`${server}.port`]),
          onBlur: () => this.form.touch(`${server}.port`),
          onChange: () => this.changed(),
        })}
      </div>
    </fieldset>`;
  }

  private renderAuth(endpoints: AccountEndpoint[], errors: Record<string, string>): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    return html`<fieldset part="section auth">
      <legend>${t.term('settings.auth.legend')}</legend>
      <div class="choices">
        ${(['password', 'oauth'] as const).map(
          (value) =>
            html`<label class="choice" part="auth-method">
              <input
                type="radio"
                name="auth"
                value=${value}
                .checked=${d.auth === value}
                @change=${() => {
                  this.patch({ auth: value }, ['password', 'oauthEndpointId']);
                  this.changed();
                }}
              />
              ${t.term(`settings.auth.${value}`)}
            </label>`,
        )}
      </div>
      ${d.auth === 'password' ? this.renderPassword(errors) : this.renderEndpointChoice(endpoints, errors)}
    </fieldset>`;
  }

  private renderPassword(errors: Record<string, string>): TemplateResult {
    const t = this.localize;
    if (this.passwordSet && this.password === null) {
      return storedSecretField({
        field: 'password',
        name: 'password',
        label: t.term('settings.field.password'),
        state: t.term('settings.password.set'),
        change: t.term('settings.password.change'),
        hint: t.term('settings.password.write-only'),
        onChange: () => this.startPasswordChange(),
      });
    }
    return html`<div class="grid">
      ${textField({
        key: 'password',
        label: this.passwordSet ? t.term('settings.field.new-password') : t.term('settings.field.password'),
        value: this.password ?? '',
        type: 'password',
        autocomplete: 'new-password',
        required: !this.passwordSet,
        hint: t.term('settings.password.app-password-hint'),
        error: errors.password,
        after: this.passwordSet
          ? html`<button class="button" part="keep-password-button" type="button" @click=${this.keepPassword}>
              ${t.term('settings.password.keep')}
            </button>`
          : nothing,
        onInput: (value) => {
          this.password = value;
          this.form.edited('password');
        },
        onBlur: () => this.form.touch('password'),
        onChange: () => this.changed(),
      })}
    </div>`;
  }

  private async startPasswordChange(): Promise<void> {
    this.password = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId('password')}`)?.focus();
  }

  private async keepPassword(): Promise<void> {
    this.password = null;
    this.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="change-password-button"]')?.focus();
  }

  private renderEndpointChoice(endpoints: AccountEndpoint[], errors: Record<string, string>): TemplateResult {
    const view = this.oauthView;
    if (!view.value) return renderPartState(this.localize, view);
    return view.value.renderOAuthChoice({
      kit: partKit,
      localize: this.localize,
      warningIcon: icon(warningIcon, 16),
      endpoints,
      selected: this.draft.oauthEndpointId,
      error: errors.oauthEndpointId,
      status: this.authorization.value,
      onChange: (endpointId) => {
        this.patch({ oauthEndpointId: endpointId }, ['oauthEndpointId']);
        this.form.touch('oauthEndpointId');
        this.changed();
      },
    });
  }

  private renderResults(): TemplateResult | typeof nothing {
    const d = this.draft;
    if (!this.testing && !this.results.incoming && !this.results.outgoing) return nothing;
    const view = this.testView;
    if (!view.value) return renderPartState(this.localize, view);
    return view.value.renderResults({
      kit: partKit,
      localize: this.localize,
      icons: { pending: icon(clockIcon, 16), ok: icon(checkIcon, 16), failed: icon(errorIcon, 16) },
      results: this.results,
      protocol: d.protocol,
      servers: {
        incoming: { host: d.incomingHost.trim(), port: d.incomingPort.trim() },
        outgoing: { host: d.outgoingHost.trim(), port: d.outgoingPort.trim() },
      },
      explained: this.help.value !== undefined,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-settings-saved': CustomEvent<SettingsSavedDetail>;
  }
}
