import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MailError, type AppSettings } from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import { icon, warningIcon } from '../base/icons.js';
import { formStyles, textField, type FieldKind } from '../mail-settings/form.js';
import { SettingsForm } from '../mail-settings/settings-form.js';
import { appSettingsStyles } from './mail-app-settings.styles.js';
import '../../i18n/strings/settings.js';
import '../../i18n/strings/settings-apps.js';

/** Detail of `mail-app-settings-saved`. */
export interface AppSettingsSavedDetail {
  settings: AppSettings;
}

/** The redirect URL registered with the providers: the base URL (this page's origin when empty) plus the path. */
export function redirectUrlFor(settings: AppSettings, origin: string = location.origin): string {
  return `${(settings.baseUrl || origin).replace(/\/+$/, '')}${settings.redirectPath}`;
}

/** True for URLs a provider accepts over plain http only for local development, or for no https at all. */
export function isInsecureUrl(url: string): boolean {
  try {
    return new URL(url).protocol !== 'https:';
  } catch {
    return false;
  }
}

const FIELD_KINDS: Readonly<Record<string, FieldKind>> = { baseUrl: 'url', redirectPath: 'path' };

/**
 * @tagname mail-app-settings
 * @summary The application's public base URL (the "application path" setting) and the path of the OAuth redirect
 * page, from which the redirect URL registered with Microsoft and Google is built. An empty base URL means the
 * address of the page the admin is on.
 *
 * @event change - A field was changed by the user.
 * @event mail-app-settings-saved - The settings were saved. `detail.settings` holds them. `<mail-account-endpoint>`
 * elements on the page follow it.
 * @event mail-error - Loading or saving failed.
 *
 * @csspart form - The form.
 * @csspart field - A field: label, input, hint and message.
 * @csspart label - A field's label.
 * @csspart input - An input.
 * @csspart hint - A field's help text.
 * @csspart field-error - The message next to a field.
 * @csspart redirect-url - The resulting redirect URL.
 * @csspart warning - The warning shown when the redirect URL is not https.
 * @csspart save-button - Saves the settings.
 * @csspart reset-button - Discards unsaved changes.
 * @csspart actions - The button bar.
 * @csspart status - The save status line.
 * @csspart form-error - A problem with the form as a whole.
 * @csspart error - The loading error region.
 * @csspart retry-button - The error's retry button.
 * @csspart error-message - The text of the error region.
 */
export class MailAppSettings extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, formStyles, appSettingsStyles];

  @state() private draft: AppSettings = { baseUrl: '', redirectPath: '' };
  @state() private saved: AppSettings = { baseUrl: '', redirectPath: '' };
  @state() private saving = false;
  @state() private revision = 0;

  private readonly form = new SettingsForm(this, {
    localize: this.localize,
    kinds: FIELD_KINDS,
    input: () => ({ form: 'app', value: this.input() }),
  });

  private readonly loader = new Task(this, {
    task: async ([backend], { signal }) => {
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        return await backend.getAppSettings({}, { signal });
      } catch (error) {
        throw this.reportError(error, 'getAppSettings');
      }
    },
    args: () => [this.activeBackend, this.revision] as const,
    onComplete: (settings) => this.adopt(settings),
  });

  /** True while the form holds changes that are not saved. */
  get dirty(): boolean {
    return (
      this.draft.baseUrl.trim() !== this.saved.baseUrl || this.draft.redirectPath.trim() !== this.saved.redirectPath
    );
  }

  /** Loads the settings again, discarding unsaved changes. */
  refresh(): void {
    this.revision++;
  }

  /** Also waits for the form's checks while they load, so that their messages are in place. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.form.checks.settled;
    return super.getUpdateComplete();
  }

  private adopt(settings: AppSettings): void {
    this.draft = { ...settings };
    this.saved = { ...settings };
    this.form.clear();
  }

  private input(): AppSettings {
    return { baseUrl: this.draft.baseUrl.trim().replace(/\/+$/, ''), redirectPath: this.draft.redirectPath.trim() };
  }

  private set(key: keyof AppSettings, value: string): void {
    this.draft = { ...this.draft, [key]: value };
    this.form.edited(key);
  }

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    this.form.statusText = '';
    const checks = await this.form.validate();
    const backend = this.activeBackend;
    if (!checks || !backend || this.saving) return;
    this.saving = true;
    try {
      const settings = await backend.saveAppSettings(checks.parse('app', this.input()));
      this.adopt(settings);
      this.form.statusText = this.localize.term('settings.form.saved');
      this.emit('mail-app-settings-saved', { settings });
    } catch (error) {
      await this.form.showSaveError(this.reportError(error, 'saveAppSettings'));
    } finally {
      this.saving = false;
    }
  }

  private reset(): void {
    this.adopt(this.saved);
    this.form.statusText = '';
    this.changed();
  }

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
      ${[40, 100, 100].map((width) => html`<div class="skeleton" style="width:${width}%"></div>`)}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const errors = this.form.visibleErrors();
    const input = this.input();
    // Until the checks are loaded the fields hold what was stored, which the server checked.
    const valid = !Object.keys(this.form.allErrors()).length;
    const redirect = valid ? redirectUrlFor(input) : '';
    return html`<form part="form" novalidate aria-labelledby="app-title" @submit=${this.save}>
      <div class="heading">
        <h2 id="app-title">${t.term('settings.app.title')}</h2>
        <p class="hint">${t.term('settings.app.intro')}</p>
      </div>
      <div class="fields">
        ${textField({
          key: 'baseUrl',
          label: t.term('settings.app.base-url'),
          value: this.draft.baseUrl,
          type: 'url',
          inputmode: 'url',
          spellcheck: false,
          placeholder: location.origin,
          hint: t.term('settings.app.base-url-hint', location.origin),
          error: errors.baseUrl,
          onInput: (value) => this.set('baseUrl', value),
          onBlur: () => this.form.touch('baseUrl'),
          onChange: () => this.changed(),
        })}
        ${textField({
          key: 'redirectPath',
          label: t.term('settings.app.redirect-path'),
          value: this.draft.redirectPath,
          required: true,
          spellcheck: false,
          hint: t.term('settings.app.redirect-path-hint'),
          error: errors.redirectPath,
          onInput: (value) => this.set('redirectPath', value),
          onBlur: () => this.form.touch('redirectPath'),
          onChange: () => this.changed(),
        })}
      </div>
      ${
        redirect
          ? html`<dl class="redirect">
              <dt class="label">${t.term('settings.app.redirect-url')}</dt>
              <dd><code part="redirect-url">${redirect}</code></dd>
            </dl>`
          : nothing
      }
      ${
        redirect && isInsecureUrl(redirect)
          ? html`<p class="note warning" part="warning">
              ${icon(warningIcon, 16)}<span>${t.term('settings.https-warning')}</span>
            </p>`
          : nothing
      }
      ${this.form.renderFormError()}
      <div part="actions">
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
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-app-settings-saved': CustomEvent<AppSettingsSavedDetail>;
  }
}
