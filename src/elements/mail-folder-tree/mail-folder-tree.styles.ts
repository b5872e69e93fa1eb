import { css } from 'lit';

export const folderTreeStyles = css`
  :host {
    display: block;
    overflow: auto;
    background: var(--_surface);
  }
  [part~='actions'] {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: 0.125rem;
    min-height: calc(var(--_item-height) + var(--_space) * 1.5);
    padding: calc(var(--_space) / 2) calc(var(--_space) / 2) calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .title {
    flex: 1;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: var(--_item-height);
    height: var(--_item-height);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .icon-button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  .icon-button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  [part~='loading'] {
    margin: var(--_space);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part~='action-error'] {
    margin: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  [part~='folder'][part~='drop-target'] {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
    background: var(--_accent-soft);
  }
  [part='tree'] {
    list-style: none;
    margin: 0;
    padding: calc(var(--_space) / 2);
  }
  [part='tree'] [role='group'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='folder'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: var(--_item-height);
    padding-inline: calc(var(--_space) * (0.75 + var(--level, 0) * 1.25)) var(--_space);
    border-radius: var(--_radius);
    cursor: pointer;
    user-select: none;
    color: var(--_text);
  }
  [part~='folder']:hover {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  [part~='folder'][aria-selected='true'] {
    background: var(--_accent-soft);
    font-weight: 600;
  }
  [part~='folder'][aria-disabled='true'] {
    color: var(--_text-muted);
    cursor: default;
  }
  [part~='folder']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .toggle {
    display: inline-grid;
    place-items: center;
    width: 1rem;
    flex: none;
    color: var(--_text-muted);
    transition: transform 0.1s;
  }
  [aria-expanded='true'] > .toggle {
    transform: rotate(90deg);
  }
  :host([dir='rtl']) .toggle {
    transform: scaleX(-1);
  }
  :host([dir='rtl']) [aria-expanded='true'] > .toggle {
    transform: rotate(90deg);
  }
  [part~='folder-name'] {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='unread-count'] {
    flex: none;
    min-width: 1.5rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: var(--_font-size-small);
    font-weight: 600;
    text-align: center;
    line-height: 1.25rem;
  }
  .skeleton {
    height: calc(var(--_item-height) * 0.625);
    margin: calc(var(--_item-height) * 0.1875) var(--_space);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
`;
