import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MailBackend, MailError, ModuleStatus } from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { icon, mailIcon } from '../base/icons.js';
import { toolbarButtonStyles } from './mail-toolbar-button.styles.js';
import '../../i18n/strings/toolbar.js';

/** Detail of `mail-open-inbox`. */
export interface OpenInboxDetail {
  unread: number;
}

/** Detail of `mail-module-change`. */
export interface ModuleChangeDetail {
  status: ModuleStatus;
}

/** What the button shows: nothing yet, nothing at all, the admin's "enable", or the mail icon. */
export type ToolbarButtonState = 'loading' | 'hidden' | 'enable' | 'open';

/** `admin="false"` means not an admin; any other value, or the bare attribute, means an admin. */
const adminConverter = {
  fromAttribute: (value: string | null): boolean | undefined => (value === null ? undefined : value !== 'false'),
  toAttribute: (value: boolean | undefined): string | null => (value === undefined ? null : String(value)),
};

/** Bursts of mailbox changes (a sync) refresh the badge once. */
const REFRESH_DELAY_MS = 250;

/**
 * @tagname mail-toolbar-button
 * @summary The webmail entry in the host's toolbar: a mail icon with a live unread badge while the module is enabled.
 * While it is disabled, an administrator sees "Enable mail options" and everyone else sees nothing. Whether the user
 * is an administrator comes from the backend (`canManage`) unless the host says so with `admin`.
 *
 * @event mail-open-inbox - The mail icon was clicked (cancelable: cancel it to stop an `href` from being followed).
 * `detail.unread` is the badge's count.
 * @event mail-module-change - An administrator enabled the module. `detail.status` is the new status.
 * @event mail-error - Loading the status or enabling the module failed.
 *
 * @csspart button - The mail icon button (an `<a>` when `href` is set).
 * @csspart badge - The unread count.
 * @csspart enable-button - "Enable mail options", for administrators while the module is disabled.
 * @csspart error - A failure to enable the module.
 *
 * @cssproperty --mail-color-danger - The badge's background.
 * @cssproperty --mail-color-danger-text - The badge's text.
 */
export class MailToolbarButton extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, toolbarButtonStyles];

  /** Where the mail icon leads (the inbox page). Without it, the click only emits `mail-open-inbox`. */
  @property()
  href = '';

  /**
   * Whether the user is an administrator, overriding the backend's `canManage`: `admin` or `admin="true"` for yes,
   * `admin="false"` for no, absent to ask the backend.
   */
  @property({ converter: adminConverter, reflect: true })
  admin: boolean | undefined = undefined;

  /** What the button shows now (reflected, for host styling). */
  @property({ reflect: true })
  state: ToolbarButtonState = 'loading';

  @state() private status: ModuleStatus | null = null;
  @state() private enabling = false;
  @state() private enableError: MailError | null = null;

  private connectedBackend: MailBackend | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscription: AbortController | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private loadController: AbortController | undefined;

  /** The unread count on the badge (0 until loaded). */
  get unread(): number {
    return this.status?.unread ?? 0;
  }

  /** Loads the module status again. */
  async refresh(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend) return;
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    try {
      this.status = await backend.getModuleStatus({}, { signal: controller.signal });
    } catch (error) {
      const mailError = this.reportError(error, 'getModuleStatus');
      // Without a status the button stays hidden: a toolbar is no place for a loading error.
      if (mailError.code !== 'aborted' && !this.status) this.status = null;
    }
  }

  override disconnectedCallback(): void {
    this.stopListening();
    this.loadController?.abort();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.isConnected && this.activeBackend !== this.connectedBackend) this.listen(this.activeBackend);
    const admin = this.admin ?? this.status?.canManage ?? false;
    const next: ToolbarButtonState = !this.status
      ? 'loading'
      : this.status.enabled
        ? 'open'
        : admin
          ? 'enable'
          : 'hidden';
    if (next !== this.state) this.state = next;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.activeBackend) this.listen(this.activeBackend);
  }

  /** Loads the status and follows mailbox changes, for the backend in use. */
  private listen(backend: MailBackend | undefined): void {
    this.stopListening();
    this.connectedBackend = backend;
    if (!backend) return;
    void this.refresh();
    const subscription = new AbortController();
    this.subscription = subscription;
    backend
      .subscribe(() => this.scheduleRefresh(), { signal: subscription.signal, onError: () => {} })
      .then((unsubscribe) => {
        if (subscription.signal.aborted) unsubscribe();
        else this.unsubscribe = unsubscribe;
      })
      .catch(() => {
        // Without live updates the badge is refreshed on demand only.
      });
  }

  private stopListening(): void {
    this.subscription?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.connectedBackend = undefined;
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private onOpen(event: MouseEvent): void {
    const allowed = this.emit('mail-open-inbox', { unread: this.unread }, { cancelable: true });
    if (!allowed) event.preventDefault();
  }

  private async enable(): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || this.enabling) return;
    this.enabling = true;
    this.enableError = null;
    try {
      const status = await backend.setModuleEnabled({ enabled: true });
      this.status = status;
      this.emit('mail-module-change', { status });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="button"]')?.focus();
    } catch (error) {
      this.enableError = this.reportError(error, 'setModuleEnabled');
    } finally {
      this.enabling = false;
    }
  }

  protected override render() {
    switch (this.state) {
      case 'open':
        return this.renderOpen();
      case 'enable':
        return this.renderEnable();
      default:
        return nothing;
    }
  }

  private renderOpen(): TemplateResult {
    const t = this.localize;
    const unread = this.unread;
    const label = unread ? t.term('settings.toolbar.open-unread', unread) : t.term('settings.toolbar.open');
    const badge = unread
      ? html`<span part="badge" aria-hidden="true">${unread > 99 ? '99+' : this.localize.number(unread)}</span>`
      : nothing;
    if (this.href)
      return html`<a
        part="button"
        class="icon-button"
        href=${this.href}
        aria-label=${label}
        title=${label}
        @click=${this.onOpen}
        >${icon(mailIcon, 20)}${badge}</a
      >`;
    return html`<button
      part="button"
      class="icon-button"
      type="button"
      aria-label=${label}
      title=${label}
      @click=${this.onOpen}
    >
      ${icon(mailIcon, 20)}${badge}
    </button>`;
  }

  private renderEnable(): TemplateResult {
    const t = this.localize;
    return html`<button
        part="enable-button"
        class="button"
        type="button"
        ?disabled=${this.enabling}
        aria-describedby="enable-hint"
        @click=${this.enable}
      >
        ${icon(mailIcon, 16)} ${this.enabling ? t.term('settings.toolbar.enabling') : t.term('settings.toolbar.enable')}
      </button>
      <span class="visually-hidden" id="enable-hint">${t.term('settings.toolbar.enable-hint')}</span>
      ${
        this.enableError
          ? html`<span part="error" role="alert">${t.term(`error.${this.enableError.code}`)}</span>`
          : nothing
      }`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-open-inbox': CustomEvent<OpenInboxDetail>;
    'mail-module-change': CustomEvent<ModuleChangeDetail>;
  }
}
