import { createContext } from '@lit/context';
import type { MailBackend } from '../../core/index.js';

/**
 * The backend every element consumes. Keyed by a global symbol so that two copies of the library on one page still
 * find each other's provider.
 */
export const backendContext = createContext<MailBackend | undefined>(Symbol.for('mail-backend'));
