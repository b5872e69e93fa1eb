import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { property, state } from 'lit/decorators.js';
import {
  MailError,
  formatAddress,
  parseAddress,
  parseAddressList,
  type Address,
  type AddressSuggestion,
} from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { addressInputStyles } from './mail-address-input.styles.js';
import '../../i18n/strings/composer.js';

/** One chip: a readable address, or text that is not one (kept so it can be corrected). */
export interface AddressEntry {
  text: string;
  address?: Address;
}

let nextId = 0;
const SUGGEST_DELAY_MS = 150;

function entryOf(text: string): AddressEntry {
  const address = parseAddress(text);
  return address ? { text: formatAddress(address), address } : { text: text.trim() };
}

/**
 * `a@x.com b@y.com`: the addresses of a text whose space-separated pieces are each a whole address, else undefined.
 * `Ana Pérez <ana@x.com>` stays one address, since `Ana` alone is none.
 */
function spacedAddresses(text: string): Address[] | undefined {
  const pieces = text.trim().split(/\s+/);
  if (pieces.length < 2) return undefined;
  const addresses = pieces.map((piece) => parseAddress(piece));
  return addresses.every((address) => address !== null) ? (addresses as Address[]) : undefined;
}

/**
 * @tagname mail-address-input
 * @summary Recipients as chips: type, paste many at once (`Ana <ana@acme.com>, "Doe, John" <j@x.org>; bob@y.com`),
 * or pick a suggestion from recent correspondents and business records. Addresses that cannot be read are kept as
 * marked chips to correct. The text field follows the WAI-ARIA combobox pattern.
 *
 * Keys: Down and Up move through the suggestions (Alt+Down opens them), Enter, Tab, comma or semicolon turn the
 * typed text (or the highlighted suggestion) into a chip, Escape closes the suggestions, Backspace in an empty field
 * removes the last chip.
 *
 * @event change - The chips changed.
 * @event input - The typed text changed (native, from the inner field).
 * @event mail-error - Loading suggestions failed.
 *
 * @csspart label - The visible label.
 * @csspart field - The box around the chips and the text field.
 * @csspart chips - The list of chips.
 * @csspart chip - One chip (also `chip invalid` for text that is not an address).
 * @csspart chip-remove - A chip's remove button.
 * @csspart input - The text field.
 * @csspart listbox - The suggestion list.
 * @csspart option - One suggestion (also `option active`).
 * @csspart field-error - The message under the field.
 */
export class MailAddressInput extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, addressInputStyles];
  static override shadowRootOptions = { ...MailElement.shadowRootOptions, delegatesFocus: true };

  /** The visible label of the field ("To"). */
  @property()
  label = '';

  /** The readable addresses, in order. Setting it replaces every chip. */
  @property({ attribute: false })
  get value(): Address[] {
    return this.entries.flatMap((entry) => (entry.address ? [entry.address] : []));
  }
  set value(addresses: Address[]) {
    const old = this.value;
    this.entries = (addresses ?? []).map((address) => ({ text: formatAddress(address), address }));
    this.requestUpdate('value', old);
  }

  /** A message about the field from outside (the composer's "Add at least one recipient."), shown under it. */
  @property()
  error = '';

  /** Whether to ask the backend for suggestions as the user types. */
  @property({ type: Boolean, attribute: 'no-suggestions' })
  noSuggestions = false;

  /** Addresses not to suggest (already in another field). */
  @property({ attribute: false })
  exclude: Address[] = [];

  @state() private entries: AddressEntry[] = [];
  @state() private text = '';
  @state() private suggestions: AddressSuggestion[] = [];
  @state() private open = false;
  @state() private active = -1;

  private readonly uid = `addr-${++nextId}`;
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  private suggestAbort: AbortController | undefined;

  /** Every chip, valid or not, and the text being typed as a last entry. */
  get allEntries(): AddressEntry[] {
    const pending = this.text.trim() ? [entryOf(this.text)] : [];
    return [...this.entries, ...pending];
  }

  /** The chips that are not readable addresses, as typed. */
  get invalid(): string[] {
    return this.allEntries.filter((entry) => !entry.address).map((entry) => entry.text);
  }

  /** The text typed but not yet turned into a chip. */
  get pendingText(): string {
    return this.text;
  }

  /** Replaces every chip with these texts (each read as one address), as a restored draft has them. */
  setEntries(texts: readonly string[]): void {
    this.entries = texts.filter((text) => text.trim()).map(entryOf);
    this.text = '';
  }

  /** Turns the typed text into chips. Returns true when something was added. */
  commit(): boolean {
    if (!this.text.trim()) return false;
    this.addText(this.text);
    this.text = '';
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeSuggestions();
  }

  protected override render(): TemplateResult {
    const invalid = this.entries.filter((entry) => !entry.address).map((entry) => entry.text);
    const message = [
      this.error,
      invalid.length ? this.localize.term('address.invalid', invalid.join(', ')) : '',
    ].filter(Boolean);
    const listId = `${this.uid}-list`;
    const errorId = `${this.uid}-error`;
    const activeOption = this.open && this.active >= 0 ? `${this.uid}-opt-${this.active}` : undefined;
    return html`
      <label id="label" part="label" for="input">${this.label}</label>
      <div part="field" class=${message.length ? 'field invalid' : 'field'} @mousedown=${this.focusInput}>
        ${
          this.entries.length
            ? html`<ul
                part="chips"
                aria-label=${`${this.label}: ${this.localize.term('address.count', this.value.length)}`}
              >
                ${this.entries.map((entry, index) => this.renderChip(entry, index))}
              </ul>`
            : nothing
        }
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          aria-labelledby="label"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${activeOption ?? nothing}
          aria-invalid=${message.length ? 'true' : 'false'}
          aria-describedby=${message.length ? errorId : nothing}
          .value=${live(this.text)}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @paste=${this.onPaste}
          @blur=${this.onBlur}
        />
      </div>
      <ul
        id=${listId}
        part="listbox"
        role="listbox"
        aria-label=${this.localize.term('address.suggestions')}
        ?hidden=${!this.open}
      >
        ${this.suggestions.map((suggestion, index) => this.renderOption(suggestion, index))}
      </ul>
      <div id=${errorId} part="field-error" role="alert">${message.join(' ')}</div>
    `;
  }

  private renderChip(entry: AddressEntry, index: number): TemplateResult {
    const shown = entry.address ? entry.address.name || entry.address.address : entry.text;
    const title = entry.address ? formatAddress(entry.address) : this.localize.term('address.invalid-chip', entry.text);
    return html`<li part=${entry.address ? 'chip' : 'chip invalid'} title=${title}>
      ${
        entry.address
          ? html`<span class="chip-text">${shown}</span>`
          : html`<button
              type="button"
              class="chip-text"
              aria-label=${this.localize.term('address.edit', entry.text)}
              @click=${(event: Event) => this.editChip(event, index)}
            >
              ${shown}
            </button>`
      }
      <span class="visually-hidden">${entry.address ? `<${entry.address.address}>` : nothing}</span>
      <button
        type="button"
        part="chip-remove"
        aria-label=${this.localize.term('address.remove', shown)}
        @click=${(event: Event) => this.removeAt(event, index)}
      >
        <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
        </svg>
      </button>
    </li>`;
  }

  private renderOption(suggestion: AddressSuggestion, index: number): TemplateResult {
    const source =
      suggestion.source === 'record'
        ? (suggestion.record?.title ?? '')
        : this.localize.term(suggestion.source === 'identity' ? 'address.source-identity' : 'address.source-recent');
    // The options are reached with the combobox's keys (aria-activedescendant); the click is for pointers.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<li
      id=${`${this.uid}-opt-${index}`}
      part=${index === this.active ? 'option active' : 'option'}
      role="option"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => this.choose(suggestion)}
    >
      <span class="option-name">${suggestion.name || suggestion.address}</span>
      ${suggestion.name ? html`<span class="option-address">${suggestion.address}</span>` : nothing}
      <span class="option-source">${source}</span>
    </li>`;
  }

  /** A press anywhere in the box (between chips, after them) puts the caret in the text field. */
  private focusInput(event: Event): void {
    const target = event.target as HTMLElement;
    if (target.closest('button, input')) return;
    event.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = input.value;
    // A separator typed after text finishes the address; a comma inside quotes does not.
    const quoted = (value.match(/"/g)?.length ?? 0) % 2 === 1;
    if (/[,;]\s*$/.test(value) && !quoted && value.replace(/[,;\s]/g, '')) {
      this.addText(value);
      this.text = '';
      input.value = '';
      this.closeSuggestions();
      return;
    }
    this.text = value;
    this.scheduleSuggestions();
  }

  private onPaste(event: ClipboardEvent): void {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[,;\n]/.test(pasted) && !parseAddress(pasted) && !spacedAddresses(pasted)) return;
    event.preventDefault();
    this.addText(`${this.text}${pasted}`);
    this.text = '';
    this.closeSuggestions();
  }

  private onBlur(): void {
    // A click on an option keeps the focus (mousedown is prevented); leaving the field commits what was typed.
    this.commit();
    this.closeSuggestions();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) {
          if (count) this.open = true;
          else this.scheduleSuggestions(0);
          this.active = count ? 0 : -1;
        } else if (!event.altKey && count) this.active = (this.active + 1) % count;
        return;
      case 'ArrowUp':
        if (!this.open || !count) return;
        event.preventDefault();
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case 'Home':
      case 'End':
        if (!this.open || !count || this.active < 0) return;
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : count - 1;
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.closeSuggestions();
        }
        return;
      case 'Enter': {
        const chosen = this.open ? this.suggestions[this.active] : undefined;
        if (chosen) {
          event.preventDefault();
          this.choose(chosen);
        } else if (this.text.trim()) {
          event.preventDefault();
          this.commit();
          this.closeSuggestions();
        }
        return;
      }
      case 'Tab': {
        const chosen = this.open ? this.suggestions[this.active] : undefined;
        if (chosen) this.choose(chosen);
        else this.commit();
        this.closeSuggestions();
        return;
      }
      case 'Backspace':
        if (!this.text && this.entries.length) {
          event.preventDefault();
          const last = this.entries[this.entries.length - 1]!;
          this.entries = this.entries.slice(0, -1);
          // The removed address comes back as text, so a slip of the key costs nothing.
          this.text = last.text;
          this.changed();
        }
        return;
      default:
    }
  }

  private addText(text: string): void {
    const list = parseAddressList(text.replace(/\r\n?/g, '\n'));
    const addresses = [...list.addresses];
    const invalid: string[] = [];
    for (const part of list.invalid) {
      const spaced = spacedAddresses(part);
      if (spaced) addresses.push(...spaced);
      else invalid.push(part);
    }
    const known = new Set(this.value.map((address) => address.address.toLowerCase()));
    const added: AddressEntry[] = [];
    for (const address of addresses) {
      const key = address.address.toLowerCase();
      if (known.has(key)) continue;
      known.add(key);
      added.push({ text: formatAddress(address), address });
    }
    added.push(...invalid.map((part) => ({ text: part })));
    if (!added.length) return;
    this.entries = [...this.entries, ...added];
    this.changed();
  }

  private choose(suggestion: AddressSuggestion): void {
    const address: Address = suggestion.name
      ? { name: suggestion.name, address: suggestion.address }
      : { address: suggestion.address };
    if (!this.value.some((known) => known.address.toLowerCase() === address.address.toLowerCase())) {
      this.entries = [...this.entries, { text: formatAddress(address), address }];
      this.changed();
    }
    this.text = '';
    this.closeSuggestions();
  }

  private editChip(event: Event, index: number): void {
    event.stopPropagation();
    const entry = this.entries[index];
    if (!entry) return;
    this.commit();
    this.entries = this.entries.filter((_, at) => at !== index);
    this.text = entry.text;
    this.changed();
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  private removeAt(event: Event, index: number): void {
    event.stopPropagation();
    this.entries = this.entries.filter((_, at) => at !== index);
    this.changed();
    this.renderRoot.querySelector<HTMLInputElement>('#input')?.focus();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private scheduleSuggestions(delay = SUGGEST_DELAY_MS): void {
    clearTimeout(this.suggestTimer);
    const query = this.text.trim();
    if (!query || this.noSuggestions || !this.activeBackend) {
      this.closeSuggestions();
      return;
    }
    this.suggestTimer = setTimeout(() => void this.loadSuggestions(query), delay);
  }

  private async loadSuggestions(query: string): Promise<void> {
    this.suggestAbort?.abort();
    const controller = new AbortController();
    this.suggestAbort = controller;
    const backend = this.activeBackend;
    if (!backend) return;
    try {
      const { items } = await backend.suggestAddresses(
        { query: query.slice(0, 200).replace(/[\r\n\0]/g, ' '), limit: 8 },
        { signal: controller.signal },
      );
      if (controller.signal.aborted || this.text.trim() !== query) return;
      const taken = new Set([...this.value, ...this.exclude].map((address) => address.address.toLowerCase()));
      this.suggestions = items.filter((item) => !taken.has(item.address.toLowerCase()));
      this.open = this.suggestions.length > 0;
      this.active = this.open ? 0 : -1;
    } catch (error) {
      if (MailError.from(error).code !== 'aborted') this.reportError(error, 'suggestAddresses');
    }
  }

  private closeSuggestions(): void {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    this.suggestAbort = undefined;
    this.open = false;
    this.active = -1;
    this.suggestions = [];
  }
}
