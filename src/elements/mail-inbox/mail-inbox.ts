import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Capabilities, Folder, MailboxChange, MailError, MessageSummary } from '../../core/index.js';
import { PAGE_SIZE_DEFAULT } from '../../core/constants.js';
import { displayName } from '../../core/text.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderPartState } from '../base/error-view.js';
import {
  backIcon,
  closeIcon,
  composeIcon,
  downIcon,
  filterIcon,
  icon,
  keyboardIcon,
  mailIcon,
  menuIcon,
  searchIcon,
  threadsIcon,
  upIcon,
} from '../base/icons.js';
import { isolate } from '../../i18n/bidi.js';
import { LazyModule } from '../base/lazy-module.js';
import { LiveController } from '../base/live.js';
import type { FolderDropDetail, FolderSelectDetail, MailFolderTree } from '../mail-folder-tree/mail-folder-tree.js';
import type {
  ActionEventDetail,
  MailMessageList,
  MessageEventDetail,
  SelectionEventDetail,
} from '../mail-message-list/mail-message-list.js';
import type { MailMessageView, ReplyEventDetail } from '../mail-message-view/mail-message-view.js';
import type { RecordLinkEventDetail } from '../mail-object-mails/mail-object-mails.js';
import { inboxStyles } from './mail-inbox.styles.js';
import type * as Panels from './panels.js';
import { isFiltering, parseSearch, type SearchFilter } from './search-syntax.js';
import { SHORTCUTS, commandFor, isTyping, type ShortcutCommand } from './shortcuts.js';
import '../../i18n/strings/inbox.js';

/** Detail of `mail-folder-change`. */
export interface FolderChangeDetail {
  folder: Folder;
}

/** Detail of `mail-new-mail`. */
export interface NewMailDetail {
  /** The new messages, newest last, as they arrived. */
  messages: MessageSummary[];
}

/** Detail of `mail-composer-open`: the composer is about to open. */
export interface ComposerOpenDetail {
  mode: ComposeMode;
  /** The message answered or forwarded, or the draft continued. */
  sourceId: string;
  objectName: string;
  objectId: string;
}

/** `draft` continues the saved draft `sourceId`. */
export type ComposeMode = 'new' | 'reply' | 'reply-all' | 'forward' | 'draft';
/** The elements the inbox opens on user action, loaded the first time one is needed. */
export type OnDemandElement = 'mail-composer' | 'mail-record-picker';
/** Registers an element the inbox opens on demand, such as `() => import('mail-elements/mail-composer.js')`. */
export type ElementLoader = () => Promise<unknown>;
export type InboxLayout = 'auto' | 'columns' | 'single';
type Pane = 'folders' | 'list' | 'reader';

const TREE_WIDTH = { min: 160, max: 420, initial: 232 };
const LIST_WIDTH = { min: 280, max: 900, initial: 420 };
const SINGLE_BELOW = 900;
const STEP = 16;
/** A change that arrives this soon after our own move is that move, not new mail. */
const OWN_MOVE_MS = 30_000;

/**
 * @tagname mail-inbox
 * @summary The whole webmail: folder tree | message list | reader, resizable, with search and filters, bulk actions,
 * live updates, conversations, keyboard shortcuts, the composer and linking to records.
 *
 * Wide, it shows three panes separated by splitters (drag them, or focus one and use the arrow keys, Home and End).
 * Narrow (under 900 px, or with `layout="single"`), it shows one pane at a time: the list, the reader with a back
 * button, and the folders behind a button.
 *
 * A draft opens in the composer, to be finished (in a read-only inbox, in the reader).
 *
 * Shortcuts (off with `shortcuts="off"`; never while typing in a field): j/k next and previous, o or Enter open,
 * u or Esc back, x select, e archive, # or Delete delete, s flag, Shift+I / Shift+U read / unread, c compose,
 * r reply, a reply all, f forward, / search, ? help.
 *
 * @event mail-folder-change - The folder shown changed. `detail.folder`.
 * @event mail-select - The selection in the list changed (from `<mail-message-list>`).
 * @event mail-open - A message was opened (from `<mail-message-list>`).
 * @event mail-action - Before a bulk action; cancelable (from `<mail-message-list>`).
 * @event mail-new-mail - New unread mail arrived. `detail.messages`.
 * @event mail-composer-open - The composer is about to open; cancelable (open your own). `detail`: `mode` (`draft` to
 * continue the saved draft `sourceId`), `sourceId`, `objectName`, `objectId`.
 * @event mail-error - Anything failed (from the inbox or any pane).
 *
 * @slot toolbar - Extra buttons in the list's toolbar.
 * @slot empty - What the list shows when a folder or a search has no messages.
 *
 * @csspart folders - The folder pane.
 * @csspart list-pane - The message list pane.
 * @csspart reader - The reading pane.
 * @csspart splitter - Each splitter (also `splitter-folders`, `splitter-list`).
 * @csspart header - The bar above the list (search, compose, conversations, help).
 * @csspart search - The search form; `search-input` its field.
 * @csspart search-error - Below the search box: the operator value of the query it does not understand.
 * @csspart filters - The filter panel; `search-tips` the search syntax it lists.
 * @csspart folders-close - On one pane at a time, the button that goes back from the folders to the list.
 * @csspart compose-button - The "Compose" button.
 * @csspart reader-toolbar - Back, previous and next above the reader.
 * @csspart conversation - The messages of the open conversation.
 * @csspart reader-empty - What the reader shows with nothing open.
 * @csspart help-dialog - The keyboard shortcuts dialog.
 * @csspart composer-dialog - The dialog around `<mail-composer>`.
 * @csspart picker-dialog - What stands in for `<mail-record-picker>` while it loads, or when it failed to load.
 * @csspart loading - What the composer, the record picker, the shortcut list or the filter panel shows while it loads,
 * the first time it opens (each arrives as a chunk of its own).
 * @csspart error - Why one of them could not be loaded; `error-message` its text, `retry-button` its retry button.
 *
 * @cssproperty --mail-inbox-folders-width - The folder pane's initial width (default 232px).
 * @cssproperty --mail-inbox-list-width - The list pane's initial width (default 420px).
 * @cssproperty --mail-inbox-height - The inbox's height (default 100%; give the host or this a height).
 */
export class MailInbox extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, inboxStyles];

  /**
   * How the inbox registers the elements it opens on user action, the first time one is needed: set by
   * `mail-elements/mail-inbox.js`, so that the composer and the record picker arrive as separate chunks. A tag the page
   * has defined itself is used as it is; one with neither a definition nor a loader shows a short notice instead.
   */
  static onDemand: Partial<Record<OnDemandElement, ElementLoader>> = {};

  /** The id of the folder shown. Empty: the inbox-role folder. */
  @property({ reflect: true })
  folder = '';

  /** Messages fetched per page (1 to 200). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = PAGE_SIZE_DEFAULT;

  /** The id of the message open in the reader. */
  @property({ reflect: true })
  message = '';

  /** Nothing that changes the mailbox: no actions, no compose, no marking as read. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** `on` (default) or `off`: the keyboard shortcuts. */
  @property()
  shortcuts: 'on' | 'off' = 'on';

  /** `auto` (by width), `columns` (three panes) or `single` (one pane at a time). */
  @property({ reflect: true })
  layout: InboxLayout = 'auto';

  /** The host record's object name: carried into replies and forwards, and offered when linking. */
  @property({ attribute: 'object-name' })
  objectName = '';

  /** The host record's primary key, with `object-name`. */
  @property({ attribute: 'object-id' })
  objectId = '';

  /** Milliseconds an open unread message waits before it is marked as read; negative: never. */
  @property({ type: Number, attribute: 'seen-delay' })
  seenDelay = 1500;

  @state() private narrow = false;
  @state() private pane: Pane = 'list';
  @state() private treeWidth = 0;
  @state() private listWidth = 0;
  @state() private query = '';
  @state() private filter: SearchFilter = {};
  @state() private filtersOpen = false;
  @state() private conversations: boolean | undefined = undefined;
  @state() private openSummary: MessageSummary | undefined = undefined;
  @state() private viewId = '';
  @state() private selectionCount = 0;
  @state() private thread: MessageSummary[] = [];
  @state() private composing: ComposerOpenDetail | undefined = undefined;
  @state() private linking: string[] | undefined = undefined;
  @state() private announcement = '';
  @state() private searchError = '';
  @state() private hasEmptySlot = false;

  @query('mail-message-list') private list!: MailMessageList | null;
  @query('mail-folder-tree') private tree!: MailFolderTree | null;
  @query('.search-input') private searchInput!: HTMLInputElement | null;
  @query('.help-dialog') private helpDialog!: HTMLDialogElement | null;
  @query('.composer-dialog') private composerDialog!: HTMLDialogElement | null;
  @query('.picker-dialog') private pickerStandIn!: HTMLDialogElement | null;

  private seenTimer: ReturnType<typeof setTimeout> | undefined;
  private newMailTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingNewMail: MessageSummary[] = [];
  private readonly ownMoves = new Map<string, number>();
  private resizeObserver: ResizeObserver | undefined;
  private readonly childObserver = new MutationObserver(() => this.checkSlots());
  private threadAbort: AbortController | undefined;

  /** A part that failed to load is reported (`mail-error`) once per attempt; its place in the inbox says so. */
  private readonly partOptions = { onError: (error: MailError) => void this.reportError(error, 'loadElement') };
  /** The composer's registration: loaded on the first compose, or earlier when the Compose button is pointed at. */
  private readonly composerElement = new LazyModule(this, () => this.loadElement('mail-composer'), this.partOptions);
  /** The record picker's registration: loaded on the first "Link to a record". */
  private readonly pickerElement = new LazyModule(this, () => this.loadElement('mail-record-picker'), this.partOptions);

  /** The shortcut list and the filter panel: loaded when first opened, or when their buttons are pointed at. */
  private readonly panels = new LazyModule<typeof Panels>(this, () => import('./panels.js'), this.partOptions);

  private readonly live = new LiveController(
    this,
    () => this.activeBackend,
    (change) => this.onChange(change),
  );

  private readonly setup = new Task(this, {
    task: async ([backend], { signal }) => {
      if (!backend) return undefined;
      try {
        const [capabilities, folders] = await Promise.all([
          backend.getCapabilities({}, { signal }),
          backend.listFolders({}, { signal }),
        ]);
        return { capabilities, folders: folders.items } satisfies { capabilities: Capabilities; folders: Folder[] };
      } catch (error) {
        this.reportError(error, 'getCapabilities');
        return undefined;
      }
    },
    args: () => [this.activeBackend] as const,
  });

  // --- public API

  /**
   * Opens the composer: a new message, a reply, reply to all or forward of `sourceId` (default: the open one), or the
   * saved draft `sourceId` to go on writing it.
   */
  compose(mode: ComposeMode = 'new', sourceId = this.viewId): void {
    if (this.readonly) return;
    const detail: ComposerOpenDetail = {
      mode,
      sourceId: mode === 'new' ? '' : sourceId,
      objectName: this.objectName,
      objectId: this.objectId,
    };
    if (mode !== 'new' && !detail.sourceId) return;
    if (!this.emit('mail-composer-open', detail, { cancelable: true })) return;
    this.composing = detail;
    void this.composerElement.retry();
    void this.updateComplete.then(() => {
      if (!this.composerDialog?.open) this.composerDialog?.showModal();
    });
  }

  /** Shows the keyboard shortcuts dialog (its list arrives with the first opening). */
  showShortcuts(): void {
    void this.panels.retry();
    this.helpDialog?.showModal();
  }

  /** Searches with the small syntax (`from:ana is:unread`); an empty query clears the search. */
  search(query: string): void {
    this.query = query;
    this.filter = parseSearch(query);
  }

  // --- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      if (entry) this.narrow = entry.contentRect.width < SINGLE_BELOW;
    });
    this.resizeObserver.observe(this);
    this.childObserver.observe(this, { childList: true, attributes: true, attributeFilter: ['slot'] });
    this.checkSlots();
    document.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.childObserver.disconnect();
    document.removeEventListener('keydown', this.onKeyDown);
    clearTimeout(this.seenTimer);
    clearTimeout(this.newMailTimer);
    this.threadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('message') && this.message !== this.viewId) {
      this.viewId = this.message;
      const summary = this.list?.messages.find((item) => item.id === this.message);
      this.openSummary = summary;
      if (this.message && this.single) this.pane = 'reader';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.live.sync();
  }

  // --- rendering

  private get single(): boolean {
    return this.layout === 'single' || (this.layout === 'auto' && this.narrow);
  }

  private get folders(): Folder[] {
    return this.setup.value?.folders ?? [];
  }

  private get currentFolder(): string {
    return this.folder || this.folders.find((folder) => folder.role === 'inbox')?.id || '';
  }

  /** Drafts are listed one by one: a reply and a forward of one message are two things to finish, not a thread. */
  private get inDrafts(): boolean {
    return this.folders.find((folder) => folder.id === this.currentFolder)?.role === 'drafts';
  }

  private get threadsOn(): boolean {
    return !!this.setup.value?.capabilities.threads && (this.conversations ?? true) && !this.inDrafts;
  }

  protected override render() {
    const single = this.single;
    const style = [
      this.treeWidth ? `--_tree-width:${this.treeWidth}px` : '',
      this.listWidth ? `--_list-width:${this.listWidth}px` : '',
    ].join(';');
    return html`<div class="layout" data-layout=${single ? 'single' : 'columns'} data-pane=${this.pane} style=${style}>
        <nav
          part="folders"
          class="folders"
          aria-label=${this.localize.term('inbox.folders')}
          @keydown=${this.onFoldersKey}
        >
          ${single ? this.renderBack('folders-close') : nothing}
          <mail-folder-tree
            .backend=${this.backend}
            selected=${this.currentFolder}
            ?readonly=${this.readonly}
            @mail-folder-select=${this.onFolderSelect}
            @mail-folder-drop=${this.onFolderDrop}
          ></mail-folder-tree>
        </nav>
        ${single ? nothing : this.renderSplitter('folders')}
        <section part="list-pane" class="list-pane" aria-label=${this.localize.term('inbox.messages')}>
          ${this.renderHeader(single)}
          ${
            this.searchError
              ? html`<p part="search-error" id="search-error" role="alert">${this.searchError}</p>`
              : nothing
          }
          ${this.filtersOpen ? this.renderFilters() : nothing}
          <mail-message-list
            .backend=${this.backend}
            folder=${this.currentFolder}
            page-size=${this.pageSize}
            .filter=${this.filter}
            ?threads=${this.threadsOn}
            ?readonly=${this.readonly}
            selected-id=${this.viewId}
            @mail-open=${this.onOpen}
            @mail-select=${this.onSelect}
            @mail-action=${this.onAction}
            @mail-list-load=${this.onListLoad}
          >
            <slot name="toolbar" slot="toolbar"></slot>
            ${this.hasEmptySlot ? html`<slot name="empty" slot="empty"></slot>` : nothing}
          </mail-message-list>
        </section>
        ${single ? nothing : this.renderSplitter('list')}
        <section part="reader" class="reader" aria-label=${this.localize.term('inbox.reader')}>
          ${this.renderReader(single)}
        </section>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.renderHelp()} ${this.renderComposer()} ${this.renderPicker()}`;
  }

  private renderSplitter(which: 'folders' | 'list'): TemplateResult {
    const limits = which === 'folders' ? TREE_WIDTH : LIST_WIDTH;
    const value = Math.round(this.paneWidth(which));
    return html`<div
      part="splitter splitter-${which}"
      class="splitter"
      role="separator"
      tabindex="0"
      aria-orientation="vertical"
      aria-label=${this.localize.term(which === 'folders' ? 'inbox.resize-folders' : 'inbox.resize-list')}
      aria-valuemin=${limits.min}
      aria-valuemax=${limits.max}
      aria-valuenow=${value}
      @keydown=${(event: KeyboardEvent) => this.onSplitterKey(event, which)}
      @pointerdown=${(event: PointerEvent) => this.onSplitterPointer(event, which)}
    ></div>`;
  }

  private renderHeader(single: boolean): TemplateResult {
    const term = this.localize.term.bind(this.localize);
    const filtering = isFiltering(this.filter);
    const canThreads = !!this.setup.value?.capabilities.threads;
    return html`<div part="header" class="header">
      ${
        single
          ? html`<button
              class="icon-button"
              type="button"
              aria-label=${term('inbox.show-folders')}
              title=${term('inbox.show-folders')}
              @click=${this.showFolders}
            >
              ${icon(menuIcon, 18)}
            </button>`
          : nothing
      }
      <form part="search" class="search" role="search" @submit=${this.onSearchSubmit}>
        <span class="search-icon" aria-hidden="true">${icon(searchIcon)}</span>
        <input
          class="search-input"
          part="search-input"
          type="search"
          name="q"
          autocomplete="off"
          aria-label=${term('search.label')}
          aria-describedby="search-hint search-error"
          aria-invalid=${this.searchError ? 'true' : nothing}
          placeholder=${term('search.placeholder')}
          .value=${this.query}
          @keydown=${this.onSearchKey}
        />
        <span id="search-hint" class="visually-hidden">${term('search.hint')}</span>
        ${
          filtering || this.query
            ? html`<button
                class="icon-button"
                part="search-clear"
                type="button"
                aria-label=${term('search.clear')}
                title=${term('search.clear')}
                @click=${this.clearSearch}
              >
                ${icon(closeIcon)}
              </button>`
            : nothing
        }
        <button
          class="icon-button"
          part="filters-button"
          type="button"
          aria-label=${term('search.filters')}
          title=${term('search.filters')}
          aria-expanded=${this.filtersOpen ? 'true' : 'false'}
          aria-controls="filters"
          @pointerenter=${this.preloadPanels}
          @focus=${this.preloadPanels}
          @click=${this.toggleFilters}
        >
          ${icon(filterIcon)}
        </button>
      </form>
      ${
        canThreads
          ? html`<button
              class="icon-button"
              part="threads-button"
              type="button"
              aria-pressed=${this.threadsOn ? 'true' : 'false'}
              ?disabled=${this.inDrafts}
              aria-label=${term('inbox.threads')}
              title=${term('inbox.threads')}
              @click=${() => (this.conversations = !this.threadsOn)}
            >
              ${icon(threadsIcon)}
            </button>`
          : nothing
      }
      ${
        this.shortcuts === 'off'
          ? nothing
          : html`<button
              class="icon-button"
              part="help-button"
              type="button"
              aria-label=${term('shortcuts.open-help')}
              title=${term('shortcuts.open-help')}
              @pointerenter=${this.preloadPanels}
              @focus=${this.preloadPanels}
              @click=${() => this.showShortcuts()}
            >
              ${icon(keyboardIcon, 18)}
            </button>`
      }
      ${
        this.readonly
          ? nothing
          : html`<button
              class="button primary compose"
              part="compose-button"
              type="button"
              title=${term('inbox.compose')}
              @pointerenter=${this.preloadComposer}
              @focus=${this.preloadComposer}
              @click=${() => this.compose()}
            >
              ${icon(composeIcon)}<span>${term('inbox.compose')}</span>
            </button>`
      }
    </div>`;
  }

  /** Back to the list: from the reader, or from the folders (Escape too) when they take the whole width. */
  private renderBack(part: 'back-button' | 'folders-close'): TemplateResult {
    const label = this.localize.term('inbox.back');
    return html`<button
      class="icon-button"
      part=${part}
      type="button"
      aria-label=${label}
      title=${label}
      @click=${() => this.back()}
    >
      ${icon(backIcon, 18)}
    </button>`;
  }

  private renderFilters(): TemplateResult {
    const panels = this.panels.value;
    if (panels) {
      return panels.renderFilterPanel(this.localize, this.filter, {
        submit: this.onFiltersSubmit,
        clear: this.clearSearch,
      });
    }
    return html`<div id="filters" class="filters">${renderPartState(this.localize, this.panels)}</div>`;
  }

  private renderReader(single: boolean): TemplateResult {
    const term = this.localize.term.bind(this.localize);
    const items = this.list?.messages ?? [];
    const index = this.openSummary ? items.findIndex((item) => item.id === this.openSummary!.id) : -1;
    const total = Math.max(this.list?.count ?? 0, items.length);
    // "3 of 2,454", its numbers isolated so that a right-to-left page keeps them in the sentence's order.
    const position = [this.localize.number(index + 1), this.localize.number(total)] as const;
    const toolbar = html`<div
      part="reader-toolbar"
      class="reader-toolbar"
      role="toolbar"
      aria-label=${term('inbox.reader')}
    >
      ${single ? this.renderBack('back-button') : nothing}
      <button
        class="icon-button"
        part="previous-button"
        type="button"
        aria-label=${term('inbox.previous')}
        title=${term('inbox.previous')}
        ?disabled=${index <= 0}
        @click=${() => this.step(-1)}
      >
        ${icon(upIcon, 18)}
      </button>
      <button
        class="icon-button"
        part="next-button"
        type="button"
        aria-label=${term('inbox.next')}
        title=${term('inbox.next')}
        ?disabled=${index < 0 || (index >= items.length - 1 && total <= items.length)}
        @click=${() => this.step(1)}
      >
        ${icon(downIcon, 18)}
      </button>
      ${
        index >= 0
          ? html`<span class="position">${isolate(term('inbox.position', ...position), ...position)}</span>`
          : nothing
      }
    </div>`;
    if (!this.viewId) {
      return html`${single ? toolbar : nothing}
        <div part="reader-empty" class="reader-empty">
          ${icon(mailIcon, 40)}
          <p>
            ${this.selectionCount > 1 ? term('inbox.selected-many', this.selectionCount) : term('inbox.reader-empty')}
          </p>
        </div>`;
    }
    return html`${toolbar} ${this.thread.length > 1 ? this.renderConversation() : nothing}
      <mail-message-view
        .backend=${this.backend}
        message-id=${this.viewId}
        @mail-reply=${this.onReply}
        @mail-link-request=${this.onLinkRequest}
      ></mail-message-view>`;
  }

  private renderConversation(): TemplateResult {
    return html`<ol
      part="conversation"
      class="conversation"
      aria-label=${this.localize.term('inbox.conversation', this.thread.length)}
    >
      ${[...this.thread].reverse().map(
        (message) =>
          html`<li>
            <button
              type="button"
              class=${message.flags.seen ? '' : 'unread'}
              aria-current=${message.id === this.viewId ? 'true' : 'false'}
              @click=${() => this.view(message)}
            >
              <span class="who">${displayName(message.from) || this.localize.term('messages.unknown-sender')}</span>
              <span class="snippet">${message.snippet}</span>
              <time datetime=${message.date}>${this.localize.listDate(message.date)}</time>
            </button>
          </li>`,
      )}
    </ol>`;
  }

  private renderHelp(): TemplateResult {
    const term = this.localize.term.bind(this.localize);
    const panels = this.panels.value;
    return html`<dialog part="help-dialog" class="help-dialog" aria-labelledby="help-title">
      <div class="dialog-head">
        <h2 id="help-title">${term('shortcuts.title')}</h2>
        <form method="dialog">
          <button class="icon-button" aria-label=${term('inbox.close')} title=${term('inbox.close')}>
            ${icon(closeIcon)}
          </button>
        </form>
      </div>
      ${panels ? panels.renderShortcutList(this.localize, this.readonly) : renderPartState(this.localize, this.panels)}
    </dialog>`;
  }

  private renderComposer(): TemplateResult {
    const composing = this.composing;
    const draft = composing?.mode === 'draft';
    const term = this.localize.term.bind(this.localize);
    const title = composing ? term(`inbox.compose-${composing.mode}`) : '';
    // The composer brings its own title and close button; the dialog adds them only around what stands in for it.
    const defined = !!customElements.get('mail-composer');
    return html`<dialog
      part="composer-dialog"
      class="composer-dialog"
      aria-label=${title || term('inbox.compose')}
      @close=${this.onComposerDialogClose}
      @mail-sent=${this.closeComposer}
      @mail-discard=${this.closeComposer}
      @mail-compose-close=${this.closeComposer}
    >
      ${
        !composing
          ? nothing
          : defined
            ? html`<mail-composer
                .backend=${this.backend}
                mode=${draft ? 'new' : composing.mode}
                source-id=${(!draft && composing.sourceId) || nothing}
                draft-id=${(draft && composing.sourceId) || nothing}
                object-name=${composing.objectName || nothing}
                object-id=${composing.objectId || nothing}
              ></mail-composer>`
            : html`${this.renderDialogHead(title)}
              ${this.renderOnDemand(this.composerElement, term('inbox.composer-missing'))}`
      }
    </dialog>`;
  }

  private renderDialogHead(title: string): TemplateResult {
    const term = this.localize.term.bind(this.localize);
    return html`<div class="dialog-head">
      <h2>${title}</h2>
      <form method="dialog">
        <button class="icon-button" aria-label=${term('inbox.close')} title=${term('inbox.close')}>
          ${icon(closeIcon)}
        </button>
      </form>
    </div>`;
  }

  /** What stands in for an on-demand element that is not there yet: loading, the error with a retry, or a notice. */
  private renderOnDemand(element: LazyModule<boolean>, missing: string): TemplateResult {
    if (element.value === false) return html`<p class="missing">${missing}</p>`;
    return renderPartState(this.localize, element);
  }

  private renderPicker(): TemplateResult | typeof nothing {
    if (!this.linking) return nothing;
    if (!customElements.get('mail-record-picker')) {
      // Modal like the picker it stands for, so that the page behind stays out of reach meanwhile.
      return html`<dialog
        part="picker-dialog"
        class="picker-dialog"
        aria-label=${this.localize.term('list.link')}
        @close=${this.onPickerStandInClose}
      >
        ${this.renderDialogHead(this.localize.term('list.link'))}
        ${this.renderOnDemand(this.pickerElement, this.localize.term('inbox.picker-missing'))}
      </dialog>`;
    }
    return html`<mail-record-picker
      .backend=${this.backend}
      .messageIds=${this.linking}
      object-name=${this.objectName || nothing}
      open
      @mail-picker-close=${() => (this.linking = undefined)}
      @mail-linked=${this.onLinked}
    ></mail-record-picker>`;
  }

  // --- panes and splitters

  private paneWidth(which: 'folders' | 'list'): number {
    const set = which === 'folders' ? this.treeWidth : this.listWidth;
    if (set) return set;
    const pane = this.renderRoot.querySelector<HTMLElement>(which === 'folders' ? '.folders' : '.list-pane');
    return pane?.getBoundingClientRect().width || (which === 'folders' ? TREE_WIDTH : LIST_WIDTH).initial;
  }

  private resize(which: 'folders' | 'list', width: number): void {
    const limits = which === 'folders' ? TREE_WIDTH : LIST_WIDTH;
    const clamped = Math.round(Math.max(limits.min, Math.min(limits.max, width)));
    if (which === 'folders') this.treeWidth = clamped;
    else this.listWidth = clamped;
  }

  private onSplitterKey(event: KeyboardEvent, which: 'folders' | 'list'): void {
    const limits = which === 'folders' ? TREE_WIDTH : LIST_WIDTH;
    const rtl = this.localize.dir === 'rtl';
    const current = this.paneWidth(which);
    const deltas: Record<string, number> = {
      ArrowLeft: rtl ? STEP : -STEP,
      ArrowRight: rtl ? -STEP : STEP,
      Home: limits.min - current,
      End: limits.max - current,
    };
    const delta = deltas[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    this.resize(which, current + delta);
  }

  private onSplitterPointer(event: PointerEvent, which: 'folders' | 'list'): void {
    const splitter = event.currentTarget as HTMLElement;
    const start = event.clientX;
    const initial = this.paneWidth(which);
    const sign = this.localize.dir === 'rtl' ? -1 : 1;
    splitter.setPointerCapture(event.pointerId);
    const move = (moveEvent: PointerEvent) => this.resize(which, initial + sign * (moveEvent.clientX - start));
    const end = () => {
      splitter.removeEventListener('pointermove', move);
      splitter.removeEventListener('pointerup', end);
      splitter.removeEventListener('pointercancel', end);
    };
    splitter.addEventListener('pointermove', move);
    splitter.addEventListener('pointerup', end);
    splitter.addEventListener('pointercancel', end);
    event.preventDefault();
  }

  /** Escape goes back from the folders to the list; caught on the way down, as the tree keeps its keys to itself. */
  private readonly onFoldersKey = {
    capture: true,
    handleEvent: (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !isTyping(event)) this.back();
    },
  };

  private readonly showFolders = async (): Promise<void> => {
    this.pane = 'folders';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="folders-close"]')?.focus();
  };

  private back(): void {
    if (this.pane === 'reader' || this.pane === 'folders') {
      this.pane = 'list';
      void this.updateComplete.then(() => this.focusList());
    }
  }

  private focusList(): void {
    this.list?.shadowRoot?.querySelector<HTMLElement>('[part="list"]')?.focus();
  }

  private checkSlots(): void {
    this.hasEmptySlot = !!this.querySelector(':scope > [slot="empty"]');
  }

  // --- folders

  private onFolderSelect(event: CustomEvent<FolderSelectDetail>): void {
    const folder = event.detail.folder;
    if (this.single) this.pane = 'list';
    if (folder.id === this.currentFolder) return;
    this.folder = folder.id;
    this.closeReader();
    this.emit('mail-folder-change', { folder });
  }

  private onFolderDrop(event: CustomEvent<FolderDropDetail>): void {
    const list = this.list;
    if (!list || event.detail.sourceFolderId !== this.currentFolder) return;
    // The list moves them: optimistically, with mail-action first and a visible rollback on failure.
    event.preventDefault();
    void list.moveMessages(event.detail.ids, event.detail.folder.id);
  }

  // --- list and reader

  private onListLoad(): void {
    if (this.viewId && !this.openSummary) {
      this.openSummary = this.list?.messages.find((item) => item.id === this.viewId);
    }
    this.requestUpdate();
  }

  private onSelect(event: CustomEvent<SelectionEventDetail>): void {
    const { ids, all, message } = event.detail;
    this.selectionCount = all ? (this.list?.count ?? ids.length) : ids.length;
    // In columns, the reader follows the keyboard as it follows clicks; a single pane waits for "open".
    // A draft is not read but written: it waits for "open", which takes it to the composer.
    if (!this.single && !all && event.detail.navigated && !this.isDraft(message)) {
      this.openMessage(message);
    }
  }

  private onOpen(event: CustomEvent<MessageEventDetail>): void {
    const message = event.detail.message;
    if (this.isDraft(message)) return this.compose('draft', message.id);
    this.openMessage(message);
    if (this.single) this.pane = 'reader';
  }

  /** Whether `message` opens in the composer rather than the reader. */
  private isDraft(message: MessageSummary): boolean {
    return !this.readonly && (message.flags.draft || this.inDrafts);
  }

  private openMessage(message: MessageSummary): void {
    this.openSummary = message;
    this.view(message);
    this.message = message.id;
    void this.loadThread(message);
  }

  /** Shows one message in the reader (a conversation's member, say) and marks it read after the delay. */
  private view(message: MessageSummary): void {
    this.viewId = message.id;
    clearTimeout(this.seenTimer);
    if (this.readonly || message.flags.seen || this.seenDelay < 0) return;
    this.seenTimer = setTimeout(() => {
      if (this.viewId !== message.id) return;
      void this.list?.setFlags([message.id], { seen: true });
      this.thread = this.thread.map((item) =>
        item.id === message.id ? { ...item, flags: { ...item.flags, seen: true } } : item,
      );
    }, this.seenDelay);
  }

  private async loadThread(message: MessageSummary): Promise<void> {
    this.threadAbort?.abort();
    this.thread = [];
    const backend = this.activeBackend;
    if (!backend || !message.threadId || (message.threadSize ?? 1) <= 1) return;
    const abort = new AbortController();
    this.threadAbort = abort;
    try {
      const page = await backend.listMessages(
        { folderId: this.currentFolder, threadId: message.threadId, limit: 200 },
        { signal: abort.signal },
      );
      if (!abort.signal.aborted) this.thread = page.items;
    } catch (error) {
      this.reportError(error, 'listMessages');
    }
  }

  private closeReader(): void {
    clearTimeout(this.seenTimer);
    this.viewId = '';
    this.message = '';
    this.openSummary = undefined;
    this.thread = [];
    this.selectionCount = 0;
  }

  private async step(delta: number): Promise<void> {
    const message = await this.list?.moveActive(delta);
    if (message) this.openMessage(message);
  }

  private onAction(event: CustomEvent<ActionEventDetail>): void {
    const { action, messages } = event.detail;
    if (action === 'link') {
      if (this.canLink() && !event.defaultPrevented) this.link(event.detail.ids);
      return;
    }
    if (action === 'move' || action === 'archive' || action === 'delete') {
      const now = Date.now();
      for (const message of messages) if (message.messageId) this.ownMoves.set(message.messageId, now);
      if (messages.some((message) => message.id === this.viewId)) {
        // The open message leaves the folder: the reader follows the list to the next one once it has moved on.
        void this.updateComplete.then(() => this.followActive());
      }
    }
  }

  private followActive(): void {
    const list = this.list;
    const next = list?.messages.find((item) => item.id === list.activeId);
    if (next && !this.single) this.openMessage(next);
    else this.closeReader();
  }

  private onReply(event: CustomEvent<ReplyEventDetail>): void {
    this.compose(event.detail.mode, event.detail.message.id);
  }

  private onLinkRequest(event: CustomEvent<{ message: { id: string } }>): void {
    if (this.canLink() && !this.readonly) this.link([event.detail.message.id]);
  }

  /** Says what was linked, and shows it in the reader's "Linked to" line. */
  private onLinked(event: CustomEvent<RecordLinkEventDetail>): void {
    this.list?.refresh();
    this.renderRoot.querySelector<MailMessageView>('mail-message-view')?.refreshLinks();
    // The words of the reader's "Linked to" line, which now shows the record too.
    this.announcement = `${this.localize.term('message.linked-to')}: ${event.detail.record.title}`;
  }

  private readonly onPickerStandInClose = (event: Event): void => {
    // Closed by the user; not taken out of the page because the picker itself has arrived.
    if ((event.target as Element).isConnected) this.linking = undefined;
  };

  /** Whether the record picker is on the page or can be loaded. */
  private canLink(): boolean {
    return !!customElements.get('mail-record-picker') || !!MailInbox.onDemand['mail-record-picker'];
  }

  private link(ids: string[]): void {
    this.linking = ids;
    void this.pickerElement.retry();
    void this.updateComplete.then(() => {
      if (this.pickerStandIn && !this.pickerStandIn.open) this.pickerStandIn.showModal();
    });
  }

  // --- elements loaded on demand

  /** Defines `tag` through its loader unless the page already has it; false when there is neither. */
  private async loadElement(tag: OnDemandElement): Promise<boolean> {
    if (customElements.get(tag)) return true;
    const load = MailInbox.onDemand[tag];
    if (!load) return false;
    await load();
    return !!customElements.get(tag);
  }

  private readonly preloadPanels = (): void => {
    void this.panels.request();
  };

  private toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
    if (this.filtersOpen) void this.panels.retry();
  }

  /** Pointing at Compose is a good sign the composer is wanted: its chunk starts loading before the click. */
  private readonly preloadComposer = (): void => {
    if (!this.readonly) void this.composerElement.request();
  };

  /** The close event arrives a task later: by then a new compose may have opened the dialog again, for itself. */
  private onComposerDialogClose(): void {
    if (!this.composerDialog?.open) this.composing = undefined;
  }

  private closeComposer(): void {
    this.composerDialog?.close();
    this.composing = undefined;
  }

  // --- search

  private async onSearchSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const query = this.searchInput?.value ?? '';
    // The operator values are checked by the panels' chunk (loaded at once the first time); searches go on without it.
    this.searchError = (await this.panels.retry())?.searchError(this.localize, query) ?? '';
    if (this.searchError) return;
    this.search(query);
    this.filtersOpen = false;
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.searchInput) {
      event.stopPropagation();
      if (this.searchInput.value) this.clearSearch();
      else this.focusList();
    }
  }

  private onFiltersSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const panels = this.panels.value;
    if (!panels) return;
    const { filter, query } = panels.readFilterPanel(event.target as HTMLFormElement, this.filter.text);
    this.filter = filter;
    this.query = query;
    this.filtersOpen = false;
  }

  private clearSearch(): void {
    this.searchError = '';
    this.query = '';
    this.filter = {};
    if (this.searchInput) this.searchInput.value = '';
    this.searchInput?.focus();
  }

  // --- live updates

  private onChange(change: MailboxChange): void {
    if (change.type === 'folders-changed') {
      this.setup.run();
      return;
    }
    if (change.type !== 'message-added' || change.message.flags.seen) return;
    const now = Date.now();
    for (const [id, time] of this.ownMoves) if (now - time > OWN_MOVE_MS) this.ownMoves.delete(id);
    const messageId = change.message.messageId;
    if (messageId && this.ownMoves.has(messageId)) return;
    const role = this.folders.find((folder) => folder.id === change.folderId)?.role;
    if (role !== 'inbox' && change.folderId !== this.currentFolder) return;
    if (role === 'sent' || role === 'drafts' || role === 'trash' || role === 'junk') return;
    this.pendingNewMail.push(change.message);
    clearTimeout(this.newMailTimer);
    // A burst of arrivals is one announcement and one event.
    this.newMailTimer = setTimeout(() => this.flushNewMail(), 250);
  }

  private flushNewMail(): void {
    const messages = this.pendingNewMail;
    this.pendingNewMail = [];
    if (!messages.length) return;
    const first = messages[0]!;
    const text =
      messages.length === 1
        ? this.localize.term(
            'inbox.new-mail-from',
            displayName(first.from) || this.localize.term('messages.unknown-sender'),
          )
        : this.localize.term('inbox.new-mail', messages.length);
    this.announcement = text === this.announcement ? `${text}\u200b` : text;
    this.emit('mail-new-mail', { messages });
  }

  // --- keyboard shortcuts

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.shortcuts === 'off' || event.defaultPrevented || isTyping(event)) return;
    const path = event.composedPath();
    // Keys pressed inside the inbox, or with nothing focused on the page; not those meant for the host's own widgets.
    const nowhere = path[0] === document.body || path[0] === document.documentElement || path[0] === document;
    if (!nowhere && !path.includes(this)) return;
    if (path.some((node) => node instanceof HTMLDialogElement)) return;
    if (path.some((node) => node instanceof HTMLElement && node.getAttribute('role') === 'separator')) return;
    const command = commandFor(event);
    if (!command) return;
    const shortcut = SHORTCUTS.find((each) => each.command === command)!;
    if (this.readonly && shortcut.mutates) return;
    // Keys the focused list or tree already handle for themselves.
    const inTree = path.some((node) => node instanceof HTMLElement && node.getAttribute('role') === 'tree');
    if (inTree && (event.key === 'Enter' || event.key === 'Delete')) return;
    if (this.run(command)) event.preventDefault();
  };

  /** Runs a shortcut's command; false when it did nothing. */
  private run(command: ShortcutCommand): boolean {
    const list = this.list;
    switch (command) {
      case 'next':
      case 'previous':
        void this.list
          ?.moveActive(command === 'next' ? 1 : -1)
          .then((message) => message && this.pane === 'reader' && this.openMessage(message));
        return !!list;
      case 'open':
        list?.openActive();
        return !!list;
      case 'back':
        if (this.single && this.pane !== 'list') this.back();
        else this.focusList();
        return true;
      case 'select':
        list?.toggleActive();
        return !!list;
      case 'archive':
      case 'delete':
      case 'read':
      case 'unread':
        void list?.run(command);
        return !!list;
      case 'flag': {
        const ids = new Set(list?.selectedIds.length ? list.selectedIds : this.viewId ? [this.viewId] : []);
        const flagged = list?.messages.filter((item) => ids.has(item.id)).every((item) => item.flags.flagged);
        void list?.run(flagged ? 'unflag' : 'flag');
        return !!list;
      }
      case 'compose':
        this.compose();
        return true;
      case 'reply':
      case 'reply-all':
      case 'forward':
        if (!this.viewId) return false;
        this.compose(command, this.viewId);
        return true;
      case 'search':
        if (this.single) this.pane = 'list';
        void this.updateComplete.then(() => this.searchInput?.focus());
        return true;
      case 'help':
        this.showShortcuts();
        return true;
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-folder-change': CustomEvent<FolderChangeDetail>;
    'mail-new-mail': CustomEvent<NewMailDetail>;
    'mail-composer-open': CustomEvent<ComposerOpenDetail>;
  }
}
