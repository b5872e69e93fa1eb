/**
 * Form helpers shared by the settings elements (`<mail-settings>`, `<mail-account-endpoint>`, `<mail-app-settings>`):
 * a labelled field with its message wired through `aria-describedby`, a stored write-only secret, copying to the
 * clipboard, and the form styles. The messages of the fields come with the checks (`validate.ts`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { icon, lockIcon } from '../base/icons.js';

/** What a field holds, to choose the message for a format problem. */
export type FieldKind =
  'text' | 'host' | 'port' | 'email' | 'url' | 'path' | 'tenant' | 'client-id' | 'choice' | 'secret';

/** Element ids are derived from the field path: `incoming.port` → `incoming-port`. */
export const fieldId = (key: string): string => key.replace(/\./g, '-');

export interface TextFieldOptions {
  key: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | TemplateResult | undefined;
  type?: 'text' | 'email' | 'url' | 'number' | 'password';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'url' | 'email';
  placeholder?: string | undefined;
  required?: boolean;
  readonly?: boolean;
  spellcheck?: boolean;
  /** Extra content after the input (a copy button). */
  after?: TemplateResult | typeof nothing;
  onInput?: (value: string) => void;
  onBlur?: () => void;
  onChange?: () => void;
}

/**
 * A labelled input with its hint and message: `aria-invalid` while it has an error, `aria-describedby` naming the
 * message (and the hint). The value is a plain property binding, without lit's `live()`: every form stores each
 * keystroke through `onInput` and renders it, so the value lit last set is always the one the input shows (and
 * `live()` would add about 0.5 KB gzipped to each settings element's first chunk).
 */
export function textField(options: TextFieldOptions): TemplateResult {
  const id = fieldId(options.key);
  // A read-only field is never invalid: it has no message.
  const message = !options.readonly;
  const describedBy = [message ? `${id}-message` : '', options.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field" data-field=${options.key}>
    <label part="label" for=${id}
      >${options.label}${options.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label
    >
    <div class="control">
      <input
        part="input"
        id=${id}
        name=${options.key}
        type=${options.type ?? 'text'}
        .value=${options.value}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? nothing}
        placeholder=${options.placeholder ?? nothing}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        ?required=${options.required ?? false}
        ?readonly=${options.readonly ?? false}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(event: Event) => options.onInput?.((event.target as HTMLInputElement).value)}
        @blur=${() => options.onBlur?.()}
        @change=${() => options.onChange?.()}
      />
      ${options.after ?? nothing}
    </div>
    ${options.hint ? html`<p class="hint" part="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${message ? html`<p class="message" part="field-error" id="${id}-message">${options.error ?? ''}</p>` : nothing}
  </div>`;
}

/** Copies text to the clipboard: the async Clipboard API, or a hidden textarea and `execCommand` where it is absent. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no focus, no permission): the fallback below still works in most browsers.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Moves focus to the first field showing an error. */
export interface StoredSecretOptions {
  /** The field's key (`password`, `clientSecret`) and the prefix of its ids and parts (`password`, `secret`). */
  field: string;
  name: string;
  label: string;
  /** "A password is saved". */
  state: string;
  /** The button that lets the user type a new one. */
  change: string;
  hint: string;
  onChange: () => void;
}

/** A write-only secret that is stored: it says so and offers a change, never showing or holding the value. */
export function storedSecretField(options: StoredSecretOptions): TemplateResult {
  const { field, name, label, state, change, hint, onChange } = options;
  return html`<div class="field" part="field" data-field=${field}>
    <span class="label" id="${name}-label">${label}</span>
    <div class="${name}-set" part="${name}-set">
      ${icon(lockIcon, 16)}
      <span id="${name}-state">${state}</span>
      <button
        class="button"
        part="change-${name}-button"
        type="button"
        aria-describedby="${name}-label ${name}-state"
        @click=${onChange}
      >
        ${change}
      </button>
    </div>
    <p class="hint" part="hint">${hint}</p>
  </div>`;
}

export function focusFirstInvalid(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** Layout of the settings forms: sections, fields, messages, status lines and the action bar. */
export const formStyles = css`
  :host {
    display: block;
    color: var(--_text);
    background: var(--_bg);
  }
  form,
  [part~='form'] {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
  }
  h2,
  h3 {
    margin: 0;
    font-size: var(--_font-size-large);
    line-height: 1.3;
  }
  h3 {
    font-size: 0.95rem;
  }
  fieldset {
    margin: 0;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  legend {
    padding: 0 calc(var(--_space) / 2);
    font-weight: var(--_font-weight-strong);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0 calc(var(--_space) * 2);
  }
  .field {
    display: grid;
    gap: 0.2rem;
    align-content: start;
    min-width: 0;
  }
  .field.no-message {
    padding-bottom: 1.3rem;
  }
  .field label,
  .label {
    font-weight: var(--_font-weight-strong);
  }
  .required {
    color: var(--_danger);
  }
  .control {
    display: flex;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  input,
  select {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-height: var(--_control-height);
  }
  input[readonly] {
    background: var(--_surface);
    color: var(--_text);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    min-height: auto;
    accent-color: var(--_accent);
  }
  .hint,
  .part-loading {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .message {
    margin: 0;
    min-height: 1.1rem;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  .message:empty::before {
    content: '\\200b';
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-bottom: var(--_space);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    background: var(--_surface-raised);
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .choice:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .button {
    min-height: var(--_control-height);
    justify-content: center;
    white-space: nowrap;
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .button.danger {
    color: var(--_danger);
    border-color: color-mix(in srgb, var(--_danger) 50%, var(--_border));
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  [part~='actions'] .spacer {
    flex: 1;
  }
  [part~='status'] {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part~='form-error'] {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  [part~='form-error']:empty {
    display: none;
  }
  .note {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .note.warning {
    border-color: color-mix(in srgb, var(--_warning) 45%, var(--_border));
    background: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
  }
  .note.warning .icon {
    color: var(--_warning);
  }
  .note.failed {
    border-color: color-mix(in srgb, var(--_danger) 40%, var(--_border));
    background: var(--_danger-soft);
  }
  .note.failed .icon {
    color: var(--_danger);
  }
  .note .icon {
    flex: none;
    margin-top: 0.15rem;
  }
  .note p {
    margin: 0;
  }
  .note > div {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  details > summary {
    cursor: pointer;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  code,
  pre {
    font-family: var(--_font-mono);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  pre {
    white-space: pre-wrap;
    margin: 0.25rem 0 0;
  }
  .skeleton {
    height: var(--_control-height);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
`;
