import type { ReactiveControllerHost } from 'lit';
import { MailError } from '../../core/mail-error.js';

/** How a `LazyModule` reports. */
export interface LazyModuleOptions {
  /** Called on each failed attempt, with the failure as a `network` `MailError` (the host emits `mail-error`). */
  onError?: (error: MailError) => void;
}

/**
 * A part of an element that arrives with a dynamic `import()` on first use (form checks, help texts): it is loaded
 * once, the host re-renders when it is there, and a failure is kept for an error region with a retry
 * (`renderPartState`). It follows none of the host's lifecycle, so it is not one of its controllers: it only asks
 * the host to update.
 */
export class LazyModule<T> {
  /** The module, once loaded. */
  value: T | undefined = undefined;
  /** Why loading failed; cleared by `retry()`. */
  error: MailError | undefined = undefined;
  private pending: Promise<T | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Loads the part. Replaceable, for tests that make it fail. */
    public load: () => Promise<T>,
    private readonly options: LazyModuleOptions = {},
  ) {}

  /** Starts loading unless it is loaded, loading or failed; resolves to the module, or `undefined` after a failure. */
  request(): Promise<T | undefined> {
    if (this.value !== undefined || this.error) return Promise.resolve(this.value);
    this.pending ??= this.load()
      .then(
        (value) => (this.value = value),
        (error: unknown) => {
          console.error('[mail-elements] could not load a part of the element:', error);
          // A chunk that cannot be fetched is a network problem, whatever the browser's error says.
          this.error = MailError.from(error, 'network');
          this.options.onError?.(this.error);
          return undefined;
        },
      )
      .finally(() => {
        this.pending = undefined;
        this.host.requestUpdate();
      });
    return this.pending;
  }

  /** Loads now, again after a failure: for a retry button, or a user action that needs the part. */
  retry(): Promise<T | undefined> {
    if (this.error) {
      this.error = undefined;
      this.host.requestUpdate();
    }
    return this.request();
  }

  /** Resolves when nothing is loading (at once when nothing is). */
  get settled(): Promise<unknown> {
    return this.pending ?? Promise.resolve();
  }
}
