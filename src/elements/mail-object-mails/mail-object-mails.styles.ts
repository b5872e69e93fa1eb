import { css } from 'lit';
import { linkFormStyles } from '../mail-object-links/mail-object-links.styles.js';

export const objectMailsStyles = [
  linkFormStyles,
  css`
    :host {
      display: block;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    [part='header'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
      background: var(--_surface);
    }
    .title-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      flex-wrap: wrap;
    }
    h2 {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      margin: 0;
      font-size: 1rem;
    }
    .count {
      min-width: 1.5rem;
      padding: 0 0.4rem;
      border-radius: 999px;
      background: var(--_accent-soft);
      color: var(--_accent);
      font-size: var(--_font-size-small);
      text-align: center;
    }
    .button.small {
      padding: calc(var(--_space) * 0.5) var(--_space);
      font-size: var(--_font-size-small);
    }
    .button.link {
      border-color: transparent;
      background: transparent;
      color: var(--_accent);
      padding-inline: calc(var(--_space) / 2);
    }
    .matched {
      margin: 0;
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      overflow-wrap: anywhere;
    }
    .search {
      position: relative;
      display: flex;
    }
    .search input {
      flex: 1;
      padding-inline-start: 1.75rem;
    }
    .search-icon {
      position: absolute;
      inset-inline-start: 0.5rem;
      top: 50%;
      transform: translateY(-50%);
      display: inline-flex;
      color: var(--_text-muted);
    }
    .busy {
      position: absolute;
      inset-inline-end: 0.5rem;
      top: 50%;
      width: 0.75rem;
      height: 0.75rem;
      margin-top: -0.375rem;
      border: 2px solid var(--_border);
      border-top-color: var(--_accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .busy {
        animation: none;
      }
    }
    [part='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    :host([expanded]) [part='list'] {
      max-height: var(--mail-object-mails-max-height, 32rem);
      overflow: auto;
      overscroll-behavior: contain;
    }
    [part~='mail'] {
      display: flex;
      align-items: stretch;
      border-bottom: 1px solid var(--_border);
    }
    [part~='mail']:hover {
      background: var(--_surface);
    }
    .open {
      flex: 1;
      min-width: 0;
      display: grid;
      grid-template-columns: 1.25rem minmax(0, 1fr) auto;
      column-gap: calc(var(--_space) * 0.75);
      row-gap: 0.125rem;
      align-items: center;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 0;
      background: transparent;
      text-align: start;
      cursor: pointer;
    }
    .open:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    [part='direction'] {
      grid-row: 1 / span 2;
      display: inline-grid;
      place-items: center;
      width: 1.25rem;
      height: 1.25rem;
      border-radius: 50%;
    }
    .direction.received {
      color: var(--_accent);
      background: var(--_accent-soft);
    }
    .direction.sent {
      color: var(--_text-muted);
      background: var(--_surface);
      border: 1px solid var(--_border);
    }
    [part='who'],
    [part='subject'] {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      /* Each takes its own direction (dir="auto"), so a long one is cut at its end, but lines up with the page's. */
      /* Chromium knows only the prefixed form. */
      text-align: -webkit-match-parent;
      text-align: match-parent;
    }
    [part='who'] {
      font-weight: 600;
    }
    [part='subject'] {
      grid-column: 2;
      color: var(--_text-muted);
    }
    [part='date'] {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      white-space: nowrap;
    }
    .linked-mark {
      grid-column: 3;
      grid-row: 2;
      display: inline-flex;
      align-items: center;
      gap: 0.2rem;
      color: var(--_accent);
      font-size: var(--_font-size-small);
      white-space: nowrap;
    }
    .icon-button {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 2.25rem;
      margin: auto 0.5rem auto 0;
      height: 2.25rem;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_text-muted);
      cursor: pointer;
    }
    .icon-button:hover {
      border-color: var(--_border);
      background: var(--_surface-raised);
      color: var(--_text);
    }
    .icon-button[aria-pressed='true'] {
      color: var(--_accent);
    }
    .icon-button[disabled] {
      opacity: 0.5;
      cursor: default;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: var(--_space);
      padding: calc(var(--_space) * 0.75) var(--_space);
    }
    .footer:empty {
      display: none;
    }
    [part='empty'] {
      padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
      margin: 0;
    }
    .not-configured p {
      margin: 0 0 var(--_space);
    }
    .configure {
      padding: var(--_space);
    }
    .shared {
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-top: 1px solid var(--_border);
      font-size: var(--_font-size-small);
    }
    .shared summary {
      cursor: pointer;
      color: var(--_text-muted);
    }
    .shared ul {
      margin: calc(var(--_space) / 2) 0 0;
      padding-inline-start: 1.25rem;
    }
    .muted {
      color: var(--_text-muted);
    }
    .skeleton-row {
      display: grid;
      gap: 0.4rem;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
    }
    .skeleton-row div {
      height: 0.7rem;
      border-radius: 4px;
      background: var(--_surface);
      width: 70%;
    }
    .skeleton-row div + div {
      width: 45%;
    }
    dialog.viewer {
      width: min(56rem, calc(100vw - 2rem));
      height: min(44rem, calc(100vh - 2rem));
      max-width: none;
      padding: 0;
      overflow: hidden;
    }
    dialog.viewer[open] {
      display: flex;
      flex-direction: column;
    }
    .viewer-bar {
      display: flex;
      justify-content: flex-end;
      padding: calc(var(--_space) / 2);
      border-bottom: 1px solid var(--_border);
    }
    .viewer-bar .icon-button {
      margin: 0;
    }
    dialog.viewer mail-message-view {
      flex: 1;
      min-height: 0;
      overflow: auto;
    }
  `,
];
