import { css } from 'lit';

export const accountEndpointStyles = css`
  .heading {
    display: grid;
    gap: 0.25rem;
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .section-heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .section-heading .button {
    flex: none;
  }
  [part~='scopes'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='scopes'] li {
    padding: 0.15rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
  .checklist {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: block;
  }
  .checklist > summary {
    font-weight: 600;
    font-size: var(--_font-size);
    color: var(--_text);
  }
  .checklist ol {
    margin: var(--_space) 0;
    padding-inline-start: 1.4rem;
    display: grid;
    gap: 0.35rem;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0 0 var(--_space);
  }
  a {
    color: var(--_accent);
  }
  a .icon {
    vertical-align: -2px;
  }
  .import {
    display: grid;
    gap: 0.35rem;
    justify-items: start;
    margin-bottom: var(--_space);
  }
  .import .button:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .secret-set {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 2.25rem;
  }
  .secret-set .icon {
    color: var(--_text-muted);
  }
  .status {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .status.authorized {
    border-color: color-mix(in srgb, var(--_success) 45%, var(--_border));
  }
  .status-body p {
    margin: 0;
  }
  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .authorized .state .icon {
    color: var(--_success);
  }
  .status-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  [part~='error'] {
    margin: 0;
  }
  .save-status {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
`;
