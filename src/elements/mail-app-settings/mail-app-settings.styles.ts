import { css } from 'lit';

export const appSettingsStyles = css`
  .heading {
    display: grid;
    gap: 0.25rem;
  }
  .fields {
    display: grid;
    gap: var(--_space);
  }
  .redirect {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  .redirect dd {
    display: grid;
    margin: 0;
  }
  [part~='redirect-url'] {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
`;
