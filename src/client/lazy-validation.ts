/**
 * Loads the client's schemas (`validation.ts`) on demand: `<mail-backend-provider>` is on every host page, and zod
 * with the whole contract would otherwise be in each page's initial bundle.
 */
import { MailError } from '../core/mail-error.js';
import type * as ValidationModule from './validation.js';

export type Validation = typeof ValidationModule;

/** How the module is fetched. Tests replace `load` to make it slow or fail; a backend reads it when constructed. */
export const validationLoader = {
  load: (): Promise<Validation> => import('./validation.js'),
};

/** The validation module of one backend. Loading starts at once; a failure is not kept, so the next call tries again. */
export class LazyValidation {
  private readonly load = validationLoader.load;
  private pending: Promise<Validation> | undefined;

  constructor() {
    // Usually ready before the first call; a failure here is reported by the call that needs the module.
    this.get().catch(() => undefined);
  }

  /** The module, or a `network` MailError when it could not be loaded. */
  get(): Promise<Validation> {
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw new MailError('network', 'The mail client could not load its validation module.', { cause: error });
    });
    return this.pending;
  }
}
