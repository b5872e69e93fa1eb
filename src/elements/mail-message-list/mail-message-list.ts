import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  MailError,
  PAGE_SIZE_DEFAULT,
  displayName,
  type FolderRole,
  type MessageFilter,
  type MessageSummary,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import { icon, type IconName } from '../base/icons.js';
import { messageListStyles } from './mail-message-list.styles.js';

/** Detail of `mail-open` and `mail-select`. */
export interface MessageEventDetail {
  message: MessageSummary;
}

interface Loaded {
  items: MessageSummary[];
  nextCursor: string | null;
  total: number | undefined;
  role: FolderRole | null;
}

/**
 * @tagname mail-message-list
 * @summary The messages of one folder, newest first, fetched by cursor: sender (or recipients in Sent and Drafts),
 * subject, snippet, date, and marks for unread, flagged, attachments, answered, forwarded and linked.
 *
 * @event mail-select - A row was selected. `detail.message` is its summary.
 * @event mail-open - A row was opened (click, Enter). `detail.message` is its summary.
 * @event mail-error - Loading failed.
 *
 * @csspart list - The list of rows.
 * @csspart row - One message row (also `unread`, `selected`).
 * @csspart sender - The sender or recipients.
 * @csspart subject - The subject.
 * @csspart snippet - The first words of the body.
 * @csspart date - The date.
 * @csspart marks - The marks of a row; each is a `mark`.
 * @csspart empty - The empty state.
 * @csspart error - The error message region.
 * @csspart retry-button - The error's retry button.
 * @csspart load-more - The button that loads the next page.
 *
 * @cssproperty --mail-row-height - The height of a row.
 */
export class MailMessageList extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, messageListStyles];

  /** The id of the folder to list. */
  @property()
  folder = '';

  /** Messages fetched per page (1 to 200). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = PAGE_SIZE_DEFAULT;

  /** Filters applied to the listing. */
  @property({ attribute: false })
  filter: MessageFilter = {};

  /** The id of the selected message. */
  @property({ attribute: 'selected-id' })
  selectedId = '';

  @state() private extra: MessageSummary[] = [];
  @state() private extraCursor: string | null | undefined = undefined;
  @state() private loadingMore = false;
  @state() private moreError: MailError | undefined = undefined;
  @state() private revision = 0;

  private readonly page = new Task(this, {
    task: async ([backend, folder, pageSize, filter], { signal }): Promise<Loaded | undefined> => {
      if (!folder) return undefined;
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const [page, folders] = await Promise.all([
          backend.listMessages({ ...filter, folderId: folder, limit: pageSize }, { signal }),
          backend.listFolders({}, { signal }),
        ]);
        const role = folders.items.find((candidate) => candidate.id === folder)?.role ?? null;
        return { items: page.items, nextCursor: page.nextCursor, total: page.total, role };
      } catch (error) {
        throw this.reportError(error, 'listMessages');
      }
    },
    args: () => [this.activeBackend, this.folder, this.pageSize, this.filter, this.revision] as const,
  });

  /** Lists the folder again from the top. */
  refresh(): void {
    this.revision++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const keys: PropertyKey[] = ['backend', 'providedBackend', 'folder', 'pageSize', 'filter', 'revision'];
    if (keys.some((key) => (changed as Map<PropertyKey, unknown>).has(key))) {
      this.extra = [];
      this.extraCursor = undefined;
      this.moreError = undefined;
    }
  }

  protected override render() {
    return this.page.render({
      initial: () => nothing,
      pending: () => this.renderSkeleton(),
      complete: (loaded) => (loaded ? this.renderLoaded(loaded) : nothing),
      error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
    });
  }

  private renderSkeleton(): TemplateResult {
    return html`<div role="status" aria-busy="true" aria-label=${this.localize.term('state.loading')}>
      ${Array.from(
        { length: 8 },
        (_, index) =>
          html`<div class="skeleton-row">
            <div style="width:${35 + ((index * 17) % 30)}%"></div>
            <div style="width:${55 + ((index * 11) % 35)}%"></div>
            <div style="width:${70 + ((index * 7) % 25)}%"></div>
          </div>`,
      )}
    </div>`;
  }

  private renderLoaded(loaded: Loaded): TemplateResult {
    const items = [...loaded.items, ...this.extra];
    if (!items.length) return html`<div part="empty">${this.localize.term('messages.empty')}</div>`;
    const cursor = this.extraCursor === undefined ? loaded.nextCursor : this.extraCursor;
    const recipientsFirst = loaded.role === 'sent' || loaded.role === 'drafts';
    const focusId = items.some((item) => item.id === this.selectedId) ? this.selectedId : items[0]!.id;
    return html`<ul part="list" role="listbox" aria-label=${this.localize.term('messages.label')}>
        ${items.map((message) => this.renderRow(message, recipientsFirst, message.id === focusId))}
      </ul>
      ${
        this.moreError
          ? renderError(this.localize, this.moreError, () => this.loadMore(cursor))
          : cursor
            ? html`<div class="more">
                <button
                  class="button"
                  part="load-more"
                  type="button"
                  ?disabled=${this.loadingMore}
                  @click=${() => this.loadMore(cursor)}
                >
                  ${this.loadingMore ? this.localize.term('state.loading') : this.localize.term('action.load-more')}
                </button>
              </div>`
            : nothing
      }`;
  }

  private renderRow(message: MessageSummary, recipientsFirst: boolean, focusable: boolean): TemplateResult {
    const unread = !message.flags.seen;
    const selected = message.id === this.selectedId;
    const who = recipientsFirst
      ? this.localize.term('messages.to', message.to.map((address) => displayName(address)).join(', '))
      : displayName(message.from) || this.localize.term('messages.unknown-sender');
    const parts = ['row', unread ? 'unread' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event, this.currentItems());
    return html`<li
      part=${parts}
      role="option"
      data-id=${message.id}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${focusable ? 0 : -1}
      @click=${() => this.open(message)}
      @keydown=${onKeyDown}
    >
      <span class="dot" aria-hidden="true"></span>
      <span part="sender">${who}</span>
      <span part="date"><time datetime=${message.date}>${this.localize.listDate(message.date)}</time></span>
      <span part="subject"
        >${message.subject || this.localize.term('messages.no-subject')}${
          message.threadSize && message.threadSize > 1
            ? html`<span class="thread-size">(${message.threadSize})</span>`
            : nothing
        }</span
      >
      <span part="marks">${this.renderMarks(message)}</span>
      <span part="snippet">${message.snippet}</span>
    </li>`;
  }

  private renderMarks(message: MessageSummary): TemplateResult[] {
    const marks: [boolean, 'flagged' | 'attachment' | 'answered' | 'forwarded' | 'linked', IconName][] = [
      [message.flags.flagged, 'flagged', 'star'],
      [message.hasAttachments, 'attachment', 'paperclip'],
      [message.flags.answered, 'answered', 'reply'],
      [message.flags.forwarded, 'forwarded', 'forward'],
      [message.linked, 'linked', 'link'],
    ];
    const unread = message.flags.seen
      ? []
      : [html`<span class="visually-hidden" data-mark="unread">${this.localize.term('mark.unread')}</span>`];
    return [
      ...unread,
      ...marks
        .filter(([shown]) => shown)
        .map(
          ([, name, glyph]) =>
            html`<span part="mark" data-mark=${name} title=${this.localize.term(`mark.${name}`)}
              >${icon(glyph, 14)}<span class="visually-hidden">${this.localize.term(`mark.${name}`)}</span></span
            >`,
        ),
    ];
  }

  private currentItems(): MessageSummary[] {
    return [...(this.page.value?.items ?? []), ...this.extra];
  }

  private async loadMore(cursor: string | null): Promise<void> {
    const backend = this.activeBackend;
    if (!backend || !cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await backend.listMessages({ ...this.filter, folderId: this.folder, limit: this.pageSize, cursor });
      this.extra = [...this.extra, ...page.items];
      this.extraCursor = page.nextCursor;
    } catch (error) {
      this.moreError = this.reportError(error, 'listMessages');
    } finally {
      this.loadingMore = false;
    }
  }

  private open(message: MessageSummary): void {
    this.selectedId = message.id;
    this.emit('mail-select', { message });
    this.emit('mail-open', { message });
  }

  private onKeyDown(event: KeyboardEvent, items: MessageSummary[]): void {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]')?.dataset.id;
    const index = items.findIndex((item) => item.id === current);
    const next =
      event.key === 'ArrowDown'
        ? items[index + 1]
        : event.key === 'ArrowUp'
          ? items[index - 1]
          : event.key === 'Home'
            ? items[0]
            : event.key === 'End'
              ? items[items.length - 1]
              : undefined;
    if (event.key === 'Enter' || event.key === ' ') {
      const message = items[index];
      if (message) this.open(message);
      event.preventDefault();
      return;
    }
    if (!next) return;
    event.preventDefault();
    this.selectedId = next.id;
    this.emit('mail-select', { message: next });
    this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(next.id)}"]`)?.focus(),
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-select': CustomEvent<MessageEventDetail>;
    'mail-open': CustomEvent<MessageEventDetail>;
  }
}
