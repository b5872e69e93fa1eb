/**
 * The OAuth app choice of `<mail-settings>`, in a chunk of its own that loads when the account signs in with an
 * OAuth app (chosen by the user, or stored so): an account with a password never needs it.
 */
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { AccountEndpoint, AuthorizationStatus } from '../../core/index.js';
import { settingsOAuth } from '../../i18n/en/settings-oauth.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { PartKit, PartStrings } from './settings-form.js';

/** The choice's strings (`settings-oauth`), registered by the element that loads it (`registerPartStrings`). */
export const strings: PartStrings = {
  area: 'settings-oauth',
  english: settingsOAuth,
  languages: { es: () => import('../../i18n/es/settings-oauth.js').then((module) => module.settingsOAuth) },
};

/** What the OAuth app field shows. */
export interface OAuthChoiceView {
  kit: PartKit;
  localize: LocalizeController;
  /** The icon of the note shown when no app is registered. */
  warningIcon: SVGTemplateResult;
  /** The registered apps to choose from. */
  endpoints: readonly AccountEndpoint[];
  /** The chosen app's id, or `''`. */
  selected: string;
  /** The field's message, when it has one. */
  error: string | undefined;
  /** Whether the chosen app has authorized a mailbox; `null` or `undefined` while unknown. */
  status: AuthorizationStatus | null | undefined;
  onChange: (endpointId: string) => void;
}

/** A select of the registered apps with the chosen one's authorization, or a note when none is registered. */
export function renderOAuthChoice(view: OAuthChoiceView): TemplateResult {
  const { html } = view.kit;
  const t = view.localize;
  if (!view.endpoints.length)
    return html`<p class="note warning" part="no-endpoints">
      ${view.warningIcon}<span>${t.term('settings.auth.no-endpoints')}</span>
    </p>`;
  return html`<div class="field" part="field" data-field="oauthEndpointId">
    <label part="label" for="oauthEndpointId"
      >${t.term('settings.field.endpoint')}<span class="required" aria-hidden="true"> *</span></label
    >
    <div class="control">
      <select
        part="input"
        id="oauthEndpointId"
        required
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby="oauthEndpointId-message oauthEndpointId-hint"
        @change=${(event: Event) => view.onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!view.selected}>${t.term('settings.auth.choose-endpoint')}</option>
        ${view.endpoints.map(
          (endpoint) =>
            html`<option value=${endpoint.id} ?selected=${view.selected === endpoint.id}>
              ${endpoint.name} (${t.term(`settings.provider.${endpoint.provider}`)})
            </option>`,
        )}
      </select>
    </div>
    <p class="hint" part="hint" id="oauthEndpointId-hint">${authorizationHint(view)}</p>
    <p class="message" part="field-error" id="oauthEndpointId-message">${view.error ?? ''}</p>
  </div>`;
}

function authorizationHint({ localize: t, selected, status }: OAuthChoiceView): string {
  if (!selected || !status) return t.term('settings.auth.endpoint-hint');
  if (status.state === 'authorized')
    return status.account ? t.term('settings.auth.authorized-as', status.account) : t.term('settings.auth.authorized');
  return t.term('settings.auth.not-authorized');
}
