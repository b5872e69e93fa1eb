import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  MailError,
  displayName,
  type LinkContext,
  type MessageLink,
  type RecordMail,
  type RecordMailsPage,
  type RecordRef,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import {
  closeIcon,
  composeIcon,
  icon,
  linkIcon,
  receivedIcon,
  searchIcon,
  sentIcon,
  settingsIcon,
  unlinkIcon,
} from '../base/icons.js';
import { objectMailsStyles } from './mail-object-mails.styles.js';
import { isolate, isolateValues } from '../../i18n/bidi.js';
import '../../i18n/strings/links.js';

/** Detail of `mail-compose`: who to write to, and the record the sent mail (and its replies) stays linked to. */
export interface ComposeEventDetail {
  to: { name?: string; address: string }[];
  link: LinkContext;
  record: RecordRef | null;
}

/** Detail of `mail-linked` and `mail-unlinked`: the messages and the record; `links` as the backend saved them. */
export interface RecordLinkEventDetail {
  ids: string[];
  record: RecordRef;
  links?: MessageLink[];
}

/** Detail of `mail-configure-links`. */
export interface ConfigureLinksDetail {
  objectName: string;
}

/**
 * @tagname mail-object-mails
 * @summary The side bar of one business record: the mails exchanged with its address (or its domain, when its
 * object's link configuration says so), newest first, with direction, linked ones marked, a search within, link and
 * unlink, open, and "Write to this record". Compact (3 mails) until "Show all".
 *
 * @event mail-open - A mail was opened. Cancelable: when not cancelled and `<mail-message-view>` is registered, the
 * mail is shown in a dialog. `detail.message` is its summary.
 * @event mail-compose - "Write to this record" was chosen. `detail.to` is the record's address, `detail.link` the
 * record the mail stays linked to.
 * @event mail-linked - A mail was linked to the record. `detail.ids`, `detail.record`.
 * @event mail-unlinked - A mail was unlinked from the record. `detail.ids`, `detail.record`.
 * @event mail-configure-links - An admin asked to configure linking for the object. Cancelable: when not cancelled
 * and `<mail-object-links>` is registered, the configuration is shown inside the side bar.
 * @event mail-error - Loading, linking or unlinking failed.
 *
 * @csspart header - The title, count, what is matched and the actions.
 * @csspart matched - What the record's mails are matched on (its address or its domain).
 * @csspart compose-button - "Write to this record".
 * @csspart search - The search field.
 * @csspart shared - The other records that show the same mails.
 * @csspart list - The list of mails.
 * @csspart mail - One mail (also `linked`, `received` or `sent`).
 * @csspart linked-mark - The mark of a mail linked to the record.
 * @csspart direction - The received / sent icon.
 * @csspart who - The sender (received) or the recipients (sent).
 * @csspart subject - The subject.
 * @csspart date - The date.
 * @csspart link-button - The link / unlink button of a mail.
 * @csspart show-all - The "Show all" / "Show less" button.
 * @csspart load-more - The button that loads the next page.
 * @csspart empty - The empty, no-address and not-configured states.
 * @csspart configure-button - The admin's "Configure" button.
 * @csspart dialog - The dialog showing an opened mail.
 * @csspart error - The error region.
 * @csspart error-message - The text of the error region.
 *
 * @cssproperty --mail-object-mails-max-height - The height the list scrolls within once expanded. Default `32rem`.
 */
export class MailObjectMails extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, ...objectMailsStyles];

  /** The object (a link configuration's name), such as `customers`. */
  @property({ attribute: 'object-name' })
  objectName = '';

  /** The record's primary key value. */
  @property({ attribute: 'object-id' })
  objectId = '';

  /** How many mails the compact view shows before "Show all". */
  @property({ type: Number, attribute: 'compact-size' })
  compactSize = 3;

  /** Mails fetched per page once expanded (1 to 200). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 50;

  /** Shows all mails, not the compact few. */
  @property({ type: Boolean, reflect: true })
  expanded = false;

  /** The user may configure linking: the not-configured state offers "Configure". */
  @property({ type: Boolean })
  admin = false;

  /** Milliseconds to wait after typing in the search before searching. */
  @property({ type: Number, attribute: 'search-delay' })
  searchDelay = 300;

  @state() private text = '';
  @state() private typed = '';
  @state() private revision = 0;
  @state() private extra: RecordMail[] = [];
  @state() private extraCursor: string | null | undefined = undefined;
  @state() private loadingMore = false;
  @state() private actionError: MailError | undefined = undefined;
  /** Link state changed here, by message id, until the next load. */
  @state() private overrides: ReadonlyMap<string, boolean> = new Map();
  @state() private busyIds: ReadonlySet<string> = new Set();
  @state() private configuring = false;
  @state() private openedId = '';

  @query('dialog.viewer') private viewer!: HTMLDialogElement | null;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly page = new Task(this, {
    task: async ([backend, objectName, objectId, text, pageSize], { signal }) => {
      if (!objectName || !objectId) return undefined;
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        return await backend.listRecordMails(
          { objectName, objectId, limit: pageSize, ...(text ? { text } : {}) },
          { signal },
        );
      } catch (error) {
        throw this.reportError(error, 'listRecordMails');
      }
    },
    args: () => [this.activeBackend, this.objectName, this.objectId, this.text, this.pageSize, this.revision] as const,
  });

  /** Loads the record's mails again. */
  refresh(): void {
    this.revision++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys: PropertyKey[] = [
      'backend',
      'providedBackend',
      'objectName',
      'objectId',
      'text',
      'pageSize',
      'revision',
    ];
    if (keys.some((key) => (changed as Map<PropertyKey, unknown>).has(key))) {
      this.extra = [];
      this.extraCursor = undefined;
      this.overrides = new Map();
      this.actionError = undefined;
    }
    if (changed.has('objectName') || changed.has('objectId')) {
      if (changed.get('objectName') !== undefined || changed.get('objectId') !== undefined) {
        this.text = '';
        this.typed = '';
        this.expanded = false;
        this.configuring = false;
      }
    }
  }

  protected override render() {
    if (!this.objectName || !this.objectId) return nothing;
    return html`${this.page.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.page.value ? this.renderLoaded(this.page.value, true) : this.renderSkeleton()),
      complete: (page) => (page ? this.renderLoaded(page, false) : nothing),
      error: (error) =>
        html`${this.renderHeader(null, false)}
        ${renderError(this.localize, MailError.from(error), () => this.refresh())}`,
    })}
    ${this.renderViewer()}`;
  }

  private renderSkeleton(): TemplateResult {
    return html`${this.renderHeader(null, true)}
      <div class="skeleton" role="status" aria-busy="true" aria-label=${this.localize.term('state.loading')}>
        ${Array.from(
          { length: 3 },
          () =>
            html`<div class="skeleton-row">
              <div></div>
              <div></div>
            </div>`,
        )}
      </div>`;
  }

  private renderHeader(page: RecordMailsPage | null, busy: boolean): TemplateResult {
    const t = this.localize;
    const total = page?.total ?? (page ? page.items.length : undefined);
    const email = page?.record?.email ?? null;
    const configured = page?.configured ?? true;
    return html`<header part="header">
      <div class="title-row">
        <h2 id="title">
          ${t.term('record-mails.title')}
          ${total !== undefined && configured ? html`<span class="count">${t.number(total)}</span>` : nothing}
        </h2>
        <button
          class="button primary small"
          part="compose-button"
          type="button"
          ?disabled=${!email || !configured}
          title=${email ? t.term('record-mails.compose-to', email) : t.term('record-mails.compose')}
          @click=${() => page && this.compose(page)}
        >
          ${icon(composeIcon, 14)} ${t.term('record-mails.compose')}
        </button>
      </div>
      ${
        page?.configured && page.matchedOn
          ? html`<p class="matched" part="matched">
              ${isolate(
                page.matchedOn.includes('@')
                  ? t.term('record-mails.matched-address', page.matchedOn)
                  : t.term('record-mails.matched-domain', page.matchedOn),
                page.matchedOn,
              )}
            </p>`
          : nothing
      }
      ${
        configured
          ? html`<div class="search" role="search">
              <span class="search-icon" aria-hidden="true">${icon(searchIcon, 14)}</span>
              <input
                part="search"
                type="search"
                aria-label=${t.term('record-mails.search')}
                placeholder=${t.term('record-mails.search')}
                .value=${this.typed}
                @input=${this.onSearchInput}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') this.applySearch(this.typed);
                }}
              />
              ${busy && this.page.value ? html`<span class="busy" aria-hidden="true"></span>` : nothing}
            </div>`
          : nothing
      }
    </header>`;
  }

  private renderLoaded(page: RecordMailsPage, busy: boolean): TemplateResult {
    return html`${this.renderHeader(page, busy)}
      <div aria-busy=${busy ? 'true' : 'false'} class="body">${this.renderBody(page)}</div>`;
  }

  private renderBody(page: RecordMailsPage): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!page.configured) return this.renderNotConfigured();
    if (!page.record) return html`<p part="empty">${t.term('record-mails.no-record')}</p>`;
    const items = [...page.items, ...this.extra];
    const shared = this.renderShared(page);
    if (!items.length) {
      const message = this.text
        ? isolate(t.term('record-mails.no-results', this.text), this.text)
        : page.matchedOn
          ? isolate(t.term('record-mails.empty', page.matchedOn), page.matchedOn)
          : t.term('record-mails.no-address');
      return html`<p part="empty">${message}</p>
        ${shared}`;
    }
    const shown = this.expanded ? items : items.slice(0, this.compactSize);
    const cursor = this.extraCursor === undefined ? page.nextCursor : this.extraCursor;
    const total = page.total ?? items.length;
    return html`${this.actionError ? renderError(t, this.actionError) : nothing}
      <ul part="list" aria-labelledby="title">
        ${shown.map((mail) => this.renderMail(mail, page.record!))}
      </ul>
      <div class="footer">
        ${
          total > this.compactSize
            ? html`<button
                class="button link"
                part="show-all"
                type="button"
                aria-expanded=${this.expanded ? 'true' : 'false'}
                @click=${() => (this.expanded = !this.expanded)}
              >
                ${this.expanded ? t.term('record-mails.show-less') : t.term('record-mails.show-all', total)}
              </button>`
            : nothing
        }
        ${
          this.expanded && cursor
            ? html`<button
                class="button"
                part="load-more"
                type="button"
                ?disabled=${this.loadingMore}
                @click=${() => this.loadMore(page, cursor)}
              >
                ${this.loadingMore ? t.term('state.loading') : t.term('action.load-more')}
              </button>`
            : nothing
        }
      </div>
      ${shared}`;
  }

  private renderShared(page: RecordMailsPage): TemplateResult | typeof nothing {
    const shared = page.sharedWith ?? [];
    if (!shared.length) return nothing;
    const t = this.localize;
    return html`<details part="shared" class="shared">
      <summary>${t.term('record-mails.shared', shared.length)}</summary>
      <p class="hint">${isolate(t.term('record-mails.shared-hint', page.matchedOn ?? ''), page.matchedOn ?? '')}</p>
      <ul>
        ${shared.map(
          (record) =>
            html`<li data-object=${record.objectName} data-id=${record.objectId}>
              <bdi>${record.title}</bdi>
              <span class="muted">· <bdi>${record.objectName}</bdi> <bdi>${record.objectId}</bdi></span>
            </li>`,
        )}
      </ul>
    </details>`;
  }

  private renderMail(mail: RecordMail, record: RecordRef): TemplateResult {
    const t = this.localize;
    const linked = this.overrides.get(mail.id) ?? mail.linkedToRecord;
    const sent = mail.direction === 'sent';
    const names = mail.to.map((a) => displayName(a)).join(', ');
    const who = sent
      ? isolateValues(t.term('messages.to', names), names)
      : displayName(mail.from) || t.term('messages.unknown-sender');
    const parts = ['mail', mail.direction, linked ? 'linked' : ''].filter(Boolean).join(' ');
    const busy = this.busyIds.has(mail.id);
    const subject = mail.subject || t.term('messages.no-subject');
    const label = linked ? t.term('record-mails.unlink', subject) : t.term('record-mails.link', subject);
    return html`<li part=${parts} data-id=${mail.id} data-direction=${mail.direction} ?data-linked=${linked}>
      <button class="open" type="button" @click=${() => this.open(mail)}>
        <span part="direction" class="direction ${mail.direction}" title=${t.term(`record-mails.${mail.direction}`)}
          >${icon(sent ? sentIcon : receivedIcon, 14)}<span class="visually-hidden"
            >${t.term(`record-mails.${mail.direction}`)}</span
          ></span
        >
        <span part="who" dir="auto">${who}</span>
        <span part="date"><time dir="auto" datetime=${mail.date}>${t.listDate(mail.date)}</time></span>
        <span part="subject" dir="auto">${subject}</span>
        ${
          linked
            ? html`<span class="linked-mark" part="linked-mark"
                >${icon(linkIcon, 12)} ${t.term('record-mails.linked')}</span
              >`
            : nothing
        }
      </button>
      <button
        class="icon-button"
        part="link-button"
        type="button"
        aria-label=${label}
        title=${label}
        aria-pressed=${linked ? 'true' : 'false'}
        ?disabled=${busy}
        @click=${() => (linked ? this.unlink(mail, record) : this.link(mail, record))}
      >
        ${icon(linked ? unlinkIcon : linkIcon, 16)}
      </button>
    </li>`;
  }

  private renderNotConfigured(): TemplateResult {
    const t = this.localize;
    if (this.configuring)
      return html`<div class="configure">
        <mail-object-links
          object-name=${this.objectName}
          @mail-links-saved=${() => {
            this.configuring = false;
            this.refresh();
          }}
        ></mail-object-links>
        <button class="button" type="button" @click=${() => (this.configuring = false)}>
          ${t.term('links.cancel')}
        </button>
      </div>`;
    return html`<div part="empty" class="not-configured">
      <p>${t.term('record-mails.not-configured', this.objectName)}</p>
      ${
        this.admin
          ? html`<button class="button" part="configure-button" type="button" @click=${this.configure}>
              ${icon(settingsIcon, 14)} ${t.term('record-mails.configure')}
            </button>`
          : html`<p class="hint">${t.term('record-mails.ask-admin')}</p>`
      }
    </div>`;
  }

  private renderViewer(): TemplateResult {
    const t = this.localize;
    return html`<dialog
      class="viewer"
      part="dialog"
      aria-label=${t.term('record-mails.viewer')}
      @close=${() => (this.openedId = '')}
    >
      <div class="viewer-bar">
        <button
          class="icon-button"
          type="button"
          aria-label=${t.term('record-mails.close')}
          @click=${() => this.viewer?.close()}
        >
          ${icon(closeIcon, 16)}
        </button>
      </div>
      ${this.openedId ? html`<mail-message-view message-id=${this.openedId}></mail-message-view>` : nothing}
    </dialog>`;
  }

  // --- behaviour

  private readonly onSearchInput = (event: Event): void => {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(this.typed), this.searchDelay);
  };

  private applySearch(value: string): void {
    clearTimeout(this.searchTimer);
    const text = value.trim();
    if (text === this.text) return;
    this.text = text;
    if (text) this.expanded = true;
  }

  private async loadMore(page: RecordMailsPage, cursor: string): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || this.loadingMore) return;
    this.loadingMore = true;
    this.actionError = undefined;
    try {
      const next = await backend.listRecordMails({
        objectName: this.objectName,
        objectId: this.objectId,
        limit: this.pageSize,
        cursor,
        ...(this.text ? { text: this.text } : {}),
      });
      if (this.page.value !== page) return;
      this.extra = [...this.extra, ...next.items];
      this.extraCursor = next.nextCursor;
    } catch (error) {
      this.actionError = this.reportError(error, 'listRecordMails');
    } finally {
      this.loadingMore = false;
    }
  }

  private open(mail: RecordMail): void {
    const proceed = this.emit('mail-open', { message: mail }, { cancelable: true });
    if (!proceed || !customElements.get('mail-message-view')) return;
    this.openedId = mail.id;
    if (!this.viewer?.open) this.viewer?.showModal();
  }

  private compose(page: RecordMailsPage): void {
    const record = page.record;
    if (!record?.email) return;
    this.emit('mail-compose', {
      to: [{ name: record.title, address: record.email }],
      link: { objectName: record.objectName, objectId: record.objectId },
      record: { ...record },
    });
  }

  private readonly configure = async (): Promise<void> => {
    const proceed = this.emit('mail-configure-links', { objectName: this.objectName }, { cancelable: true });
    if (proceed && customElements.get('mail-object-links')) this.configuring = true;
  };

  private async link(mail: RecordMail, record: RecordRef): Promise<void> {
    await this.changeLink(mail, record, true, async (backend) => {
      await backend.linkMessages({ ids: [mail.id], objectName: record.objectName, objectId: record.objectId });
    });
  }

  private async unlink(mail: RecordMail, record: RecordRef): Promise<void> {
    await this.changeLink(mail, record, false, (backend) =>
      backend.unlinkMessage({ id: mail.id, objectName: record.objectName, objectId: record.objectId }),
    );
  }

  /** Optimistic: the mark changes at once and is rolled back, with the reason shown, when the backend refuses. */
  private async changeLink(
    mail: RecordMail,
    record: RecordRef,
    linked: boolean,
    call: (backend: NonNullable<MailObjectMails['activeBackend']>) => Promise<void>,
  ): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || this.busyIds.has(mail.id)) return;
    const previous = this.overrides.get(mail.id);
    this.overrides = new Map(this.overrides).set(mail.id, linked);
    this.busyIds = new Set(this.busyIds).add(mail.id);
    this.actionError = undefined;
    try {
      await call(backend);
      this.emit(linked ? 'mail-linked' : 'mail-unlinked', { ids: [mail.id], record: { ...record } });
    } catch (error) {
      const rolledBack = new Map(this.overrides);
      if (previous === undefined) rolledBack.delete(mail.id);
      else rolledBack.set(mail.id, previous);
      this.overrides = rolledBack;
      this.actionError = this.reportError(error, linked ? 'linkMessages' : 'unlinkMessage');
    } finally {
      const busy = new Set(this.busyIds);
      busy.delete(mail.id);
      this.busyIds = busy;
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-compose': CustomEvent<ComposeEventDetail>;
    'mail-linked': CustomEvent<RecordLinkEventDetail>;
    'mail-unlinked': CustomEvent<RecordLinkEventDetail>;
    'mail-configure-links': CustomEvent<ConfigureLinksDetail>;
  }
}
