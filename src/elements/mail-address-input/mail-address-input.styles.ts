import { css } from 'lit';

export const addressInputStyles = css`
  :host {
    display: grid;
    grid-template-columns: var(--mail-label-width, 4.5rem) minmax(0, 1fr);
    align-items: start;
    position: relative;
    column-gap: var(--_space);
  }
  [part='label'] {
    padding-block: calc(var(--_space) * 0.9);
    color: var(--_text-muted);
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: var(--_control-height);
    padding: calc(var(--_space) / 2) 0;
    cursor: text;
  }
  [part='chips'] {
    display: contents;
    list-style: none;
  }
  [part~='chip'] {
    display: inline-flex;
    align-items: center;
    gap: 0.15rem;
    max-width: 100%;
    padding: 0.1rem 0.2rem 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    line-height: 1.4rem;
  }
  [part~='chip'][part~='invalid'] {
    background: var(--_danger-soft);
    color: var(--_danger);
    outline: 1px dashed var(--_danger);
  }
  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 22rem;
  }
  button.chip-text {
    border: 0;
    padding: 0;
    background: none;
    color: inherit;
    cursor: pointer;
    text-decoration: underline dotted;
  }
  [part='chip-remove'] {
    display: inline-grid;
    place-items: center;
    width: 1.25rem;
    height: 1.25rem;
    border: 0;
    border-radius: 50%;
    padding: 0;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  [part='chip-remove']:hover {
    background: color-mix(in srgb, var(--_text) 12%, transparent);
    color: var(--_text);
  }
  [part='input'] {
    flex: 1 1 8rem;
    min-width: 8rem;
    border: 0;
    outline: none;
    padding: 0.3rem 0;
    background: transparent;
    color: var(--_text);
    font: inherit;
  }
  :host(:focus-within) .field {
    box-shadow: 0 2px 0 -1px var(--_focus);
  }
  .field.invalid {
    box-shadow: 0 2px 0 -1px var(--_danger);
  }
  [part='listbox'] {
    position: absolute;
    z-index: 10;
    top: 100%;
    inset-inline-start: var(--mail-label-width, 4.5rem);
    min-width: min(24rem, 100%);
    max-width: calc(100% - var(--mail-label-width, 4.5rem));
    max-height: 18rem;
    overflow: auto;
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow);
  }
  [part='listbox'][hidden] {
    display: none;
  }
  [part~='option'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: var(--_space);
    align-content: center;
    min-height: var(--_item-height);
    padding: calc(var(--_space) * 0.7) calc(var(--_space) * 1.2);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  [part~='option'][part~='active'],
  [part~='option']:hover {
    background: var(--_accent-soft);
  }
  .option-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .option-address {
    grid-row: 2;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .option-source {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part='field-error'] {
    grid-column: 2;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  [part='field-error']:empty {
    display: none;
  }
`;
