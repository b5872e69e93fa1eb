import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MailError, type AuthorizationStatus, type CompleteAuthorizationRequest } from '../../core/index.js';
import { controlStyles } from '../../styles/tokens.js';
import { MailElement } from '../base/mail-element.js';
import { checkIcon, clockIcon, errorIcon, icon, mailIcon } from '../base/icons.js';
import { oauthErrorMeaning } from '../mail-account-endpoint/oauth-help.js';
import { helpLoader } from '../mail-settings/settings-form.js';
import { LazyModule } from '../base/lazy-module.js';
import { renderError } from '../base/error-view.js';
import { oauthCallbackStyles } from './mail-oauth-callback.styles.js';
import '../../i18n/strings/settings-apps.js';

/** `data.type` of the message the callback posts to the window that opened it. */
export const OAUTH_MESSAGE_TYPE = 'mail-elements:oauth-complete';

/** The message posted to the opener (same origin only). It never carries the code or any token. */
export interface OAuthCompleteMessage {
  type: typeof OAUTH_MESSAGE_TYPE;
  /** The endpoint whose status changed; absent when the backend refused the answer before knowing it. */
  endpointId?: string;
  ok: boolean;
}

/** Detail of `mail-oauth-complete`. */
export interface OAuthCompleteDetail {
  ok: boolean;
  /** The endpoint's new status, when the backend accepted the answer. */
  status?: AuthorizationStatus;
  error?: MailError;
}

/** Where `<mail-account-endpoint>` leaves the page to come back to after a same-window redirect. */
export const OAUTH_RETURN_KEY = 'mail-elements:oauth-return';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'done'; status: AuthorizationStatus }
  | { kind: 'failed'; status?: AuthorizationStatus; error?: MailError; code?: string; description?: string };

/** The provider's answer in a redirect URL: the query, or the fragment for `response_mode=fragment`. */
export function readCallbackUrl(url: string): CompleteAuthorizationRequest | { error?: string; state?: undefined } {
  const parsed = new URL(url, location.href);
  let params = parsed.searchParams;
  if (!params.has('state') && !params.has('code') && !params.has('error') && parsed.hash.length > 1)
    params = new URLSearchParams(parsed.hash.slice(1));
  const pick = (name: string) => params.get(name)?.slice(0, 4096) || undefined;
  const state = pick('state')?.slice(0, 512);
  const code = pick('code');
  const error = pick('error')?.slice(0, 256);
  const errorDescription = pick('error_description');
  if (!state) return error ? { error } : {};
  return {
    state,
    ...(code ? { code } : {}),
    ...(error ? { error } : {}),
    ...(errorDescription ? { errorDescription } : {}),
  };
}

/**
 * @tagname mail-oauth-callback
 * @summary The content of the OAuth redirect page. It reads the provider's answer (code and state, or an error) from
 * the address, completes the authorization with the backend, removes the code from the address bar, tells the window
 * that opened it (a message to its own origin only, without the code) and closes itself. Opened without a popup, it
 * shows the result and a way back.
 *
 * @event mail-oauth-complete - The authorization finished. `detail.ok`, `detail.status` and `detail.error`.
 * @event mail-error - Completing the authorization failed.
 *
 * @csspart panel - The result panel.
 * @csspart title - The result's heading.
 * @csspart message - What happened and what to do.
 * @csspart details - The provider's own words.
 * @csspart close-button - Closes the window (popup only).
 * @csspart return-link - Goes back to the settings page (no popup).
 * @csspart error - Says the explanation of the provider's error could not load.
 * @csspart error-message - The text of the error region.
 * @csspart retry-button - Loads the explanation again.
 */
export class MailOAuthCallback extends MailElement {
  static override styles = [...MailElement.styles, controlStyles, oauthCallbackStyles];

  /** The redirect URL to read; the page's own address when empty. */
  @property()
  url = '';

  /** Keeps the popup open after a successful authorization instead of closing it. */
  @property({ type: Boolean, attribute: 'keep-open' })
  keepOpen = false;

  /** Where "Back" goes when there is no opener window; else the page that started the flow, when known. */
  @property({ attribute: 'return-url' })
  returnUrl = '';

  /** What provider errors mean (the `settings-help` strings): loaded only when a failure needs explaining. */
  private readonly help = new LazyModule(this, helpLoader(this.localize));

  private readonly completion = new Task(this, {
    task: async ([backend, url], { signal }): Promise<Outcome> => {
      if (!backend) throw new MailError('unsupported', this.localize.term('error.no-backend'));
      const fromLocation = !url;
      const answer = readCallbackUrl(url || location.href);
      // The code is single use and must not linger in the history or be shared with a bookmark.
      if (fromLocation && (answer.state || answer.error)) history.replaceState(history.state, '', location.pathname);
      if (!answer.state) {
        if (!answer.error) return { kind: 'idle' };
        const outcome: Outcome = { kind: 'failed', code: answer.error };
        this.finish(outcome);
        await this.help.request();
        return outcome;
      }
      let outcome: Outcome;
      try {
        const status = await backend.completeAuthorization(answer, { signal });
        outcome = status.state === 'authorized' ? { kind: 'done', status } : { kind: 'failed', status };
      } catch (error) {
        const mailError = this.reportError(error, 'completeAuthorization');
        if (mailError.code === 'aborted') throw mailError;
        // The provider's own error, when it sent one, is the real cause; keep it.
        outcome = {
          kind: 'failed',
          error: mailError,
          ...(answer.error ? { code: answer.error } : {}),
          ...(answer.errorDescription ? { description: answer.errorDescription } : {}),
        };
      }
      this.finish(outcome);
      // Shown once, explained: the panel waits for the meaning of the provider's error (a failed load is shown there).
      if (explainedByProvider(outcome)) await this.help.request();
      return outcome;
    },
    args: () => [this.activeBackend, this.url] as const,
  });

  /** Tells the host page, then the opener window (same origin only), and closes the popup after a success. */
  private finish(outcome: Outcome): void {
    const ok = outcome.kind === 'done';
    const status = outcome.kind === 'idle' ? undefined : outcome.status;
    const error = outcome.kind === 'failed' ? outcome.error : undefined;
    this.emit('mail-oauth-complete', { ok, ...(status ? { status } : {}), ...(error ? { error } : {}) });
    const opener = this.opener();
    if (!opener) return;
    const message: OAuthCompleteMessage = {
      type: OAUTH_MESSAGE_TYPE,
      ok,
      ...(status ? { endpointId: status.endpointId } : {}),
    };
    try {
      opener.postMessage(message, location.origin);
    } catch {
      // The opener went away: nothing to tell.
    }
    if (ok && !this.keepOpen) setTimeout(() => window.close(), 400);
  }

  private opener(): Window | null {
    try {
      return window.opener && window.opener !== window && !(window.opener as Window).closed
        ? (window.opener as Window)
        : null;
    } catch {
      return null;
    }
  }

  /** The page to go back to: `return-url`, else the same-origin page that started the flow. */
  private backUrl(): string | undefined {
    const candidates = [this.returnUrl, sessionStorage.getItem(OAUTH_RETURN_KEY) ?? ''];
    for (const candidate of candidates) {
      if (!candidate) continue;
      try {
        const url = new URL(candidate, location.href);
        if (url.origin === location.origin) return url.href;
      } catch {
        // Not a URL: skip it.
      }
    }
    return undefined;
  }

  protected override render() {
    return this.completion.render({
      initial: () => this.renderWorking(),
      pending: () => this.renderWorking(),
      complete: (outcome) => this.renderOutcome(outcome),
      error: (error) => this.renderOutcome({ kind: 'failed', error: MailError.from(error) }),
    });
  }

  private renderWorking(): TemplateResult {
    return html`<section part="panel" class="working" role="status" aria-busy="true">
      ${icon(clockIcon, 28)}
      <h1 part="title">${this.localize.term('settings.callback.working')}</h1>
    </section>`;
  }

  /** What the provider's error means; nothing while the help texts are missing (their error region says why). */
  private providerMeaning(code: string | undefined, providerText: string | undefined): string {
    if (!this.help.value) return '';
    return this.localize.term(`settings.oauth-error.${oauthErrorMeaning(code, providerText)}`);
  }

  private renderOutcome(outcome: Outcome): TemplateResult {
    const t = this.localize;
    const popup = !!this.opener();
    const back = popup ? undefined : this.backUrl();
    const actions = html`<div class="actions">
      ${
        popup
          ? html`<button class="button" part="close-button" type="button" @click=${() => window.close()}>
              ${t.term('settings.callback.close')}
            </button>`
          : nothing
      }
      ${back ? html`<a class="button primary" part="return-link" href=${back}>${t.term('settings.callback.back')}</a>` : nothing}
    </div>`;
    if (outcome.kind === 'idle')
      return html`<section part="panel">
        ${icon(mailIcon, 28)}
        <h1 part="title">${t.term('settings.callback.idle-title')}</h1>
        <p part="message">${t.term('settings.callback.idle')}</p>
        ${actions}
      </section>`;
    if (outcome.kind === 'done')
      return html`<section part="panel" class="ok" role="status">
        ${icon(checkIcon, 28)}
        <h1 part="title">${t.term('settings.callback.done-title')}</h1>
        <p part="message">
          ${
            outcome.status.account
              ? t.term('settings.callback.done-account', outcome.status.account)
              : t.term('settings.callback.done')
          }
          ${popup ? t.term('settings.callback.closing') : nothing}
        </p>
        ${actions}
      </section>`;
    const code = outcome.status?.lastErrorCode ?? outcome.code;
    const providerText = outcome.status?.lastError ?? outcome.description;
    const meaning =
      code || !outcome.error
        ? this.providerMeaning(code, providerText)
        : outcome.error.issuesAt('state').length
          ? t.term('settings.callback.state-invalid')
          : t.term(`error.${outcome.error.code}`);
    const serverText =
      !code && outcome.error?.code === 'validation' && !outcome.error.issuesAt('state').length
        ? outcome.error.issues[0]?.message
        : undefined;
    return html`<section part="panel" class="failed" role="alert">
      ${icon(errorIcon, 28)}
      <h1 part="title">${t.term('settings.callback.failed-title')}</h1>
      ${meaning || serverText ? html`<p part="message">${meaning}${serverText ? html` ${serverText}` : nothing}</p>` : nothing}
      ${this.help.error ? renderError(t, this.help.error, () => void this.help.retry()) : nothing}
      ${
        code || providerText
          ? html`<details part="details">
              <summary>${t.term('settings.callback.details')}</summary>
              ${code ? html`<p><code>${code}</code></p>` : nothing}
              ${providerText ? html`<p>${providerText}</p>` : nothing}
            </details>`
          : nothing
      }
      ${actions}
    </section>`;
  }
}

/** A failure whose explanation is the provider's error (its code, or its absence), not one of the backend's. */
function explainedByProvider(outcome: Outcome): boolean {
  return outcome.kind === 'failed' && (!!(outcome.status?.lastErrorCode ?? outcome.code) || !outcome.error);
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-oauth-complete': CustomEvent<OAuthCompleteDetail>;
  }
}
