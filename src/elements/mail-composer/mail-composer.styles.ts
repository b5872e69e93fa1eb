import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    background: var(--_bg);
    --_label-width: var(--mail-label-width, 4.5rem);
  }
  [part='form'] {
    position: relative;
    flex: 1;
    display: flex;
    flex-direction: column;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  [part='title'] {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .link-context {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--_accent-soft);
    font-size: var(--_font-size-small);
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='close-button'] {
    margin-inline-start: auto;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    flex: none;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .icon-button:hover {
    background: color-mix(in srgb, var(--_text) 10%, transparent);
    color: var(--_text);
  }
  [part='restore'],
  [part='form'] > [part='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) calc(var(--_space) * 1.5) 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
  }
  [part='restore'] {
    background: var(--_accent-soft);
  }
  .actions {
    display: inline-flex;
    gap: var(--_space);
    margin-inline-start: auto;
  }
  .fields {
    padding: 0 calc(var(--_space) * 1.5);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_label-width) minmax(0, 1fr);
    align-items: center;
    column-gap: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .row > label {
    color: var(--_text-muted);
  }
  .address-row {
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
  }
  mail-address-input {
    --mail-label-width: var(--_label-width);
  }
  .cc-toggles {
    display: flex;
    gap: 0.25rem;
    padding-block: 0.45rem;
  }
  .link-button {
    border: 0;
    padding: 0.2rem 0.4rem;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .link-button:hover {
    color: var(--_accent);
    background: var(--_accent-soft);
  }
  [part='from'],
  [part='subject'] {
    min-width: 0;
    padding: 0.55rem 0;
    border: 0;
    outline: none;
    background: transparent;
    color: var(--_text);
    font: inherit;
  }
  [part='from'] {
    justify-self: start;
    max-width: 100%;
    cursor: pointer;
  }
  [part='from'] option {
    background: var(--_surface-raised);
  }
  .row:focus-within {
    border-bottom-color: var(--_focus);
  }
  [part='subject'][aria-invalid='true'] {
    color: var(--_danger);
  }
  .row > [part='field-error'] {
    grid-column: 2;
    padding-bottom: 0.3rem;
  }
  [part='field-error'] {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  .tool {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35rem;
    min-width: 2rem;
    height: 2rem;
    padding: 0 0.4rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text);
    cursor: pointer;
    font-family: Georgia, 'Times New Roman', serif;
    font-size: 0.95rem;
  }
  .tool.plain {
    margin-inline-start: auto;
    font-family: inherit;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .tool:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .tool[aria-pressed='true'] {
    background: var(--_accent-soft);
    border-color: color-mix(in srgb, var(--_accent) 40%, transparent);
    color: var(--_accent);
  }
  .tool:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .body {
    flex: 1;
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: var(--mail-composer-body-height, 14rem);
    margin: 0;
    padding: calc(var(--_space) * 1.5);
    border: 0;
    outline: none;
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  .body:focus-visible {
    box-shadow: inset 0 0 0 2px color-mix(in srgb, var(--_focus) 45%, transparent);
  }
  .body.rich {
    white-space: pre-wrap;
  }
  .body.plain {
    resize: vertical;
    font-family: var(--_font-mono);
    font-size: 0.85rem;
  }
  .body[aria-busy='true'] {
    background: linear-gradient(90deg, transparent, color-mix(in srgb, var(--_text) 5%, transparent), transparent);
  }
  .body blockquote {
    margin: 0.5rem 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-muted);
  }
  .body img {
    max-width: 100%;
    height: auto;
  }
  .body a {
    color: var(--_accent);
  }
  .attachments-area {
    padding: 0 calc(var(--_space) * 1.5) var(--_space);
  }
  [part='attachments'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='attachment'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto;
    align-items: center;
    column-gap: 0.4rem;
    width: min(20rem, 100%);
    padding: 0.25rem 0.25rem 0.25rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='attachment'][part~='failed'] {
    border-color: var(--_danger);
    background: var(--_danger-soft);
  }
  .attachment-icon {
    color: var(--_text-muted);
    display: inline-grid;
  }
  .attachment-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .attachment-size {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part~='attachment'] .icon-button {
    width: 1.6rem;
    height: 1.6rem;
    grid-row: 1;
  }
  [part~='attachment'] .icon-button:last-child {
    grid-column: 4;
  }
  [part='progress'] {
    grid-column: 1 / -1;
    width: 100%;
    height: 4px;
    margin-top: 0.2rem;
    accent-color: var(--_accent);
  }
  .attachment-error {
    grid-column: 1 / -1;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  [part='footer'] {
    position: sticky;
    bottom: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
    background: var(--_bg);
  }
  [part='send-button'] {
    font-weight: 600;
    padding-inline: calc(var(--_space) * 2.25);
  }
  [part='status'] {
    flex: 1;
    min-width: 8rem;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part='discard-button'] {
    margin-inline-start: auto;
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_accent-text);
  }
  .button.primary:hover {
    filter: brightness(1.08);
  }
  [part='undo'] {
    position: absolute;
    inset-inline: 0;
    bottom: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_bg);
    box-shadow: var(--_shadow);
  }
  [part='undo'] .button {
    background: transparent;
    border-color: currentColor;
    color: inherit;
    font-weight: 600;
  }
  [part='form'][inert] {
    opacity: 0.6;
  }
  [part='sent'],
  [part='loading'] {
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    color: var(--_text-muted);
  }
  [part='dropzone'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent-soft) 85%, transparent);
    color: var(--_accent);
    font-weight: 600;
    pointer-events: none;
  }
  dialog {
    width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow-dialog);
  }
  dialog::backdrop {
    background: var(--_backdrop, rgb(0 0 0 / 0.4));
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.05rem;
  }
  dialog p,
  dialog .warnings {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
  dialog .warnings {
    padding-inline-start: 1.2rem;
  }
  dialog label {
    display: block;
    margin-top: var(--_space);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  dialog input {
    width: 100%;
    margin-top: 0.25rem;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  dialog input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  @media (max-width: 40rem) {
    :host {
      --_label-width: var(--mail-label-width, 3.5rem);
    }
    [part='footer'] .button span {
      display: none;
    }
    [part='send-button'] span {
      display: inline !important;
    }
  }
`;
