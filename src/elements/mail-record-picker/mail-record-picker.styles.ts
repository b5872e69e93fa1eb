import { css } from 'lit';
import { linkFormStyles } from '../mail-object-links/mail-object-links.styles.js';

export const recordPickerStyles = [
  linkFormStyles,
  css`
    :host {
      display: contents;
    }
    dialog {
      width: min(30rem, calc(100vw - 2rem));
    }
    h2 {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 1.0625rem;
    }
    .label {
      display: block;
      margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
      font-weight: 600;
    }
    .combo {
      position: relative;
      display: flex;
    }
    .combo input {
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
    [part='listbox'] {
      list-style: none;
      margin: calc(var(--_space) / 2) 0 0;
      padding: calc(var(--_space) / 2);
      max-height: 16rem;
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    [part='listbox'][hidden],
    [part='listbox']:empty {
      display: none;
    }
    [part~='option'] {
      display: flex;
      flex-direction: column;
      justify-content: center;
      min-height: var(--_item-height);
      padding: calc(var(--_space) * 0.6) var(--_space);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    [part~='option']:hover {
      background: var(--_surface);
    }
    [part~='active'] {
      background: var(--_accent-soft);
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    [part~='selected'] .title {
      font-weight: 650;
    }
    .meta {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      overflow-wrap: anywhere;
    }
    [part='empty'] {
      padding: calc(var(--_space) * 1.5) var(--_space);
    }
    .chosen {
      min-height: 1.25rem;
      margin: var(--_space) 0;
      color: var(--_text-muted);
    }
    .actions {
      justify-content: flex-end;
      margin-top: var(--_space);
    }
  `,
];
