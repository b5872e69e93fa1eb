import { css } from 'lit';

export const oauthCallbackStyles = css`
  :host {
    display: block;
  }
  [part~='panel'] {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    max-width: 30rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    text-align: center;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface-raised);
  }
  [part~='title'] {
    margin: 0;
    font-size: 1.2rem;
  }
  [part~='message'] {
    margin: 0;
    line-height: 1.45;
  }
  .icon {
    color: var(--_text-muted);
  }
  .ok .icon {
    color: var(--_success);
  }
  .failed .icon {
    color: var(--_danger);
  }
  [part~='details'] {
    max-width: 100%;
    text-align: start;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  [part~='details'] p {
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_space);
  }
  a.button {
    text-decoration: none;
  }
  a.button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
`;
