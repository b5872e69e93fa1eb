import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: hidden;
    background: var(--_bg);
  }
  [part~='toolbar'] {
    /* One fixed height: selecting rows shows the actions without resizing the list (and its virtualizer). */
    display: flex;
    flex: none;
    align-items: center;
    gap: 0.125rem;
    height: 2.75rem;
    overflow-x: auto;
    overflow-y: hidden;
    scrollbar-width: thin;
    padding: 0.25rem calc(var(--_space) * 1);
    border-bottom: 1px solid var(--_border);
    background: var(--_bg);
  }
  .actions {
    display: contents;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .icon-button:hover:not(:disabled) {
    background: var(--_surface);
    color: var(--_text);
  }
  .icon-button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .check-all .box,
  .check {
    display: inline-grid;
    place-items: center;
    width: 1rem;
    height: 1rem;
    border: 1.5px solid var(--_text-muted);
    border-radius: 3px;
    font-size: 0.75rem;
    line-height: 1;
    color: var(--_accent-text);
  }
  .check-all[aria-checked='true'] .box,
  .check-all[aria-checked='mixed'] .box {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .move-wrap {
    position: relative;
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: var(--_radius);
    color: var(--_text-muted);
  }
  .move-wrap:hover {
    background: var(--_surface);
    color: var(--_text);
  }
  .move-icon {
    display: inline-grid;
    pointer-events: none;
  }
  .move {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
    font: inherit;
  }
  .move:disabled {
    cursor: default;
  }
  .move-wrap:has(.move:disabled) {
    opacity: 0.4;
  }
  .move-wrap:has(.move:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  [part~='count'] {
    flex: 1 0 auto;
    text-align: end;
    margin-inline-start: auto;
    padding-inline: var(--_space);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  [part~='banner'],
  [part~='action-error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    font-size: var(--_font-size-small);
  }
  [part~='action-error'] {
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .link-button {
    padding: 0.125rem 0.25rem;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  [part~='action-error'] .link-button {
    color: inherit;
  }
  .body {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  [part~='list'] {
    flex: 1;
    min-height: 0;
    height: 100%;
    outline: none;
    /* Rows render as they are until the virtualizer arrives, which then sets the same on the element itself. */
    position: relative;
    overflow: auto;
  }
  [part~='row'] {
    display: grid;
    grid-template-columns: 1.5rem minmax(0, 1fr) auto;
    grid-template-rows: 1fr 1fr 1fr;
    column-gap: var(--_space);
    align-items: center;
    width: 100%;
    height: var(--_row-height);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5) calc(var(--_space) * 0.5) var(--_space);
    border-bottom: 1px solid var(--_border);
    border-inline-start: 3px solid transparent;
    background: var(--_bg);
    cursor: pointer;
    overflow: hidden;
    user-select: none;
  }
  [part~='row']:hover {
    background: var(--_surface);
  }
  [part~='row'][part~='unread'] {
    border-inline-start-color: var(--_accent);
  }
  [part~='row'][aria-selected='true'] {
    background: var(--_accent-soft);
  }
  [part~='row'][part~='current'] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  [part~='list']:focus [part~='row'][part~='active'] {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  /* Keyboard focus with the active row out of view: a ring over the whole list, drawn above the rows. */
  .body:has([part~='list']:focus-visible:not([aria-activedescendant]))::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
    box-shadow: inset 0 0 0 2px var(--_focus);
    pointer-events: none;
  }
  .check {
    grid-row: 1 / span 3;
    grid-column: 1;
    justify-self: center;
    opacity: 0.55;
  }
  [part~='row']:hover .check,
  [aria-selected='true'] .check {
    opacity: 1;
  }
  [aria-selected='true'] .check {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  [part~='sender'],
  [part~='subject'],
  [part~='snippet'] {
    grid-column: 2;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    /* Each takes its own direction (dir="auto"), so a long one is cut at its end, but lines up with the page's. */
    /* Chromium knows only the prefixed form. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
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
    justify-self: end;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  [part~='unread'] [part~='date'] {
    color: var(--_accent);
    font-weight: 600;
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
  [part~='thread-count'] {
    display: inline-block;
    margin-inline-start: 0.375rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  [part~='skeleton'] {
    overflow: hidden;
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
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row div {
      animation: none;
    }
  }
  [part~='footer'] {
    border-top: 1px solid var(--_border);
  }
  .loading-more {
    padding: calc(var(--_space) * 0.75);
    text-align: center;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
`;
