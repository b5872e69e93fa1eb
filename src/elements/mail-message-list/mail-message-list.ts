import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type * as Virtualize from '@lit-labs/virtualizer/virtualize.js';
import type {
  FlagChanges,
  Folder,
  MailBackend,
  MailboxChange,
  MessageFilter,
  MessageSummary,
} from '../../core/index.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../core/constants.js';
import { MailError } from '../../core/mail-error.js';
import { displayName } from '../../core/text.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import {
  archiveIcon,
  checkIcon,
  folderIcon,
  forwardIcon,
  icon,
  linkIcon,
  mailIcon,
  mailOpenIcon,
  paperclipIcon,
  refreshIcon,
  replyIcon,
  starIcon,
  starOutlineIcon,
  trashIcon,
  type IconDefinition,
} from '../base/icons.js';
import { LazyModule } from '../base/lazy-module.js';
import { isolate, isolateValues } from '../../i18n/bidi.js';
import { LiveController } from '../base/live.js';
import { messageListStyles } from './mail-message-list.styles.js';
import { selectWith, type PointerModifiers, type SelectionState } from './selection.js';
import { MESSAGE_DRAG_TYPE, type MessageDragPayload } from './drag.js';
import '../../i18n/strings/inbox.js';

/** Detail of `mail-open`. */
export interface MessageEventDetail {
  message: MessageSummary;
}

/** Detail of `mail-select`: the row the user is on and every checked id. */
export interface SelectionEventDetail {
  /** The active row (the one clicked or reached by keyboard), else the first checked one. */
  message: MessageSummary;
  /** Every checked id, in list order (the active row only when it is checked too). */
  ids: string[];
  /** The whole folder is selected (including rows not loaded yet). */
  all: boolean;
  /** The active row moved by a plain click or arrow key (not a change of the checks): a reader beside it may follow. */
  navigated: boolean;
}

/** What a bulk action does. */
export type BulkAction = 'read' | 'unread' | 'flag' | 'unflag' | 'move' | 'archive' | 'delete' | 'link';

/** Detail of `mail-action`, sent before a bulk action runs. Cancel it to stop (or to handle it yourself). */
export interface ActionEventDetail {
  action: BulkAction;
  /** The messages it applies to (thread rows stand for their thread). Empty when `all` is true. */
  ids: string[];
  /** Their summaries, as far as loaded. */
  messages: MessageSummary[];
  /** Every message of the folder (under the current filter), including rows not loaded. */
  all: boolean;
  /** The folder the messages are listed in. */
  folderId: string;
  /** For `move` and `archive`: where to. */
  targetFolderId?: string;
}

/** Detail of `mail-list-load`. */
export interface ListLoadEventDetail {
  folderId: string;
  /** Matching messages (or threads) in all, when the backend knows. */
  total: number | undefined;
  /** Rows loaded so far. */
  loaded: number;
}

interface ActionFailure {
  action: BulkAction;
  count: number;
  error: MailError;
}

const MUTATIONS: ReadonlySet<BulkAction> = new Set(['read', 'unread', 'flag', 'unflag', 'move', 'archive', 'delete']);
const FLAGS_OF: Partial<Record<BulkAction, FlagChanges>> = {
  read: { seen: true },
  unread: { seen: false },
  flag: { flagged: true },
  unflag: { flagged: false },
};
/** Backends take at most this many ids per call. */
const CHUNK = 1000;
const DEFAULT_ROW_HEIGHT = 68;
/** Up to this many rows are rendered as they are; past it, or once a second page is asked for, they are virtualized. */
const PLAIN_ROWS = 100;
/**
 * At most this many rows are drawn plainly while the virtualizer is loading (or if it failed to load): a host or a
 * fast backend can load thousands of rows before the chunk arrives, and drawing them all would stall the page.
 */
const PLAIN_ROWS_MAX = 1000;

const rowDomId = (id: string) => `row-${id.replace(/\s/g, '_')}`;
const isRow = (node: Node | null) => node instanceof Element && node.getAttribute('role') === 'option';
const chunks = <T>(list: readonly T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));

/**
 * @tagname mail-message-list
 * @summary The messages of one folder, newest first: virtualized (the rows in the DOM stay few at any folder size;
 * the virtualizer arrives with the second page, so a short folder never loads it), fetched by cursor as the visible range nears the end, with multi-select (click, shift-click, ctrl/cmd-click,
 * select all in folder), bulk actions applied optimistically and rolled back visibly on failure, drag to folders and
 * live updates that keep the scroll position and the selection.
 *
 * A row shows the sender (recipients in Sent and Drafts), subject, snippet, date (the time today, a localized date
 * otherwise) and marks for unread, flagged, attachments, answered, forwarded and linked-to-record.
 *
 * The active (current) row and the checked rows are apart, as in Gmail: clicking a row or moving to it with the
 * keyboard makes it active without checking it; its box, ctrl/cmd-click and Space check it. Bulk actions apply to the
 * checked rows, or to the active row when none is checked.
 *
 * Keyboard (the list is one tab stop): ↑/↓ move, Shift+↑/↓ check the range, Space toggles the check, Home/End,
 * Page Up/Down, Enter opens, Ctrl/Cmd+A selects all, Delete deletes.
 *
 * @event mail-select - The checks or the active row changed. `detail`: `message`, `ids`, `all`, `navigated`.
 * @event mail-open - A row was opened (click, Enter). `detail.message` is its summary.
 * @event mail-action - Before a bulk action; cancelable. `detail`: `action`, `ids`, `messages`, `all`, `folderId`,
 * `targetFolderId`. For `link` nothing else happens: the host (or a record picker) links the ids.
 * @event mail-list-load - The first page of a listing arrived. `detail`: `folderId`, `total`, `loaded`.
 * @event mail-error - Loading or an action failed.
 *
 * @slot toolbar - Extra buttons at the end of the toolbar.
 * @slot empty - What to show when the folder (or the search) has no messages.
 *
 * @csspart toolbar - The toolbar above the rows.
 * @csspart select-all - The select-all checkbox.
 * @csspart action - Each bulk-action button (also `action-<name>`), and the move menu.
 * @csspart count - The message or result count.
 * @csspart banner - The select-all-in-folder banner.
 * @csspart action-error - The message shown when an action failed and was undone.
 * @csspart list - The scrolling listbox.
 * @csspart row - One message row (also `unread`, `selected`, `current`).
 * @csspart check - A row's selection box.
 * @csspart sender - The sender or recipients.
 * @csspart subject - The subject.
 * @csspart thread-count - The number of messages of a conversation row.
 * @csspart snippet - The first words of the body.
 * @csspart date - The date.
 * @csspart marks - The marks of a row; each is a `mark`.
 * @csspart footer - The "loading more" line and its error.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error message region.
 * @csspart retry-button - The error's retry button.
 *
 * @cssproperty --mail-row-height - The height of a row (default 4.25rem). Rows all have this height.
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

  /** One row per conversation, with its message count (only where the backend's capabilities offer threads). */
  @property({ type: Boolean })
  threads = false;

  /** No actions that change the mailbox: no bulk actions, no drag. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** The id of the open (current) message. */
  @property({ attribute: 'selected-id' })
  selectedId = '';

  @state() private items: MessageSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private total: number | undefined = undefined;
  @state() private folders: Folder[] = [];
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private allInFolder = false;
  @state() private anchor: string | undefined = undefined;
  @state() private active: string | undefined = undefined;
  @state() private loadingMore = false;
  @state() private moreError: MailError | undefined = undefined;
  @state() private failure: ActionFailure | undefined = undefined;
  @state() private busy = false;
  @state() private announcement = '';
  @state() private revision = 0;
  @state() private fresh = true;
  /** The rows on screen; a re-render follows only where it matters, with the virtualizer (`aria-activedescendant`). */
  private range = { first: 0, last: -1 };

  private listingKey = '';
  private pendingScroll = 0;
  private loadingPromise: Promise<boolean> | undefined;

  private readonly live = new LiveController(
    this,
    () => this.activeBackend,
    (change) => this.onChange(change),
  );

  /** `@lit-labs/virtualizer`, loaded when the list outgrows plain rendering; plain rows stay if it fails to load. */
  private readonly virtualizer = new LazyModule<typeof Virtualize>(
    this,
    () => import('@lit-labs/virtualizer/virtualize.js'),
  );

  private readonly page = new Task(this, {
    task: async ([backend, folder, pageSize, filter, threads], { signal }) => {
      if (!folder) return false;
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const [page, folders] = await Promise.all([
          backend.listMessages(
            { ...filter, folderId: folder, limit: this.limit(pageSize), ...(threads ? { threads: true } : {}) },
            { signal },
          ),
          backend.listFolders({}, { signal }),
        ]);
        signal.throwIfAborted();
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        this.total = page.total;
        this.folders = folders.items;
        this.fresh = false;
        this.announce(this.countText());
        this.emit('mail-list-load', { folderId: folder, total: page.total, loaded: page.items.length });
        return true;
      } catch (error) {
        const mailError = this.reportError(error, 'listMessages');
        this.announce(this.localize.term(`error.${mailError.code}`));
        throw mailError;
      }
    },
    args: () => [this.activeBackend, this.folder, this.pageSize, this.filter, this.threads, this.revision] as const,
  });

  // --- public API

  /** The rows loaded so far, in list order. */
  get messages(): readonly MessageSummary[] {
    return this.items;
  }

  /** How many messages (or conversations) match in all, when the backend says. */
  get count(): number | undefined {
    return this.total;
  }

  /** The selected ids in list order (empty while the whole folder is selected: see `allSelected`). */
  get selectedIds(): string[] {
    return this.items.filter((item) => this.selected.has(item.id)).map((item) => item.id);
  }

  /** The whole folder is selected, rows not loaded included. */
  get allSelected(): boolean {
    return this.allInFolder;
  }

  /** The id of the active row (clicked or reached by keyboard; not necessarily checked), if any. */
  get activeId(): string | undefined {
    return this.active;
  }

  /** Lists the folder again from the top, keeping the rows on screen until the new ones arrive. */
  refresh(): void {
    this.revision++;
  }

  /** Loads the next page; resolves to whether more remain. */
  loadMore(): Promise<boolean> {
    void this.virtualizer.request();
    this.loadingPromise ??= this.fetchNext().finally(() => (this.loadingPromise = undefined));
    return this.loadingPromise;
  }

  /** Selects every loaded row; `inFolder` selects the whole folder, rows not loaded yet included. */
  selectAll(inFolder = false): void {
    this.selected = new Set(this.items.map((item) => item.id));
    this.allInFolder = inFolder;
    this.emitSelect();
  }

  clearSelection(): void {
    this.selected = new Set();
    this.allInFolder = false;
    this.emitSelect();
  }

  /**
   * Moves the active row by `delta` rows and returns it, leaving the checks as they are (`extend` checks the range
   * from the anchor instead); `open` opens it too. Loads the next page when moving past the last loaded row.
   */
  async moveActive(delta: number, options: { open?: boolean; extend?: boolean } = {}) {
    // With no active row, -1: the first move down lands on the first row.
    const index = this.activeIndex();
    let target = Math.max(0, Math.min(this.items.length - 1, index + delta));
    if (index + delta >= this.items.length && this.nextCursor) {
      await this.loadMore();
      target = Math.max(0, Math.min(this.items.length - 1, index + delta));
    }
    const message = this.items[target];
    if (!message) return undefined;
    this.setActive(message, { shift: !!options.extend, toggle: false });
    if (options.open) this.open(message);
    return message;
  }

  /** Checks the active row, or unchecks it. */
  toggleActive(): void {
    const message = this.items[this.activeIndex()];
    if (message) this.setActive(message, { shift: false, toggle: true });
  }

  /** Opens the active row. */
  openActive(): void {
    const message = this.items[this.activeIndex()];
    if (message) this.open(message);
  }

  /** Runs a bulk action on the checked rows (or the active row when none is checked); false if nothing ran. */
  async run(action: BulkAction, targetFolderId?: string): Promise<boolean> {
    const ids = this.targetIds();
    if (!ids.length && !this.allInFolder) return false;
    return this.perform(action, ids, this.allInFolder, targetFolderId);
  }

  /** Moves messages (dropped on a folder, say) as a bulk action: cancelable, optimistic, rolled back on failure. */
  moveMessages(ids: string[], targetFolderId: string): Promise<boolean> {
    return this.perform('move', ids, false, targetFolderId);
  }

  /** Changes flags of messages optimistically without a `mail-action` (marking seen after reading, say). */
  async setFlags(ids: string[], flags: FlagChanges): Promise<boolean> {
    return this.applyFlags(ids, flags, ids.length, flags.seen === false ? 'unread' : 'read', true);
  }

  /** Scrolls so that row `index` is at the top. */
  scrollToIndex(index: number): void {
    const scroller = this.scroller;
    if (scroller) scroller.scrollTop = Math.max(0, index) * this.rowHeight();
  }

  // --- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = JSON.stringify([this.folder, this.pageSize, this.filter, this.threads]);
    if (key !== this.listingKey || changed.has('backend')) {
      this.listingKey = key;
      this.items = [];
      this.nextCursor = null;
      this.total = undefined;
      this.selected = new Set();
      this.allInFolder = false;
      this.anchor = undefined;
      this.active = undefined;
      this.moreError = undefined;
      this.failure = undefined;
      this.fresh = true;
      this.range = { first: 0, last: -1 };
      if (this.folder) this.announce(this.localize.term('state.loading'));
    }
    if (changed.has('selectedId') && this.selectedId) {
      this.active = this.selectedId;
      this.anchor ??= this.selectedId;
    }
    if (this.items.length > PLAIN_ROWS) void this.virtualizer.request();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.live.sync();
    if (this.virtualizer.value) this.dropStrayMarkers();
    // `items` is private, hence not among the keys PropertyValues<this> knows.
    if ((changed as Map<PropertyKey, unknown>).has('items') && !this.virtualizer.value) this.measurePlainRange();
    if (this.pendingScroll) {
      const delta = this.pendingScroll;
      this.pendingScroll = 0;
      // After the virtualizer has sized itself for the new rows, or the new scrollTop would be clamped.
      requestAnimationFrame(() => {
        const scroller = this.scroller;
        if (scroller) scroller.scrollTop += delta;
      });
    }
  }

  // --- rendering

  protected override render() {
    return html`${this.renderToolbar()}${this.renderBanner()}${this.renderFailure()}
      <div class="body">
        ${this.page.render({
          initial: () => nothing,
          pending: () => (this.fresh ? this.renderSkeleton() : this.renderRows()),
          complete: (loaded) => (loaded ? this.renderRows() : nothing),
          error: (error) => renderError(this.localize, MailError.from(error), () => this.refresh()),
        })}
      </div>
      ${this.renderFooter()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  private renderToolbar(): TemplateResult {
    const loaded = this.items.length;
    const selectedCount = this.allInFolder ? (this.total ?? loaded) : this.selected.size;
    const checked = selectedCount === 0 ? 'false' : selectedCount >= loaded && loaded > 0 ? 'true' : 'mixed';
    const some = selectedCount > 0 || !!this.active;
    const canAct = some && !this.readonly && !this.busy;
    const term = this.localize.term.bind(this.localize);
    const button = (action: BulkAction, glyph: IconDefinition, label: string) =>
      html`<button
        class="icon-button"
        part="action action-${action}"
        type="button"
        title=${label}
        aria-label=${label}
        ?disabled=${!canAct && !(action === 'link' && some && !this.busy)}
        @click=${() => this.run(action)}
      >
        ${icon(glyph)}
      </button>`;
    // Not Drafts: moving received mail into Drafts means nothing.
    const moveTargets = this.folders.filter(
      (folder) => folder.selectable && folder.id !== this.folder && folder.role !== 'drafts',
    );
    return html`<div part="toolbar" role="toolbar" aria-label=${term('list.toolbar')}>
      <button
        class="icon-button check-all"
        part="select-all"
        type="button"
        role="checkbox"
        aria-checked=${checked}
        aria-label=${term('list.select-all')}
        title=${term('list.select-all')}
        ?disabled=${!loaded}
        @click=${() => (checked === 'false' ? this.selectAll() : this.clearSelection())}
      >
        <span class="box" aria-hidden="true"
          >${checked === 'true' ? icon(checkIcon, 12) : checked === 'mixed' ? '–' : ''}</span
        >
      </button>
      <button
        class="icon-button"
        part="action action-refresh"
        type="button"
        title=${term('list.refresh')}
        aria-label=${term('list.refresh')}
        @click=${() => this.refresh()}
      >
        ${icon(refreshIcon)}
      </button>
      ${
        this.readonly || !some
          ? nothing
          : html`<span class="actions">
              ${button('read', mailOpenIcon, term('list.read'))} ${button('unread', mailIcon, term('list.unread'))}
              ${button('flag', starIcon, term('list.flag'))} ${button('unflag', starOutlineIcon, term('list.unflag'))}
              ${button('archive', archiveIcon, term('list.archive'))}
              ${button('delete', trashIcon, term('list.delete'))}
              <span class="move-wrap" title=${term('list.move')}>
                <span class="move-icon" aria-hidden="true">${icon(folderIcon)}</span>
                <select
                  class="move"
                  part="action action-move"
                  aria-label=${term('list.move')}
                  ?disabled=${!canAct || !moveTargets.length}
                  @change=${this.onMoveChange}
                >
                  <option value="">${term('list.move')}</option>
                  ${moveTargets.map((folder) => html`<option value=${folder.id}>${this.folderName(folder)}</option>`)}
                </select>
              </span>
            </span>`
      }
      ${some ? button('link', linkIcon, term('list.link')) : nothing}
      <slot name="toolbar"></slot>
      <span part="count">${this.renderCount(selectedCount)}</span>
    </div>`;
  }

  /** The count in the toolbar, its number isolated so that a right-to-left page keeps "300 messages" in order. */
  private renderCount(selectedCount: number): TemplateResult | typeof nothing {
    if (selectedCount > 1) {
      const shown = this.localize.number(selectedCount);
      return isolate(this.localize.term('list.selected', selectedCount, shown), shown);
    }
    if (this.total === undefined) return nothing;
    return isolate(this.countText(), this.localize.number(this.total));
  }

  private renderBanner(): TemplateResult | typeof nothing {
    const total = this.total;
    const loaded = this.items.length;
    if (this.allInFolder) {
      return html`<div part="banner">
        <span
          >${this.localize.term('list.all-folder-selected', total ?? loaded, this.localize.number(total ?? loaded))}</span
        >
        <button class="link-button" type="button" @click=${() => this.clearSelection()}>
          ${this.localize.term('list.clear-selection')}
        </button>
      </div>`;
    }
    if (!loaded || this.selected.size < loaded || total === undefined || total <= loaded) return nothing;
    return html`<div part="banner">
      <span>${this.localize.term('list.all-loaded-selected', loaded, this.localize.number(loaded))}</span>
      <button class="link-button" type="button" @click=${() => this.selectAll(true)}>
        ${this.localize.term('list.select-all-folder', total, this.localize.number(total))}
      </button>
    </div>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div part="action-error" role="alert" data-code=${failure.error.code}>
      <span
        >${this.localize.term('list.failed', failure.count)} ${this.localize.term(`error.${failure.error.code}`)}</span
      >
      <button class="link-button" type="button" @click=${() => (this.failure = undefined)}>
        ${this.localize.term('list.dismiss')}
      </button>
    </div>`;
  }

  private renderFooter(): TemplateResult | typeof nothing {
    if (this.moreError) {
      return html`<div part="footer">${renderError(this.localize, this.moreError, () => this.loadMore())}</div>`;
    }
    if (this.loadingMore) {
      return html`<div part="footer" class="loading-more">${this.localize.term('list.loading-more')}</div>`;
    }
    return nothing;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" role="status" aria-busy="true" aria-label=${this.localize.term('state.loading')}>
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

  private renderRows(): TemplateResult {
    if (!this.items.length) {
      return html`<div part="empty"><slot name="empty">${this.localize.term('messages.empty')}</slot></div>`;
    }
    const role = this.folders.find((folder) => folder.id === this.folder)?.role;
    const recipientsFirst = role === 'sent' || role === 'drafts';
    const activeIndex = this.activeIndex();
    const virtualizer = this.virtualizer.value;
    // Plain rows are all in the DOM; virtualized, only those of the range are.
    const activeShown = virtualizer
      ? activeIndex >= this.range.first && activeIndex <= this.range.last
      : activeIndex >= 0;
    const setSize = Math.max(this.total ?? 0, this.items.length);
    const renderItem = (item: MessageSummary, index: number) =>
      this.renderRow(item, index, setSize, recipientsFirst, index === activeIndex);
    return html`<div
      part="list"
      role="listbox"
      tabindex="0"
      aria-label=${this.localize.term('messages.label')}
      aria-multiselectable="true"
      aria-activedescendant=${activeShown && this.active ? rowDomId(this.active) : nothing}
      @keydown=${this.onKeyDown}
      @focus=${this.onListFocus}
      @click=${this.onClick}
      @dragstart=${this.onDragStart}
      @rangeChanged=${this.onRangeChanged}
      @scroll=${this.onPlainScroll}
    >
      ${
        virtualizer
          ? virtualizer.virtualize({
              items: this.items,
              scroller: true,
              keyFunction: (item: MessageSummary) => item.id,
              renderItem,
            })
          : this.items.slice(0, PLAIN_ROWS_MAX).map(renderItem)
      }
    </div>`;
  }

  private renderRow(
    message: MessageSummary,
    index: number,
    setSize: number,
    recipientsFirst: boolean,
    active: boolean,
  ): TemplateResult {
    const unread = !message.flags.seen;
    const selected = this.allInFolder || this.selected.has(message.id);
    const current = message.id === this.selectedId;
    const who = recipientsFirst
      ? this.recipientsText(message)
      : displayName(message.from) || this.localize.term('messages.unknown-sender');
    const parts = ['row', unread && 'unread', selected && 'selected', current && 'current', active && 'active']
      .filter(Boolean)
      .join(' ');
    return html`<div
      part=${parts}
      role="option"
      id=${rowDomId(message.id)}
      data-id=${message.id}
      data-index=${index}
      aria-selected=${selected ? 'true' : 'false'}
      aria-posinset=${index + 1}
      aria-setsize=${setSize}
      draggable=${this.readonly ? 'false' : 'true'}
    >
      <span part="check" class="check" aria-hidden="true">${selected ? icon(checkIcon, 12) : nothing}</span>
      <span part="sender" dir="auto">${who}</span>
      <span part="date"><time dir="auto" datetime=${message.date}>${this.localize.listDate(message.date)}</time></span>
      <span part="subject" dir="auto"
        >${message.subject || this.localize.term('messages.no-subject')}${
          message.threadSize && message.threadSize > 1
            ? html`<span
                  part="thread-count"
                  aria-hidden="true"
                  title=${this.localize.term('list.thread', message.threadSize)}
                  >${message.threadSize}</span
                ><span class="visually-hidden"> ${this.localize.term('list.thread', message.threadSize)}</span>`
            : nothing
        }</span
      >
      <span part="marks">${this.renderMarks(message)}</span>
      <span part="snippet" dir="auto">${message.snippet}</span>
    </div>`;
  }

  /** "To: …" of a Sent or Drafts row, the names isolated: the sender's `dir="auto"` then follows the label's language. */
  private recipientsText(message: MessageSummary): (string | TemplateResult)[] {
    const names = message.to.map((address) => displayName(address)).join(', ');
    return isolateValues(this.localize.term('messages.to', names), names);
  }

  private renderMarks(message: MessageSummary): TemplateResult[] {
    const marks: [boolean, 'flagged' | 'attachment' | 'answered' | 'forwarded' | 'linked', IconDefinition][] = [
      [message.flags.flagged, 'flagged', starIcon],
      [message.hasAttachments, 'attachment', paperclipIcon],
      [message.flags.answered, 'answered', replyIcon],
      [message.flags.forwarded, 'forwarded', forwardIcon],
      [message.linked, 'linked', linkIcon],
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

  // --- helpers

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="list"]');
  }

  /**
   * Removes the markers that Lit's `repeat` (inside `virtualize`) leaves behind: since lit-html 3.3 (lit/lit#4975) it
   * removes a row with its start marker but not its end marker, an empty comment. Scrolling would leave one per row
   * scrolled past (and the takeover of the plain rows one per plain row), and the virtualizer walks every child of the
   * list several times a frame (its `_children`), so frames would grow slower with each row. A rendered row's markers
   * are its neighbours (its template is one element); an empty comment next to no row is a leftover.
   */
  private dropStrayMarkers(): void {
    const list = this.scroller;
    let node = list?.firstChild ?? null;
    while (node) {
      const next: ChildNode | null = node.nextSibling;
      if (
        node.nodeType === Node.COMMENT_NODE &&
        !(node as Comment).data &&
        !isRow(node.previousSibling) &&
        !isRow(next)
      ) {
        node.remove();
      }
      node = next;
    }
  }

  private rowHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('[role="option"]')?.offsetHeight || DEFAULT_ROW_HEIGHT;
  }

  private limit(pageSize: number): number {
    return Math.max(1, Math.min(PAGE_SIZE_MAX, Math.floor(pageSize) || PAGE_SIZE_DEFAULT));
  }

  private folderName(folder: Folder): string {
    return folder.role && folder.role !== 'all' && folder.role !== 'flagged'
      ? this.localize.term(`role.${folder.role}`)
      : folder.path;
  }

  private filtering(): boolean {
    return Object.values(this.filter).some((value) => value !== undefined && value !== '');
  }

  private countText(): string {
    const total = this.total ?? this.items.length;
    const shown = this.localize.number(total);
    // Grouped by conversation, the total counts conversations, not messages.
    if (this.filtering()) return this.localize.term('list.results', total, shown);
    return this.localize.term(this.threads ? 'list.conversations' : 'list.count', total, shown);
  }

  private announce(text: string): void {
    // A changed text is what screen readers announce; repeat texts get a zero-width space to be spoken again.
    this.announcement = text === this.announcement ? `${text}\u200b` : text;
  }

  private activeIndex(): number {
    return this.active === undefined ? -1 : this.items.findIndex((item) => item.id === this.active);
  }

  private targetIds(): string[] {
    const ids = this.selectedIds;
    if (ids.length) return ids;
    return this.active && this.items.some((item) => item.id === this.active) ? [this.active] : [];
  }

  private emitSelect(navigated = false): void {
    const message = this.items[this.activeIndex()] ?? this.items.find((item) => this.selected.has(item.id));
    if (message) this.emit('mail-select', { message, ids: this.selectedIds, all: this.allInFolder, navigated });
  }

  /** The checks after `selectWith` on `id` with `modifiers`. */
  private checkWith(id: string, modifiers: PointerModifiers): SelectionState {
    const next = selectWith(
      { selected: this.selected, anchor: this.anchor, active: this.active },
      this.items.map((item) => item.id),
      id,
      modifiers,
    );
    this.selected = next.selected;
    this.anchor = next.anchor;
    this.allInFolder = false;
    return next;
  }

  /**
   * Makes `message` the active row. A plain move leaves the checks alone (the active row is current, not checked);
   * shift checks the range from the anchor, toggle checks or unchecks the row.
   */
  private setActive(message: MessageSummary, modifiers: PointerModifiers): void {
    const plain = !modifiers.shift && !modifiers.toggle;
    if (plain) {
      this.active = message.id;
      this.anchor = message.id;
    } else {
      this.active = this.checkWith(message.id, modifiers).active;
    }
    this.emitSelect(plain);
    this.revealActive();
  }

  /** A click on a row's box: checks or unchecks it (shift: checks the range from the anchor), never opens it. */
  private toggleCheck(message: MessageSummary, shift: boolean): void {
    this.checkWith(message.id, { shift, toggle: true });
    this.emitSelect();
  }

  private open(message: MessageSummary): void {
    this.selectedId = message.id;
    this.emit('mail-open', { message });
  }

  /** Scrolls the active row into view (by scrollTop: rows have one height, and scrollIntoView misbehaves far down). */
  private revealActive(): void {
    const index = this.activeIndex();
    const scroller = this.scroller;
    if (index < 0 || !scroller) return;
    const height = this.rowHeight();
    const top = index * height;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + height > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + height - scroller.clientHeight;
    }
  }

  private async fetchNext(): Promise<boolean> {
    const backend = this.activeBackend;
    const cursor = this.nextCursor;
    if (!backend || !cursor) return false;
    const key = this.listingKey;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await backend.listMessages({
        ...this.filter,
        folderId: this.folder,
        limit: this.limit(this.pageSize),
        cursor,
        ...(this.threads ? { threads: true } : {}),
      });
      if (key !== this.listingKey) return false;
      // Keyset cursors never repeat a row; the check covers the boundary, cheaply even with 100,000 rows loaded.
      const known = new Set(this.items.slice(-2 * PAGE_SIZE_MAX).map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(item.id))];
      if (this.allInFolder) this.selected = new Set(this.items.map((item) => item.id));
      this.nextCursor = page.nextCursor;
      if (page.total !== undefined) this.total = page.total;
      return page.nextCursor !== null;
    } catch (error) {
      if (key === this.listingKey) this.moreError = this.reportError(error, 'listMessages');
      return false;
    } finally {
      this.loadingMore = false;
    }
  }

  // --- events

  private onRangeChanged(event: RangeChangedEvent): void {
    const before = this.range;
    this.onRange(event.first, event.last);
    // The virtualizer renders the rows itself; the list re-renders only when `aria-activedescendant` changes (it names
    // the active row only while that row is rendered), not on every range change of a scroll.
    const active = this.active === undefined ? -1 : this.activeIndex();
    const within = (range: { first: number; last: number }) => active >= range.first && active <= range.last;
    if (active >= 0 && within(before) !== within(this.range)) this.requestUpdate();
    // After the virtualizer's own listener (which renders the new range), in the same task.
    queueMicrotask(() => this.dropStrayMarkers());
  }

  /** The rows on screen changed: remember them, and fetch the next page as they near the end. */
  private onRange(first: number, last: number): void {
    this.range = { first, last };
    const nearEnd = last >= this.items.length - Math.max(10, Math.floor(this.limit(this.pageSize) / 2));
    if (nearEnd && this.nextCursor && !this.moreError) void this.loadMore();
  }

  private readonly onPlainScroll = (): void => {
    if (!this.virtualizer.value) this.measurePlainRange();
  };

  /** Without the virtualizer the range comes from the scroll position (rows all have one height). */
  private measurePlainRange(): void {
    const scroller = this.scroller;
    if (!scroller || !this.items.length) return;
    const height = this.rowHeight();
    const last = this.items.length - 1;
    const first = Math.min(last, Math.floor(scroller.scrollTop / height));
    this.onRange(first, Math.min(last, Math.ceil((scroller.scrollTop + scroller.clientHeight) / height) - 1));
  }

  private onClick(event: MouseEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const message = row && this.items[Number(row.dataset.index)];
    if (!message) return;
    if ((event.target as Element).closest('[part="check"]')) return this.toggleCheck(message, event.shiftKey);
    const toggle = event.ctrlKey || event.metaKey;
    this.setActive(message, { shift: event.shiftKey, toggle });
    if (!toggle && !event.shiftKey) this.open(message);
  }

  /**
   * Tabbing into the list lands on a row, so the focus ring has somewhere to show: the first row in view becomes
   * active (neither checked nor opened). A pointer focuses the list on the way to its own row, so only keyboard focus.
   */
  private onListFocus(event: FocusEvent): void {
    const list = event.currentTarget as HTMLElement;
    if (this.items[this.activeIndex()] || !list.matches(':focus-visible')) return;
    const message = this.items[Math.min(Math.max(0, this.range.first), this.items.length - 1)];
    if (!message) return;
    this.active = message.id;
    this.anchor = message.id;
    this.emitSelect();
  }

  private onDragStart(event: DragEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const id = row?.dataset.id;
    if (!id || this.readonly || !event.dataTransfer) {
      event.preventDefault();
      return;
    }
    const ids = this.selected.has(id) ? this.selectedIds : [id];
    const payload: MessageDragPayload = { ids, folderId: this.folder };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(MESSAGE_DRAG_TYPE, JSON.stringify(payload));
    event.dataTransfer.setData('text/plain', this.localize.term('list.drag', ids.length));
  }

  private onMoveChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const target = select.value;
    select.value = '';
    if (target) void this.run('move', target);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor((this.scroller?.clientHeight ?? 0) / this.rowHeight()) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      const index = this.activeIndex();
      const target = delta === -Infinity ? -index : delta === Infinity ? this.items.length - 1 - index : delta;
      void this.moveActive(target, { extend: event.shiftKey });
      return;
    }
    const message = this.items[this.activeIndex()];
    if (event.key === 'Enter' && message) {
      event.preventDefault();
      this.open(message);
    } else if (event.key === ' ' && message) {
      event.preventDefault();
      this.setActive(message, { shift: event.shiftKey, toggle: !event.shiftKey });
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      this.selectAll();
    } else if (event.key === 'Delete' && !this.readonly) {
      event.preventDefault();
      void this.run('delete');
    } else if (event.key === 'Escape' && (this.selected.size > 0 || this.allInFolder)) {
      event.preventDefault();
      this.clearSelection();
    }
  }

  // --- actions

  private async perform(action: BulkAction, ids: string[], all: boolean, target?: string): Promise<boolean> {
    if (this.readonly && MUTATIONS.has(action)) return false;
    const targetFolderId = action === 'archive' ? this.folders.find((folder) => folder.role === 'archive')?.id : target;
    const messages = this.items.filter((item) => ids.includes(item.id));
    const detail: ActionEventDetail = {
      action,
      ids,
      messages,
      all,
      folderId: this.folder,
      ...(targetFolderId ? { targetFolderId } : {}),
    };
    if (!this.emit('mail-action', detail, { cancelable: true })) return false;
    if (action === 'link') return true;
    this.failure = undefined;
    if (action === 'archive' && !targetFolderId) {
      this.failure = { action, count: ids.length, error: new MailError('unsupported', 'No Archive folder.') };
      return false;
    }
    if (all) return this.performOnFolder(action, targetFolderId);
    const flags = FLAGS_OF[action];
    if (flags) return this.applyFlags(ids, flags, ids.length, action);
    return this.removeRows(action, ids, targetFolderId);
  }

  /** Every member of the thread rows among `ids` (a conversation row stands for all its messages in the folder). */
  private async expand(backend: MailBackend, ids: string[]): Promise<string[]> {
    if (!this.threads) return ids;
    const all = new Set(ids);
    for (const item of this.items) {
      if (!all.has(item.id) || !item.threadId || (item.threadSize ?? 1) <= 1) continue;
      let cursor: string | undefined;
      do {
        const page = await backend.listMessages({
          folderId: this.folder,
          threadId: item.threadId,
          limit: PAGE_SIZE_MAX,
          ...(cursor ? { cursor } : {}),
        });
        for (const member of page.items) all.add(member.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return [...all];
  }

  private async applyFlags(
    ids: string[],
    flags: FlagChanges,
    count: number,
    action: BulkAction,
    quiet = false,
  ): Promise<boolean> {
    const backend = this.activeBackend;
    if (!backend || !ids.length) return false;
    const wanted = new Set(ids);
    const before = new Map<string, MessageSummary['flags']>();
    this.items = this.items.map((item) => {
      if (!wanted.has(item.id)) return item;
      before.set(item.id, item.flags);
      return { ...item, flags: { ...item.flags, ...flags } };
    });
    try {
      const all = await this.expand(backend, ids);
      for (const chunk of chunks(all)) await backend.setFlags({ ids: chunk, flags });
      if (!quiet) this.announce(this.doneText(action, count));
      return true;
    } catch (error) {
      // Undo only what is still as we left it: a live update may have changed a row since.
      this.items = this.items.map((item) => {
        const previous = before.get(item.id);
        return previous ? { ...item, flags: previous } : item;
      });
      this.fail(action, count, error, 'setFlags');
      return false;
    }
  }

  private async removeRows(action: BulkAction, ids: string[], targetFolderId: string | undefined): Promise<boolean> {
    const backend = this.activeBackend;
    if (!backend || !ids.length) return false;
    if (action === 'move' && !targetFolderId) return false;
    const wanted = new Set(ids);
    const removed = this.items.map((item, index) => ({ item, index })).filter(({ item }) => wanted.has(item.id));
    const before = this.items;
    const firstIndex = removed[0]?.index ?? 0;
    const remaining = before.filter((item) => !wanted.has(item.id));
    const activeGone = this.active !== undefined && wanted.has(this.active);
    this.items = remaining;
    this.selected = new Set([...this.selected].filter((id) => !wanted.has(id)));
    if (this.total !== undefined) this.total = Math.max(0, this.total - removed.length);
    if (activeGone) {
      // Like every mail client: the next message takes the removed one's place.
      const next = remaining[Math.min(firstIndex, remaining.length - 1)];
      this.active = next?.id;
      this.anchor = next?.id;
      if (next) this.emitSelect();
    }
    this.busy = true;
    try {
      const all = await this.expand(backend, ids);
      for (const chunk of chunks(all)) {
        if (action === 'delete') await backend.deleteMessages({ ids: chunk });
        else await backend.moveMessages({ ids: chunk, folderId: targetFolderId! });
      }
      this.announce(this.doneText(action, removed.length, targetFolderId));
      return true;
    } catch (error) {
      // Put the rows back where they were, keeping any row that arrived meanwhile.
      const present = new Set(this.items.map((item) => item.id));
      const restored = [...this.items];
      for (const { item, index } of removed) {
        if (!present.has(item.id)) restored.splice(Math.min(index, restored.length), 0, item);
      }
      this.items = restored;
      if (this.total !== undefined) this.total += removed.length;
      this.fail(action, removed.length, error, action === 'delete' ? 'deleteMessages' : 'moveMessages');
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A bulk action on the whole folder: every id is collected by cursor, then changed in chunks. */
  private async performOnFolder(action: BulkAction, targetFolderId: string | undefined): Promise<boolean> {
    const backend = this.activeBackend;
    if (!backend) return false;
    this.busy = true;
    const count = this.total ?? this.items.length;
    this.announce(this.localize.term('list.working', count));
    try {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await backend.listMessages({
          ...this.filter,
          folderId: this.folder,
          limit: PAGE_SIZE_MAX,
          ...(cursor ? { cursor } : {}),
        });
        for (const item of page.items) ids.push(item.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const flags = FLAGS_OF[action];
      if (flags) {
        this.items = this.items.map((item) => ({ ...item, flags: { ...item.flags, ...flags } }));
        for (const chunk of chunks(ids)) await backend.setFlags({ ids: chunk, flags });
      } else {
        this.items = [];
        for (const chunk of chunks(ids)) {
          if (action === 'delete') await backend.deleteMessages({ ids: chunk });
          else await backend.moveMessages({ ids: chunk, folderId: targetFolderId! });
        }
      }
      this.announce(this.doneText(action, ids.length, targetFolderId));
      this.allInFolder = false;
      this.selected = new Set();
      return true;
    } catch (error) {
      this.fail(action, count, error, 'bulk');
      return false;
    } finally {
      this.busy = false;
      // Whatever happened, show the folder as the server has it now.
      this.refresh();
    }
  }

  private doneText(action: BulkAction, count: number, targetFolderId?: string): string {
    const term = this.localize.term.bind(this.localize);
    const folder = this.folders.find((candidate) => candidate.id === targetFolderId);
    switch (action) {
      case 'read':
        return term('list.done-read', count);
      case 'unread':
        return term('list.done-unread', count);
      case 'flag':
        return term('list.done-flag', count);
      case 'unflag':
        return term('list.done-unflag', count);
      case 'archive':
        return term('list.done-archive', count);
      case 'delete':
        return term('list.done-delete', count);
      default:
        return term('list.done-move', count, folder ? this.folderName(folder) : '');
    }
  }

  private fail(action: BulkAction, count: number, error: unknown, operation: string): void {
    const mailError = this.reportError(error, operation);
    this.failure = { action, count, error: mailError };
    this.announce(`${this.localize.term('list.failed', count)} ${this.localize.term(`error.${mailError.code}`)}`);
  }

  // --- live updates

  private onChange(change: MailboxChange): void {
    switch (change.type) {
      case 'message-added':
        if (change.folderId === this.folder) this.insertLive(change.message);
        break;
      case 'message-updated':
        if (change.folderId === this.folder && this.items.some((item) => item.id === change.id)) {
          this.items = this.items.map((item) => (item.id === change.id ? { ...item, flags: change.flags } : item));
        }
        break;
      case 'message-removed':
        if (change.folderId === this.folder) this.removeLive(change.id);
        break;
      case 'folders-changed':
        void this.activeBackend?.listFolders().then(
          (folders) => (this.folders = folders.items),
          () => undefined,
        );
        break;
      case 'resync':
        if (!change.folderId || change.folderId === this.folder) this.refresh();
        break;
    }
  }

  private insertLive(message: MessageSummary): void {
    // Under a search the server decides what matches: new mail shows on the next search, not here.
    if (
      this.page.status !== TaskStatus.COMPLETE ||
      this.filtering() ||
      this.items.some((item) => item.id === message.id)
    )
      return;
    let items = this.items;
    let added = message;
    let removedAbove = 0;
    if (this.threads && message.threadId) {
      const index = items.findIndex((item) => item.threadId === message.threadId);
      if (index >= 0) {
        added = { ...message, threadSize: (items[index]!.threadSize ?? 1) + 1 };
        if (index < this.range.first) removedAbove = 1;
        items = items.filter((_, at) => at !== index);
      }
    }
    const time = Date.parse(message.date);
    let position = items.findIndex((item) => Date.parse(item.date) < time);
    if (position < 0) {
      // Older than every loaded row: the cursor brings it in its turn (keyset, so nothing shifts).
      if (this.nextCursor) return;
      position = items.length;
    }
    this.items = [...items.slice(0, position), added, ...items.slice(position)];
    if (removedAbove === 0 && this.total !== undefined) this.total++;
    // Keep what the reader is looking at in place: rows inserted above the first visible row push the view down.
    const scroller = this.scroller;
    if (scroller && scroller.scrollTop > 0 && position <= this.range.first) {
      this.pendingScroll += this.rowHeight() * (1 - removedAbove);
    }
  }

  private removeLive(id: string): void {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return;
    this.items = this.items.filter((item) => item.id !== id);
    if (this.selected.has(id)) this.selected = new Set([...this.selected].filter((each) => each !== id));
    if (this.total !== undefined) this.total = Math.max(0, this.total - 1);
    const scroller = this.scroller;
    if (scroller && scroller.scrollTop > 0 && index < this.range.first) this.pendingScroll -= this.rowHeight();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-select': CustomEvent<SelectionEventDetail>;
    'mail-open': CustomEvent<MessageEventDetail>;
    'mail-action': CustomEvent<ActionEventDetail>;
    'mail-list-load': CustomEvent<ListLoadEventDetail>;
  }
}
