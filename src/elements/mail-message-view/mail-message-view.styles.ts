import { css } from 'lit';

export const messageViewStyles = css`
  :host {
    display: block;
    min-height: 0;
    overflow: auto;
    background: var(--_bg);
  }
  [part='message'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }
  [part='header'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  [part='subject'] {
    margin: 0;
    font-size: 1.35em;
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
    /* It takes its own direction (dir="auto") but lines up with the page's; Chromium knows only the prefixed form. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .address,
  [part='date'],
  [part='recipients'],
  .label {
    color: var(--_text-muted);
  }
  .address {
    margin-inline-start: 0.25em;
  }
  [part='recipients'] {
    overflow-wrap: anywhere;
  }
  .link-button {
    align-self: flex-start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: underline;
  }
  [part='details'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--_space);
    margin: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  [part='details'] dt {
    color: var(--_text-muted);
  }
  [part='details'] dd {
    margin: 0;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: calc(var(--_space) / 2);
  }
  [part='remote-bar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_accent-soft);
  }
  [part='remote-bar'] > span,
  [part='clip-bar'] > span {
    flex: 1 1 16rem;
  }
  [part='clip-bar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part='body'] {
    display: block;
    width: 100%;
    height: 8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* HTML mail is shown on paper: the sender designed it for a light background. */
    background: var(--_paper);
    color-scheme: light;
  }
  :host [part='body'].text.dark {
    background: #16181d;
    color-scheme: dark;
  }
  .attachments-title {
    margin: var(--_space) 0 0;
    font-size: 1em;
    font-weight: 600;
  }
  [part='attachments'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachment-button {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-rows: auto auto;
    column-gap: var(--_space);
    align-items: center;
    max-width: 16rem;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    text-align: start;
    cursor: pointer;
  }
  .attachment-button:hover {
    background: var(--_surface);
  }
  [part='attachment-icon'] {
    grid-row: span 2;
    display: flex;
  }
  .icon {
    flex: none;
  }
  [part='attachment-name'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='attachment-size'] {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  /* A file name or size takes its own direction (dir="auto") but lines up with the page's. */
  [part='attachment-name'],
  [part='attachment-size'] {
    /* Chromium knows only the prefixed form. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  [part='loading'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }
  .skeleton {
    height: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton.tall {
    height: 12rem;
  }
  @media print {
    [part='actions'],
    [part='remote-bar'],
    [part='clip-bar'],
    [part='details-button'] {
      display: none;
    }
  }
`;
