/**
 * The folder tree's name form (new folder, rename) and its delete confirmation, in a chunk of their own that loads
 * when a folder change is first started (or the actions are pointed at): most visits never change a folder.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Folder } from '../../core/index.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { Editing } from './mail-folder-tree.js';

/** What the form shows and what its buttons do. */
export interface FolderFormView {
  localize: LocalizeController;
  editing: Editing;
  /** The folders a new folder can be created in. */
  parents: readonly Folder[];
  /** For a delete: how many subfolders go with the folder, at any depth. */
  subfolders: number;
  /** For a delete: the messages in the folder and its subfolders. */
  messages: number;
  /** Why the typed name cannot be used, shown under the field; empty when it can. */
  nameError: string;
  /** A change is being saved: its button waits. */
  working: boolean;
  onNameInput: () => void;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  onConfirmDelete: () => void;
}

// The forms bring their own styles, so that the tree's stylesheet carries none of them.
const formStyles = html`<style>
  [part~='form'],
  [part~='confirm'] {
    display: grid;
    gap: var(--_space);
    margin: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  [part~='confirm'] p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part~='name-error'] {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  [part~='form'] label {
    display: grid;
    gap: 0.25rem;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  [part~='form'] input,
  [part~='form'] select {
    min-height: var(--_control-height);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .buttons .button {
    white-space: nowrap;
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
</style>`;

/** The name form for a new or renamed folder, or the confirmation of a delete. */
export function renderFolderForm(view: FolderFormView): TemplateResult {
  return html`${formStyles}${view.editing.kind === 'delete' ? renderConfirm(view, view.editing.folder) : renderName(view)}`;
}

function renderConfirm(view: FolderFormView, folder: Folder): TemplateResult {
  const term = view.localize.term.bind(view.localize);
  return html`<div part="confirm" role="group" aria-label=${term('tree.delete')}>
    <p>${term('tree.confirm-delete', folder.name, view.messages, view.subfolders)}</p>
    <div class="buttons">
      <button class="button danger" type="button" ?disabled=${view.working} @click=${view.onConfirmDelete}>
        ${term('tree.confirm-delete-button')}
      </button>
      <button class="button" type="button" @click=${view.onCancel}>${term('tree.cancel')}</button>
    </div>
  </div>`;
}

function renderName(view: FolderFormView): TemplateResult {
  const term = view.localize.term.bind(view.localize);
  const { editing } = view;
  return html`<form
    part="form"
    aria-label=${editing.kind === 'create' ? term('tree.new') : term('tree.rename')}
    @submit=${view.onSubmit}
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && view.onCancel()}
  >
    <label>
      <span>${term('tree.name')}</span>
      <input
        part="name-input"
        name="name"
        required
        maxlength="255"
        autocomplete="off"
        aria-invalid=${view.nameError ? 'true' : 'false'}
        aria-describedby=${view.nameError ? 'name-error' : nothing}
        .value=${editing.kind === 'rename' ? editing.folder.name : ''}
        @input=${view.onNameInput}
      />
    </label>
    ${view.nameError ? html`<div id="name-error" part="name-error" role="alert">${view.nameError}</div>` : nothing}
    ${
      editing.kind === 'create'
        ? html`<label>
            <span>${term('tree.parent')}</span>
            <select name="parent">
              <option value="">${term('tree.parent-none')}</option>
              ${view.parents.map(
                (folder) =>
                  html`<option value=${folder.id} ?selected=${folder.id === editing.parentId}>
                    ${folder.role ? term(`role.${folder.role}`) : folder.path}
                  </option>`,
              )}
            </select>
          </label>`
        : nothing
    }
    <div class="buttons">
      <button class="button primary" type="submit" ?disabled=${view.working}>
        ${editing.kind === 'create' ? term('tree.create') : term('tree.save')}
      </button>
      <button class="button" type="button" @click=${view.onCancel}>${term('tree.cancel')}</button>
    </div>
  </form>`;
}
