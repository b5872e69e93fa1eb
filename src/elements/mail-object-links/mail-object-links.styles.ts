import { css } from 'lit';

/** Form controls shared by the link elements: labelled fields, hints, field errors, danger buttons, dialogs. */
export const linkFormStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field > label,
  .field > legend {
    font-weight: 600;
    padding: 0;
  }
  .field.check > label {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .field.check input {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  input[type='text'],
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-height: var(--_control-height);
    min-width: 0;
  }
  /* Names, fields, paths and domains take their own direction (dir="auto") but line up with the page's. */
  input[dir='auto'] {
    /* Chromium knows only the prefixed form. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  input[readonly] {
    background: var(--_surface);
    color: var(--_text-muted);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .button.danger {
    color: var(--_danger);
  }
  .button.danger-solid {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
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
  dialog h3 {
    margin: 0 0 var(--_space);
    font-size: 1rem;
  }
  .warning {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin: 0;
    color: var(--_warning);
    font-weight: 600;
  }
`;

export const objectLinksStyles = [
  linkFormStyles,
  css`
    :host {
      display: block;
      max-width: 44rem;
    }
    [part='form'] {
      display: block;
      padding: calc(var(--_space) * 2);
    }
    .heading h2 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 1.125rem;
    }
    .heading {
      margin-bottom: calc(var(--_space) * 2);
    }
    .loading {
      padding: calc(var(--_space) * 2);
      color: var(--_text-muted);
    }
    .domains-field[data-inactive] [part='domains'] {
      opacity: 0.65;
    }
    [part='domains'] {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part='domain'] {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.125rem 0.25rem 0.125rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
      font-size: var(--_font-size-small);
    }
    [part='remove-domain'] {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: transparent;
      cursor: pointer;
      color: var(--_text-muted);
    }
    [part='remove-domain']:hover {
      background: var(--_danger-soft);
      color: var(--_danger);
    }
    .add-domain {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .add-domain input {
      flex: 1 1 12rem;
    }
    [part='preview'] {
      margin: 0 0 calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    [part='preview'] h3 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: var(--_font-size);
    }
    .preview-counts {
      margin: 0;
      font-size: 1rem;
    }
    .shared {
      margin-top: var(--_space);
    }
    [part='shared'] {
      margin: calc(var(--_space) / 2) 0 0;
      padding-inline-start: 1.25rem;
      font-size: var(--_font-size-small);
    }
    [part='status'] {
      color: var(--_text-muted);
    }
  `,
];
