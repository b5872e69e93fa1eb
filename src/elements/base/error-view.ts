import { html, nothing, type TemplateResult } from 'lit';
import type { MailError } from '../../core/index.js';
import type { LocalizeController } from '../../i18n/localize.js';

/**
 * The error region every element shows: a localized, actionable message (`part="error"`, `role="alert"`) and, when
 * the caller can retry, a retry button. Validation errors add the first field's reason.
 */
export function renderError(localize: LocalizeController, error: MailError, retry?: () => void): TemplateResult {
  const detail = error.code === 'validation' ? error.issues[0]?.message : undefined;
  return html`<div part="error" role="alert" data-code=${error.code}>
    <span part="error-message">${localize.term(`error.${error.code}`)}${detail ? html` ${detail}` : nothing}</span>
    ${
      retry
        ? html`<button class="button" part="retry-button" type="button" @click=${retry}>
            ${localize.term('action.retry')}
          </button>`
        : nothing
    }
  </div>`;
}
