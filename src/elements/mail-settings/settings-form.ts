/**
 * What the settings forms (`<mail-settings>`, `<mail-account-endpoint>`, `<mail-app-settings>`) share besides their
 * fields: the page-wide listeners (the unsaved-changes warning and the element's own), which messages show when, the
 * form-level message and status line, a failed save mapped to the fields, and the checks, which load on first use.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MailError } from '../../core/mail-error.js';
import { defineStrings, type LocalizeController, type Translations } from '../../i18n/localize.js';
import { renderError } from '../base/error-view.js';
import { LazyModule } from '../base/lazy-module.js';
import { focusFirstInvalid, type FieldKind } from './form.js';
import type * as validate from './validate.js';

/**
 * lit's `html` and `nothing`, which an element hands to the parts of its form that load on first use instead of their
 * importing lit: with code splitting, a bundler such as esbuild would otherwise move lit out of the element's first
 * chunk into one shared with the parts, and every first load would pay for one more chunk (about 1 KB gzipped).
 */
export interface PartKit {
  html: typeof html;
  nothing: typeof nothing;
}

/** The `PartKit` of this module's own lit. */
export const partKit: PartKit = { html, nothing };

/** The checks of the forms (`validate.ts`), with the schemas and zod. */
export type Checks = typeof validate;

/** Strings that a part loading on first use brings in its chunk: their area, English, and a loader per language. */
export interface PartStrings {
  area: string;
  english: Partial<Translations>;
  languages: Record<string, () => Promise<Partial<Translations>>>;
}

/**
 * Registers the strings of a part that has just loaded, and hands the part on; the host's next update waits for them
 * in its language. It registers them itself, as `i18n/strings/<area>.ts` would, because a part that imported
 * `localize` would move it out of the element's first chunk into one shared with the part (see `PartKit`).
 */
export function registerPartStrings<T extends { strings: PartStrings }>(part: T): T {
  defineStrings(part.strings.area, part.strings.english, part.strings.languages);
  return part;
}

/** Loads the checks and their messages; the bundler puts them, the schemas and zod in a chunk of their own. */
export const loadChecks = (): Promise<Checks> => import('./validate.js').then(registerPartStrings);

/** The element a `SettingsForm` serves. */
export interface SettingsFormHost extends ReactiveControllerHost, HTMLElement {
  /** True while the form holds changes that are not saved. */
  readonly dirty: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface SettingsFormOptions {
  localize: LocalizeController;
  /** What each field holds, keyed by path (`incoming.port`): the fields that show a message. */
  kinds: Readonly<Record<string, FieldKind>>;
  /** The problems the schema does not see (a required secret, an empty port), keyed like `kinds`. */
  rules?: () => Record<string, string>;
  /** The form's input and the schema that checks it. */
  input: () => { form: 'account' | 'endpoint' | 'app'; value: unknown };
  /** Page-wide events the element follows while connected. */
  listen?: readonly (readonly [EventTarget, string, EventListener])[];
}

export class SettingsForm implements ReactiveController {
  /** The checks, loaded at idle time or on the first focus, and awaited before a submit. */
  readonly checks: LazyModule<Checks>;
  /** Fields the user has left: their messages show. */
  touched: ReadonlySet<string> = new Set();
  /** After a submit every message shows. */
  submitted = false;
  /** The server's messages by field, until the field is edited. */
  serverErrors: Readonly<Record<string, string>> = {};
  /** A problem with the form as a whole. */
  formError = '';
  /** "Saved." */
  statusText = '';

  private readonly listeners: readonly (readonly [EventTarget, string, EventListener])[];
  private idle: number | undefined;
  /** Resolves the promises that wait for the host's next render (`rendered`). */
  private renderWaiters: (() => void)[] = [];

  constructor(
    private readonly host: SettingsFormHost,
    private readonly options: SettingsFormOptions,
  ) {
    this.checks = new LazyModule(host, loadChecks);
    this.listeners = [[window, 'beforeunload', this.onBeforeUnload as EventListener], ...(options.listen ?? [])];
    host.addController(this);
  }

  hostConnected(): void {
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener);
    this.host.addEventListener('focusin', this.preload);
    this.idle = requestIdle(this.preload);
  }

  hostUpdated(): void {
    this.releaseRenderWaiters();
  }

  hostDisconnected(): void {
    // Nothing renders while disconnected: what waits for a render goes on (a save then ends, and can run again).
    this.releaseRenderWaiters();
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener);
    this.host.removeEventListener('focusin', this.preload);
    cancelIdle(this.idle);
  }

  private readonly preload = (): void => {
    void this.checks.request();
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.host.dirty) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  /** Every field's problem, from the contract's schema plus the form's own rules; none until the checks are here. */
  allErrors(): Record<string, string> {
    const checks = this.checks.value;
    if (!checks) return {};
    const { form, value } = this.options.input();
    const issues = checks.issuesOf(form, value);
    const errors = checks.errorsFromIssues(this.options.localize, issues, this.options.kinds, value);
    return { ...errors, ...this.options.rules?.() };
  }

  /** Messages shown now: a field's once it was left or the form submitted, else the server's. */
  visibleErrors(): Record<string, string> {
    const all = this.allErrors();
    const shown: Record<string, string> = {};
    for (const key of Object.keys(this.options.kinds)) {
      const message = all[key];
      if (message && (this.submitted || this.touched.has(key))) shown[key] = message;
      else if (this.serverErrors[key]) shown[key] = this.serverErrors[key];
    }
    return shown;
  }

  /** The user left a field: its message shows from now on (once the checks are here). */
  touch(...keys: string[]): void {
    this.preload();
    if (keys.every((key) => this.touched.has(key))) return;
    this.touched = new Set([...this.touched, ...keys]);
    this.host.requestUpdate();
  }

  /** Fields were edited: the server's word on them and the status line no longer hold. */
  edited(...keys: string[]): void {
    this.preload();
    this.statusText = '';
    if (keys.some((key) => key in this.serverErrors)) {
      const serverErrors = { ...this.serverErrors };
      for (const key of keys) delete serverErrors[key];
      this.serverErrors = serverErrors;
    }
    this.host.requestUpdate();
  }

  /** Back to a pristine form (after loading, saving or discarding). */
  clear(): void {
    this.touched = new Set();
    this.submitted = false;
    this.serverErrors = {};
    this.formError = '';
    this.host.requestUpdate();
  }

  /**
   * Shows every message and waits for the checks, loading them again if they failed before (a save or a test needs
   * them): resolves to them when every field is valid; otherwise says so, focuses the first field in error and
   * resolves to `undefined` (also when the checks could not be loaded; their error region says so).
   */
  async validate(): Promise<Checks | undefined> {
    this.submitted = true;
    this.formError = '';
    this.host.requestUpdate();
    const checks = await this.checks.retry();
    if (!checks) return undefined;
    if (!Object.keys(this.allErrors()).length) return checks;
    this.formError = this.options.localize.term('settings.form.fix-fields');
    await this.focusFirstInvalid();
    return undefined;
  }

  /** A failed save: a server's field problems next to the fields, anything else above the buttons. */
  async showSaveError(error: MailError): Promise<void> {
    const t = this.options.localize;
    // A save follows the checks, so they are here: `request` only hands them over.
    const checks = error.code === 'validation' ? await this.checks.request() : undefined;
    if (checks) {
      const { fields, rest } = checks.errorsFromServer(error, Object.keys(this.options.kinds));
      this.serverErrors = fields;
      this.submitted = false;
      this.formError = rest.length
        ? `${t.term('error.validation')} ${rest.map((issue) => issue.message).join(' ')}`
        : t.term('settings.form.fix-fields');
    } else {
      this.formError = t.term(`error.${error.code}`);
    }
    await this.focusFirstInvalid();
  }

  /** Focuses the first field in error once the host has rendered its messages, not waiting for its other parts. */
  private async focusFirstInvalid(): Promise<void> {
    await this.rendered();
    focusFirstInvalid(this.host.renderRoot);
  }

  /**
   * Asks the host to render and resolves once it has. Not `host.updateComplete`: a host's may also wait for parts
   * that load on first use (help texts, panels), and a stalled one would hold the focus back.
   */
  private rendered(): Promise<void> {
    const done = new Promise<void>((resolve) => this.renderWaiters.push(resolve));
    this.host.requestUpdate();
    return done;
  }

  private releaseRenderWaiters(): void {
    const waiters = this.renderWaiters;
    this.renderWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The form-level message, and the error region with a retry when the checks could not be loaded. */
  renderFormError(): TemplateResult {
    const t = this.options.localize;
    const error = this.checks.error;
    return html`<p part="form-error" role="alert">${this.formError}</p>
      ${error ? renderError(t, error, () => void this.checks.retry(), t.term('settings.form.checks-failed')) : nothing}`;
  }
}

/** Runs `task` when the browser is idle (soon after, where `requestIdleCallback` is missing). */
function requestIdle(task: () => void): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(task, { timeout: 2000 })
    : window.setTimeout(task, 200);
}

function cancelIdle(handle: number | undefined): void {
  if (handle === undefined) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}

/**
 * Loads the help texts shown on demand (the `settings-help` area: connection failures, provider errors, setup
 * checklists), then their translation into the element's language. Resolves to `true`. It registers the area itself,
 * as `i18n/strings/settings-help.ts` does, because importing that module would move `localize` out of the element's
 * first chunk into one shared with the help (see `PartKit`).
 */
export function helpLoader(localize: LocalizeController): () => Promise<true> {
  return () =>
    import('../../i18n/en/settings-help.js')
      .then(({ settingsHelp }) =>
        defineStrings('settings-help', settingsHelp, {
          es: () => import('../../i18n/es/settings-help.js').then((module) => module.settingsHelp),
        }),
      )
      .then(() => localize.ready())
      .then(() => true as const);
}
