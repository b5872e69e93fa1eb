import { css } from 'lit';

export const settingsStyles = css`
  .heading {
    display: grid;
    gap: 0.25rem;
  }
  .heading .hint {
    font-size: var(--_font-size);
  }
  .server {
    grid-template-columns: minmax(min(100%, 14rem), 2fr) minmax(min(100%, 10rem), 1.2fr) minmax(6rem, 0.7fr);
  }
  @container (max-width: 36rem) {
    .server {
      grid-template-columns: 1fr;
    }
  }
  [part~='form'] {
    container-type: inline-size;
  }
  .password-set {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 2.25rem;
  }
  .password-set .icon {
    color: var(--_text-muted);
  }
`;
