/**
 * The results of `<mail-settings>`' connection test, in a chunk of its own that loads when a test first runs (or
 * its button is pointed at): most visits to the form never test.
 */
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { ConnectionTarget, ConnectionTestResult, IncomingProtocol, MailError } from '../../core/index.js';
import { settingsTest } from '../../i18n/en/settings-test.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { PartKit, PartStrings } from './settings-form.js';

/** The panel's strings (`settings-test`), registered by the element that loads it (`registerPartStrings`). */
export const strings: PartStrings = {
  area: 'settings-test',
  english: settingsTest,
  languages: { es: () => import('../../i18n/es/settings-test.js').then((module) => module.settingsTest) },
};

/** What the results panel shows. */
export interface ConnectionTestView {
  kit: PartKit;
  localize: LocalizeController;
  /** The icons of a running, passed and failed test. */
  icons: Readonly<Record<'pending' | 'ok' | 'failed', SVGTemplateResult>>;
  /** Each finished test, or why it could not run; a missing target is still running. */
  results: Partial<Record<ConnectionTarget, ConnectionTestResult | MailError>>;
  protocol: IncomingProtocol;
  /** The server and port each test used, as typed. */
  servers: Readonly<Record<ConnectionTarget, { host: string; port: string }>>;
  /** The help texts are loaded, so a failure can be explained. */
  explained: boolean;
}

/** Both tests, incoming and outgoing, each pending, passed or failed. */
export function renderResults(view: ConnectionTestView): TemplateResult {
  const { html } = view.kit;
  // The panel brings its own styles, so that the form's stylesheet carries none of them.
  return html`<style>
      .results {
        display: grid;
        gap: var(--_space);
      }
      .advice {
        color: var(--_text);
      }
      .ok .icon {
        color: var(--_success);
      }
    </style>
    <section class="results" aria-label=${view.localize.term('settings.test.results')} aria-live="polite">
      ${renderResult(view, 'incoming')} ${renderResult(view, 'outgoing')}
    </section>`;
}

function renderResult(view: ConnectionTestView, target: ConnectionTarget): TemplateResult {
  const { html } = view.kit;
  const t = view.localize;
  const result = view.results[target];
  const name =
    target === 'incoming'
      ? t.term('settings.test.incoming', t.term(`settings.protocol.${view.protocol}`))
      : t.term('settings.test.outgoing');
  if (!result)
    return html`<div class="note" part="test-result pending" data-target=${target}>
      ${view.icons.pending}
      <div>
        <p><strong>${name}</strong> ${t.term('settings.test.running')}</p>
      </div>
    </div>`;
  // A test that could not run is a `MailError`; one that ran has a verdict.
  if (result instanceof Error)
    return html`<div class="note failed" part="test-result failed" data-target=${target} data-failure="error">
      ${view.icons.failed}
      <div>
        <p><strong>${name}</strong> ${t.term('settings.test.failed')}</p>
        <p>${t.term(`error.${result.code}`)}</p>
      </div>
    </div>`;
  const { host, port } = view.servers[target];
  if (result.ok)
    return html`<div class="note ok" part="test-result ok" data-target=${target}>
      ${view.icons.ok}
      <div>
        <p>
          <strong>${name}</strong>
          ${t.term('settings.test.ok', `${host}:${port}`, t.number(result.durationMs))}
        </p>
      </div>
    </div>`;
  return renderFailure(view, target, name, result);
}

/** A test that reached the server and failed: why in plain words (once the help is here), and the raw details. */
function renderFailure(
  view: ConnectionTestView,
  target: ConnectionTarget,
  name: string,
  result: ConnectionTestResult,
): TemplateResult {
  const { html, nothing } = view.kit;
  const t = view.localize;
  const failure = result.failure ?? 'unknown';
  const { host, port } = view.servers[target];
  const protocolName = target === 'incoming' ? t.term(`settings.protocol.${view.protocol}`) : 'SMTP';
  return html`<div class="note failed" part="test-result failed" data-target=${target} data-failure=${failure}>
    ${view.icons.failed}
    <div>
      <p>
        <strong>${name}</strong>
        ${view.explained ? t.term(`settings.failure.${failure}-title`) : t.term('settings.test.failed')}
      </p>
      ${
        view.explained
          ? html`<p class="advice">${t.term(`settings.failure.${failure}`, host, port, protocolName)}</p>`
          : nothing
      }
      <details>
        <summary>${t.term('settings.test.details')}</summary>
        <p>${result.message}</p>
        ${result.detail ? html`<pre>${result.detail}</pre>` : nothing}
      </details>
    </div>
  </div>`;
}
