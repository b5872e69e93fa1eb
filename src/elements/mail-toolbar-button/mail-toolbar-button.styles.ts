import { css } from 'lit';

export const toolbarButtonStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    vertical-align: middle;
    color: inherit;
  }
  :host([state='loading']),
  :host([state='hidden']) {
    display: none;
  }
  .icon-button {
    position: relative;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
    text-decoration: none;
  }
  .icon-button:hover {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  [part~='badge'] {
    position: absolute;
    inset-block-start: 0.1rem;
    inset-inline-end: 0;
    min-width: 1.15rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_danger-text);
    font-size: 0.7rem;
    font-weight: 700;
    line-height: 1.15rem;
    text-align: center;
  }
  [part~='enable-button'] {
    color: var(--_text);
    white-space: nowrap;
  }
  [part~='enable-button']:disabled {
    opacity: 0.6;
  }
  [part~='error'] {
    margin: 0;
    padding: 0.2rem 0.5rem;
    font-size: var(--_font-size-small);
  }
`;
