import { html, nothing, type TemplateResult } from 'lit';
import type { MailError } from '../../core/index.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { LazyModule } from './lazy-module.js';

/**
 * The error region every element shows: a localized, actionable message (`part="error"`, `role="alert"`) and, when
 * the caller can retry, a retry button. Validation errors add the first field's reason. `message` replaces the one
 * the error's code gives, where the caller knows better what failed.
 */
export function renderError(
  localize: LocalizeController,
  error: MailError,
  retry?: () => void,
  message = localize.term(`error.${error.code}`),
): TemplateResult {
  const detail = error.code === 'validation' ? error.issues[0]?.message : undefined;
  return html`<div part="error" role="alert" data-code=${error.code}>
    <span part="error-message">${message}${detail ? html` ${detail}` : nothing}</span>
    ${
      retry
        ? html`<button class="button" part="retry-button" type="button" @click=${retry}>
            ${localize.term('action.retry')}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * What stands in for a part that loads on first use (`LazyModule`) until it is there: a loading state
 * (`part="loading"`, `role="status"`), or the error region with a retry when it could not be loaded.
 */
export function renderPartState(localize: LocalizeController, part: LazyModule<unknown>): TemplateResult {
  if (part.error) return renderError(localize, part.error, () => void part.retry());
  return html`<div class="part-loading" part="loading" role="status">${localize.term('state.loading')}</div>`;
}
