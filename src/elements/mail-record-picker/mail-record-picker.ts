import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MailError, type RecordRef } from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { renderError } from '../base/error-view.js';
import { icon, searchIcon } from '../base/icons.js';
import { recordPickerStyles } from './mail-record-picker.styles.js';
import '../../i18n/strings/links.js';

/** Detail of `mail-record-select`. */
export interface RecordSelectDetail {
  record: RecordRef;
  ids: string[];
}

interface Results {
  items: RecordRef[];
  configured: string[];
}

let nextId = 0;

/**
 * @tagname mail-record-picker
 * @summary A dialog that finds a business record (through the backend's record search, over every object that has a
 * link configuration) and links the given messages to it: the inbox's bulk action "Link to record". The search field
 * is a WAI-ARIA combobox with a list of suggestions.
 *
 * @event mail-record-select - A record was chosen. Cancelable: cancel it to do your own linking.
 * @event mail-linked - The messages were linked. `detail.ids`, `detail.record`, `detail.links`.
 * @event mail-picker-close - The dialog closed (linked or cancelled).
 * @event mail-error - Searching or linking failed.
 *
 * @csspart dialog - The dialog.
 * @csspart combobox - The search field.
 * @csspart listbox - The list of records.
 * @csspart option - One record (also `active`, `selected`).
 * @csspart link-button - The "Link" button.
 * @csspart cancel-button - The "Cancel" button.
 * @csspart empty - "No records match".
 * @csspart error - The error region.
 * @csspart error-message - The text of the error region.
 */
export class MailRecordPicker extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, ...recordPickerStyles];

  /** The messages to link. */
  @property({ attribute: false })
  messageIds: string[] = [];

  /** Searches only this object (such as `customers`). Empty: every object that has a link configuration. */
  @property({ attribute: 'object-name' })
  objectName = '';

  /** Whether the dialog is open. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Milliseconds to wait after typing before searching. */
  @property({ type: Number, attribute: 'search-delay' })
  searchDelay = 200;

  @state() private query = '';
  @state() private typed = '';
  @state() private activeIndex = -1;
  @state() private selected: RecordRef | undefined = undefined;
  @state() private expanded = false;
  @state() private linking = false;
  @state() private linkError: MailError | undefined = undefined;

  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('input') private input!: HTMLInputElement | null;

  private readonly uid = `picker-${++nextId}`;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly results = new Task(this, {
    task: async ([backend, open, objectName, query], { signal }): Promise<Results | undefined> => {
      if (!open) return undefined;
      try {
        if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
        const [configs, records] = await Promise.all([
          backend.listLinkConfigs({}, { signal }),
          backend.searchRecords({ query, limit: 20, ...(objectName ? { objectName } : {}) }, { signal }),
        ]);
        const configured = configs.items.map((c) => c.objectName);
        return { items: records.items.filter((r) => configured.includes(r.objectName)), configured };
      } catch (error) {
        throw this.reportError(error, 'searchRecords');
      }
    },
    args: () => [this.activeBackend, this.open, this.objectName, this.query] as const,
  });

  /** Opens the dialog for `ids` (or the current `messageIds`). */
  show(ids?: string[]): void {
    if (ids) this.messageIds = [...ids];
    this.open = true;
  }

  /** Closes the dialog without linking. */
  close(): void {
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('open') && this.open) this.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.input?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private reset(): void {
    this.query = '';
    this.typed = '';
    this.activeIndex = -1;
    this.selected = undefined;
    this.expanded = true;
    this.linkError = undefined;
  }

  protected override render() {
    const t = this.localize;
    const count = this.messageIds.length;
    return html`<dialog
      part="dialog"
      aria-labelledby="${this.uid}-title"
      @close=${this.onDialogClose}
      @cancel=${this.onDialogCancel}
    >
      <form method="dialog" @submit=${this.onSubmit}>
        <h2 id="${this.uid}-title">${t.term('picker.title')}</h2>
        <p class="hint">${count ? t.term('picker.intro', count) : t.term('picker.intro-none')}</p>
        <label for="${this.uid}-input" id="${this.uid}-label" class="label">${t.term('picker.search-label')}</label>
        <div class="combo">
          <span class="search-icon" aria-hidden="true">${icon(searchIcon, 14)}</span>
          <input
            id="${this.uid}-input"
            part="combobox"
            type="text"
            role="combobox"
            aria-labelledby="${this.uid}-label"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="${this.uid}-listbox"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-activedescendant=${this.activeOptionId() ?? nothing}
            placeholder=${t.term('picker.placeholder')}
            .value=${this.typed}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
          />
        </div>
        ${this.renderResults()}
        ${
          this.selected
            ? html`<p class="chosen" role="status">${t.term('picker.chosen', this.selected.title)}</p>`
            : html`<p class="chosen" role="status"></p>`
        }
        ${this.linkError ? renderError(t, this.linkError) : nothing}
        <div class="actions">
          <button class="button" part="cancel-button" type="button" @click=${() => this.close()}>
            ${t.term('links.cancel')}
          </button>
          <button class="button primary" part="link-button" type="submit" ?disabled=${!this.selected || this.linking}>
            ${this.linking ? t.term('picker.linking') : count ? t.term('picker.link', count) : t.term('picker.choose')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private renderResults(): TemplateResult {
    const t = this.localize;
    const list = (items: RecordRef[], busy: boolean) =>
      html`<ul
        id="${this.uid}-listbox"
        part="listbox"
        role="listbox"
        aria-label=${t.term('picker.results')}
        aria-busy=${busy ? 'true' : 'false'}
        ?hidden=${!this.expanded}
      >
        ${items.map((record, index) => this.renderOption(record, index))}
      </ul>`;
    return this.results.render({
      initial: () => list([], true),
      pending: () => list(this.results.value?.items ?? [], true),
      complete: (results) => {
        if (!results) return list([], false);
        if (!results.configured.length)
          return html`${list([], false)}
            <p part="empty">${t.term('picker.none-configured')}</p>`;
        return html`${list(results.items, false)}
        ${results.items.length ? nothing : html`<p part="empty">${t.term('picker.no-results', this.query)}</p>`}`;
      },
      error: (error) =>
        html`${list([], false)}
        ${renderError(t, MailError.from(error), () => {
          void this.results.run();
        })}`,
    });
  }

  private renderOption(record: RecordRef, index: number): TemplateResult {
    const active = index === this.activeIndex;
    const selected = this.isSelected(record);
    const parts = ['option', active ? 'active' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
    // Options are reached from the combobox's keyboard (aria-activedescendant); the click is for pointers.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<li
      id="${this.uid}-option-${index}"
      part=${parts}
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      data-object=${record.objectName}
      data-id=${record.objectId}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
      @click=${() => this.choose(record, index)}
    >
      <span class="title">${record.title}</span>
      <span class="meta">${record.objectName} · ${record.objectId}${record.email ? ` · ${record.email}` : ''}</span>
    </li>`;
  }

  private isSelected(record: RecordRef): boolean {
    return this.selected?.objectName === record.objectName && this.selected.objectId === record.objectId;
  }

  private items(): RecordRef[] {
    return this.results.value?.items ?? [];
  }

  private activeOptionId(): string | undefined {
    return this.expanded && this.activeIndex >= 0 && this.activeIndex < this.items().length
      ? `${this.uid}-option-${this.activeIndex}`
      : undefined;
  }

  private readonly onInput = (event: Event): void => {
    this.typed = (event.target as HTMLInputElement).value;
    this.expanded = true;
    this.activeIndex = -1;
    this.selected = undefined;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = this.typed.trim()), this.searchDelay);
  };

  /** WAI-ARIA combobox with a listbox popup: arrows move the active option, Enter chooses, Escape closes the list. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.items();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.expanded || event.altKey) {
          this.expanded = true;
          return;
        }
        if (items.length) this.setActive(this.activeIndex + 1 >= items.length ? 0 : this.activeIndex + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        this.expanded = true;
        if (items.length) this.setActive(this.activeIndex <= 0 ? items.length - 1 : this.activeIndex - 1);
        return;
      case 'Enter': {
        const record = this.expanded ? items[this.activeIndex] : undefined;
        if (record) {
          event.preventDefault();
          this.choose(record, this.activeIndex);
        } else if (!this.selected) event.preventDefault();
        return;
      }
      case 'Escape':
        // Closes the list, then clears the field; only then does Escape close the dialog.
        if (this.expanded && items.length) {
          this.expanded = false;
        } else if (this.typed) {
          this.typed = '';
          this.query = '';
          this.selected = undefined;
        } else return;
        event.preventDefault();
        event.stopPropagation();
        this.activeIndex = -1;
        return;
      default:
        return;
    }
  };

  private setActive(index: number): void {
    this.activeIndex = index;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#${this.uid}-option-${index}`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private choose(record: RecordRef, index: number): void {
    this.selected = record;
    this.activeIndex = index;
    this.typed = record.title;
    this.expanded = false;
    this.linkError = undefined;
    this.input?.focus();
  }

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const record = this.selected;
    const backend = this.activeBackend;
    if (!record || this.linking) return;
    const ids = [...this.messageIds];
    if (!this.emit('mail-record-select', { record, ids }, { cancelable: true })) {
      this.close();
      return;
    }
    if (!ids.length) {
      this.close();
      return;
    }
    if (!backend) {
      this.linkError = new MailError('unsupported', this.localize.term('error.no-backend'));
      return;
    }
    this.linking = true;
    this.linkError = undefined;
    try {
      const { items } = await backend.linkMessages({ ids, objectName: record.objectName, objectId: record.objectId });
      this.emit('mail-linked', { ids, record: { ...record }, links: items });
      this.close();
    } catch (error) {
      this.linkError = this.reportError(error, 'linkMessages');
    } finally {
      this.linking = false;
    }
  };

  private readonly onDialogCancel = (event: Event): void => {
    // Escape while the list is open only closes the list (handled on the input); otherwise it closes the dialog.
    if (this.linking) event.preventDefault();
  };

  private readonly onDialogClose = (): void => {
    if (this.open) this.open = false;
    this.emit('mail-picker-close', { ids: [...this.messageIds] });
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-record-select': CustomEvent<RecordSelectDetail>;
    'mail-picker-close': CustomEvent<{ ids: string[] }>;
  }
}
