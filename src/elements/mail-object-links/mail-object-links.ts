import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { LinkPreview, MailBackend, ObjectLinkConfig } from '../../core/index.js';
import { PUBLIC_MAIL_DOMAINS } from '../../core/constants.js';
import { MailError } from '../../core/mail-error.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import { LazyModule } from '../base/lazy-module.js';
import type * as Checks from './validate.js';
import { alertIcon, closeIcon, icon } from '../base/icons.js';
import { objectLinksStyles } from './mail-object-links.styles.js';
import { isolate, isolateEach } from '../../i18n/bidi.js';
import '../../i18n/strings/links.js';

/** Detail of `mail-links-saved`: the configuration as the backend stored it. */
export interface LinksSavedDetail {
  config: ObjectLinkConfig;
}

/** Detail of `mail-links-deleted`. */
export interface LinksDeletedDetail {
  objectName: string;
}

type Field = 'objectName' | 'primaryKey' | 'emailField' | 'folderPath' | 'ignoredDomains' | 'newDomain';
type FieldErrors = Partial<Record<Field, string>>;

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const OBJECT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LINE_BREAKS = /[\r\n\0]/;
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** A new object's starting point: no fields, public mail domains ignored. */
export function emptyLinkConfig(objectName = ''): ObjectLinkConfig {
  return {
    objectName,
    primaryKey: '',
    emailField: '',
    filterByDomain: false,
    ignoredDomains: [...PUBLIC_MAIL_DOMAINS],
    folderPath: '',
  };
}

/**
 * @tagname mail-object-links
 * @summary The link configuration of one business object (as flexygo's "mail settings" of an object form): object
 * name, primary key, the record field holding the e-mail address, "filter using domain" with the domains to ignore,
 * and the folder where linked mails are saved as `.eml` files. A live preview tells how many records and mails the
 * configuration would match, and which records share an address or a domain.
 *
 * @event change - A field changed. Read `value` for the configuration being edited.
 * @event mail-links-saved - The configuration was saved. `detail.config` is what the backend stored.
 * @event mail-links-deleted - The configuration was deleted. `detail.objectName` says which.
 * @event mail-error - Loading, previewing, saving or deleting failed.
 *
 * @csspart form - The form.
 * @csspart field - Each label + control + message group.
 * @csspart input - Each text input.
 * @csspart field-error - The message under a field that is not valid.
 * @csspart domains - The list of ignored domains; each is a `domain` with a `remove-domain` button.
 * @csspart domain - One ignored domain.
 * @csspart remove-domain - The button removing a domain.
 * @csspart add-domain - The button adding a domain.
 * @csspart reset-domains - Restores the default list of public mail domains.
 * @csspart preview - The live preview region.
 * @csspart shared - The list of addresses or domains that several records share.
 * @csspart actions - The save and delete buttons.
 * @csspart save-button - The save button.
 * @csspart delete-button - The delete button.
 * @csspart status - The "Saved" message.
 * @csspart dialog - The delete confirmation dialog.
 * @csspart error - The error region (loading, saving or deleting).
 * @csspart error-message - The text of the error region.
 */
export class MailObjectLinks extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, ...objectLinksStyles];

  /** The object whose configuration is edited. Empty: a new configuration, whose name is typed in the form. */
  @property({ attribute: 'object-name' })
  objectName = '';

  /** Milliseconds to wait after the last change before asking the backend for a preview. */
  @property({ type: Number, attribute: 'preview-delay' })
  previewDelay = 400;

  @state() private draft: ObjectLinkConfig = emptyLinkConfig();
  @state() private exists = false;
  @state() private errors: FieldErrors = {};
  @state() private newDomain = '';
  @state() private saving = false;
  @state() private deleting = false;
  @state() private actionError: MailError | undefined = undefined;
  @state() private savedAt = 0;
  @state() private previewKey = '';
  @state() private revision = 0;

  @query('dialog') private confirmDialog!: HTMLDialogElement | null;

  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  /** The delay of the preview that waits for the schema check to load; `undefined` while none waits. */
  private previewAfterChecks: number | undefined;
  /**
   * The schema check, with zod: a chunk of its own, requested once the configuration is there. A failed load is
   * reported (`mail-error`) once per attempt, however many edits waited for it.
   */
  private readonly checks = new LazyModule<typeof Checks>(this, () => import('./validate.js'), {
    onError: (error) => void this.reportError(error, 'loadChecks'),
  });

  private readonly loader = new Task(this, {
    task: async ([backend, objectName], { signal }) => {
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const { items } = await backend.listLinkConfigs({}, { signal });
        const found = objectName ? items.find((c) => c.objectName === objectName) : undefined;
        this.exists = !!found;
        this.draft = found ? structuredClone(found) : emptyLinkConfig(objectName);
        this.errors = {};
        this.actionError = undefined;
        this.schedulePreview(0);
        return found ?? null;
      } catch (error) {
        throw this.reportError(error, 'listLinkConfigs');
      }
    },
    args: () => [this.activeBackend, this.objectName, this.revision] as const,
  });

  private readonly preview = new Task(this, {
    task: async ([backend, key], { signal }): Promise<LinkPreview | undefined> => {
      if (!backend || !key) return undefined;
      const config = JSON.parse(key) as ObjectLinkConfig;
      try {
        return await backend.previewLinkConfig(config, { signal });
      } catch (error) {
        throw this.reportError(error, 'previewLinkConfig');
      }
    },
    args: () => [this.activeBackend as MailBackend | undefined, this.previewKey] as const,
  });

  /** The configuration as currently edited (a copy). */
  get value(): ObjectLinkConfig {
    return structuredClone(this.draft);
  }

  /** Loads the stored configuration again, dropping unsaved edits. */
  reload(): void {
    this.revision++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.previewTimer);
  }

  /** Also waits for the schema check while it loads, so that the preview and the field messages are in place. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.checks.settled;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('objectName')) this.savedAt = 0;
  }

  protected override render() {
    return this.loader.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: () => this.renderForm(),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.reload()),
    });
  }

  private renderLoading(): TemplateResult {
    return html`<div class="loading" role="status" aria-busy="true">${this.localize.term('state.loading')}</div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <div class="heading">
        <h2>
          ${this.exists ? isolate(t.term('links.config-title', d.objectName), d.objectName) : t.term('links.config-new')}
        </h2>
        <p class="hint">${t.term('links.config-intro')}</p>
      </div>
      ${this.renderText('objectName', t.term('links.object-name'), t.term('links.object-name-hint'), this.exists || !!this.objectName)}
      ${this.renderText('primaryKey', t.term('links.primary-key'), t.term('links.primary-key-hint'))}
      ${this.renderText('emailField', t.term('links.email-field'), t.term('links.email-field-hint'))}
      <div part="field" class="field check">
        <label>
          <input
            type="checkbox"
            name="filterByDomain"
            .checked=${d.filterByDomain}
            aria-describedby="filterByDomain-hint"
            @change=${(e: Event) => this.update_({ filterByDomain: (e.target as HTMLInputElement).checked })}
          />
          ${t.term('links.filter-by-domain')}
        </label>
        <p class="hint" id="filterByDomain-hint">${t.term('links.filter-by-domain-hint')}</p>
      </div>
      ${this.renderDomains()}
      ${this.renderText('folderPath', t.term('links.folder'), t.term('links.folder-hint'), false, '/srv/mail/customers')}
      ${this.renderPreview()} ${this.actionError ? renderError(t, this.actionError) : nothing}
      ${this.checks.error ? renderError(t, this.checks.error, () => void this.retryChecks()) : nothing}
      <div part="actions" class="actions">
        <button class="button primary" part="save-button" type="submit" ?disabled=${this.saving}>
          ${this.saving ? t.term('links.saving') : t.term('links.save')}
        </button>
        ${
          this.exists
            ? html`<button
                class="button danger"
                part="delete-button"
                type="button"
                ?disabled=${this.deleting}
                @click=${() => this.confirmDialog?.showModal()}
              >
                ${t.term('links.delete')}
              </button>`
            : nothing
        }
        <span part="status" role="status">${this.savedAt ? t.term('links.saved') : nothing}</span>
      </div>
      ${this.renderConfirm()}
    </form>`;
  }

  private renderText(
    field: 'objectName' | 'primaryKey' | 'emailField' | 'folderPath',
    label: string,
    hint: string,
    readonly = false,
    placeholder = '',
  ): TemplateResult {
    const error = this.errors[field];
    const described = `${field}-hint${error ? ` ${field}-error` : ''}`;
    return html`<div part="field" class="field">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        part="input"
        name=${field}
        type="text"
        dir="auto"
        autocomplete="off"
        spellcheck="false"
        placeholder=${placeholder || nothing}
        .value=${this.draft[field]}
        ?readonly=${readonly}
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${(e: Event) => this.update_({ [field]: (e.target as HTMLInputElement).value })}
      />
      <p class="hint" id=${`${field}-hint`}>${hint}</p>
      ${error ? html`<p part="field-error" class="field-error" id=${`${field}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private renderDomains(): TemplateResult {
    const t = this.localize;
    const domains = this.draft.ignoredDomains;
    const error = this.errors.newDomain ?? this.errors.ignoredDomains;
    const isDefault =
      domains.length === PUBLIC_MAIL_DOMAINS.length && PUBLIC_MAIL_DOMAINS.every((p) => domains.includes(p));
    return html`<fieldset part="field" class="field domains-field" ?data-inactive=${!this.draft.filterByDomain}>
      <legend>${t.term('links.ignored-domains')}</legend>
      <p class="hint" id="domains-hint">
        ${t.term('links.ignored-domains-hint')}
        ${this.draft.filterByDomain ? nothing : html`<strong>${t.term('links.ignored-domains-inactive')}</strong>`}
      </p>
      <ul part="domains" aria-label=${t.term('links.ignored-domains')}>
        ${domains.map(
          (domain) =>
            html`<li part="domain">
              <span dir="auto">${domain}</span>
              <button
                type="button"
                part="remove-domain"
                aria-label=${t.term('links.remove-domain', domain)}
                title=${t.term('links.remove-domain', domain)}
                @click=${() => this.removeDomain(domain)}
              >
                ${icon(closeIcon, 12)}
              </button>
            </li>`,
        )}
      </ul>
      <div class="add-domain">
        <label for="newDomain" class="visually-hidden">${t.term('links.add-domain-label')}</label>
        <input
          id="newDomain"
          part="input"
          type="text"
          dir="auto"
          autocomplete="off"
          spellcheck="false"
          placeholder=${t.term('links.add-domain-placeholder')}
          .value=${this.newDomain}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'domains-hint newDomain-error' : 'domains-hint'}
          @input=${(e: Event) => {
            this.newDomain = (e.target as HTMLInputElement).value;
            if (this.errors.newDomain) this.errors = { ...this.errors, newDomain: undefined };
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.addDomain();
            }
          }}
        />
        <button class="button" type="button" part="add-domain" @click=${() => this.addDomain()}>
          ${t.term('links.add-domain')}
        </button>
        ${
          isDefault
            ? nothing
            : html`<button class="button" type="button" part="reset-domains" @click=${() => this.resetDomains()}>
                ${t.term('links.reset-domains')}
              </button>`
        }
      </div>
      ${error ? html`<p part="field-error" class="field-error" id="newDomain-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private renderPreview(): TemplateResult {
    const t = this.localize;
    const checking = !this.checks.value && !this.checks.error;
    const body = !this.previewKey
      ? html`<p class="hint" aria-busy=${checking ? 'true' : 'false'}>
          ${t.term(checking ? 'links.preview-loading' : 'links.preview-incomplete')}
        </p>`
      : this.preview.render({
          initial: () => html`<p class="hint">${t.term('links.preview-loading')}</p>`,
          pending: () => html`<p class="hint" aria-busy="true">${t.term('links.preview-loading')}</p>`,
          complete: (preview) => (preview ? this.renderPreviewResult(preview) : nothing),
          error: (error) =>
            renderError(t, MailError.from(error), () => {
              void this.preview.run();
            }),
        });
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${t.term('links.preview-title')}</h3>
      <div aria-live="polite">${body}</div>
    </section>`;
  }

  private renderSharedMore(count: number): TemplateResult {
    return isolate(this.localize.term('links.shared-more', count), String(count));
  }

  private renderPreviewResult(preview: LinkPreview): TemplateResult {
    const t = this.localize;
    const shared = preview.shared ?? [];
    const shown = shared.slice(0, 5);
    return html`<p class="preview-counts" data-records=${preview.records} data-mails=${preview.mails}>
        ${isolate(
          t.term('links.preview-counts', preview.records, preview.mails),
          String(preview.records),
          String(preview.mails),
        )}
      </p>
      ${
        shared.length
          ? html`<div class="shared">
              <p class="warning">${icon(alertIcon, 14)} ${t.term('links.shared-intro')}</p>
              <ul part="shared">
                ${shown.map(
                  (group) =>
                    html`<li data-on=${group.on}>
                      <strong><bdi>${group.on}</bdi></strong
                      >:
                      ${isolateEach(
                        group.records.map((r) =>
                          r.objectName === this.draft.objectName ? r.title : `${r.title} (${r.objectName})`,
                        ),
                      )}
                    </li>`,
                )}
              </ul>
              ${
                shared.length > shown.length
                  ? html`<p class="hint">${this.renderSharedMore(shared.length - shown.length)}</p>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  private renderConfirm(): TemplateResult {
    const t = this.localize;
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h3 id="confirm-title">${isolate(t.term('links.delete-title', this.draft.objectName), this.draft.objectName)}</h3>
      <p id="confirm-text">${t.term('links.delete-text')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.confirmDialog?.close()}>
          ${t.term('links.cancel')}
        </button>
        <button class="button danger-solid" type="button" part="confirm-delete" @click=${this.onDelete}>
          ${t.term('links.delete-confirm')}
        </button>
      </div>
    </dialog>`;
  }

  // --- editing

  private update_(patch: Partial<ObjectLinkConfig>): void {
    this.draft = { ...this.draft, ...patch };
    const touched = Object.keys(patch) as Field[];
    if (touched.some((field) => this.errors[field])) {
      const next = { ...this.errors };
      for (const field of touched) delete next[field];
      this.errors = next;
    }
    this.savedAt = 0;
    this.schedulePreview(this.previewDelay);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private addDomain(): void {
    const domain = this.newDomain.trim().toLowerCase().replace(/^@/, '');
    if (!domain) return;
    if (!DOMAIN.test(domain) || domain.length > 253) {
      this.errors = { ...this.errors, newDomain: this.localize.term('links.invalid-domain', domain) };
      return;
    }
    this.newDomain = '';
    if (this.draft.ignoredDomains.includes(domain)) return;
    this.update_({ ignoredDomains: [...this.draft.ignoredDomains, domain] });
  }

  private removeDomain(domain: string): void {
    this.update_({ ignoredDomains: this.draft.ignoredDomains.filter((d) => d !== domain) });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#newDomain')?.focus());
  }

  private resetDomains(): void {
    this.update_({ ignoredDomains: [...PUBLIC_MAIL_DOMAINS] });
  }

  /**
   * Localized checks first (they say which rule failed); the schema is the final gate once its chunk is loaded (the
   * server applies it too).
   */
  private validate(config: ObjectLinkConfig): FieldErrors {
    const t = this.localize;
    const errors: FieldErrors = {};
    const required = (field: 'objectName' | 'primaryKey' | 'emailField' | 'folderPath') => {
      const value = config[field];
      if (!value.trim()) errors[field] = t.term('links.required');
      else if (LINE_BREAKS.test(value)) errors[field] = t.term('links.invalid-line');
    };
    required('objectName');
    required('primaryKey');
    required('emailField');
    required('folderPath');
    if (!errors.objectName && !OBJECT_NAME.test(config.objectName))
      errors.objectName = t.term('links.invalid-object-name');
    if (!errors.folderPath && !ABSOLUTE.test(config.folderPath)) errors.folderPath = t.term('links.invalid-absolute');
    else if (!errors.folderPath && config.folderPath.split(/[\\/]/).includes('..'))
      errors.folderPath = t.term('links.invalid-dotdot');
    for (const issue of this.checks.value?.schemaIssues(config) ?? []) {
      const field = issue.field as Field | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return errors;
  }

  private async retryChecks(): Promise<void> {
    if (await this.checks.retry()) this.schedulePreview(0);
  }

  private schedulePreview(delay: number): void {
    clearTimeout(this.previewTimer);
    if (!this.checks.value && !this.checks.error) {
      // The preview waits for the schema check: the server would refuse what it refuses. One follow-up at most,
      // however many edits arrive while it loads; it previews the latest draft with the latest delay.
      this.previewKey = '';
      const waiting = this.previewAfterChecks !== undefined;
      this.previewAfterChecks = delay;
      if (!waiting) void this.checks.request().then(() => this.previewOnceChecked());
      return;
    }
    const config = this.draft;
    const valid = Object.keys(this.validate(config)).length === 0;
    if (!valid) {
      this.previewKey = '';
      return;
    }
    this.previewTimer = setTimeout(() => (this.previewKey = JSON.stringify(config)), delay);
  }

  /** The schema check has loaded, or failed (its error region says so): the waiting preview goes ahead if it can. */
  private previewOnceChecked(): void {
    const delay = this.previewAfterChecks;
    this.previewAfterChecks = undefined;
    if (this.checks.value && delay !== undefined) this.schedulePreview(delay);
  }

  // --- saving and deleting

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.activeBackend;
    // Saving needs the schema check: load it now, again after a failure (which is reported and shown).
    if (!(await this.checks.retry())) return;
    const errors = this.validate(this.draft);
    this.errors = errors;
    this.actionError = undefined;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (!backend) {
      this.actionError = new MailError('unsupported', this.localize.term('error.no-backend'));
      return;
    }
    this.saving = true;
    try {
      const config = await backend.saveLinkConfig(this.draft);
      this.draft = structuredClone(config);
      this.exists = true;
      this.savedAt = Date.now();
      this.emit('mail-links-saved', { config });
    } catch (error) {
      const mailError = this.reportError(error, 'saveLinkConfig');
      const fieldErrors = this.fieldErrorsOf(mailError);
      if (Object.keys(fieldErrors).length) {
        this.errors = fieldErrors;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else this.actionError = mailError;
    } finally {
      this.saving = false;
    }
  }

  /** The server's field issues, placed at their fields. */
  private fieldErrorsOf(error: MailError): FieldErrors {
    const out: FieldErrors = {};
    if (error.code !== 'validation') return out;
    const known: Field[] = ['objectName', 'primaryKey', 'emailField', 'folderPath', 'ignoredDomains'];
    for (const issue of error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (known as string[]).includes(field)) {
        const key = field as Field;
        out[key] ??= issue.message;
      }
    }
    return out;
  }

  private readonly onDelete = async (): Promise<void> => {
    const backend = this.activeBackend;
    this.confirmDialog?.close();
    if (!backend) return;
    this.deleting = true;
    this.actionError = undefined;
    const objectName = this.draft.objectName;
    try {
      await backend.deleteLinkConfig({ objectName });
      this.exists = false;
      this.savedAt = 0;
      this.draft = emptyLinkConfig(this.objectName);
      this.schedulePreview(0);
      this.emit('mail-links-deleted', { objectName });
    } catch (error) {
      this.actionError = this.reportError(error, 'deleteLinkConfig');
    } finally {
      this.deleting = false;
    }
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-links-saved': CustomEvent<LinksSavedDetail>;
    'mail-links-deleted': CustomEvent<LinksDeletedDetail>;
  }
}
