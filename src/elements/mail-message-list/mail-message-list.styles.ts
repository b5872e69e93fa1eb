import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: auto;
    background: var(--_bg);
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: 0.75rem minmax(0, 1fr) auto;
    grid-template-rows: auto auto auto;
    column-gap: var(--_space);
    align-items: center;
    height: var(--_row-height);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
    overflow: hidden;
  }
  [part~='row']:hover {
    background: var(--_surface);
  }
  [part~='row'][aria-selected='true'] {
    background: var(--_accent-soft);
  }
  [part~='row']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .dot {
    grid-row: 1;
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
  }
  [part~='unread'] .dot {
    background: var(--_accent);
  }
  [part~='sender'],
  [part~='subject'],
  [part~='snippet'] {
    grid-column: 2;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='unread'] [part~='sender'],
  [part~='unread'] [part~='subject'] {
    font-weight: 650;
  }
  [part~='snippet'] {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part~='date'] {
    grid-column: 3;
    grid-row: 1;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  [part~='marks'] {
    grid-column: 3;
    grid-row: 2 / span 2;
    display: flex;
    justify-content: flex-end;
    gap: 0.25rem;
    color: var(--_text-muted);
  }
  [part~='mark'] {
    display: inline-flex;
  }
  [part~='mark'][data-mark='flagged'] {
    color: var(--_warning);
  }
  .thread-size {
    margin-inline-start: 0.25rem;
    color: var(--_text-muted);
    font-weight: 400;
  }
  .skeleton-row {
    height: var(--_row-height);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2.5);
    border-bottom: 1px solid var(--_border);
  }
  .skeleton-row div {
    height: 0.7rem;
    margin-bottom: 0.55rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .more {
    display: flex;
    justify-content: center;
    padding: var(--_space);
  }
`;
