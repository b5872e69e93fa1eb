import type { settingsTest as english } from '../en/settings-test.js';

/** Spanish strings of `<mail-settings>`' connection-test results. */
export const settingsTest: typeof english = {
  'settings.test.results': 'Resultados de la prueba de conexión',
  'settings.test.incoming': (protocol: string) => `Entrante (${protocol}):`,
  'settings.test.outgoing': 'Saliente (SMTP):',
  'settings.test.ok': (where: string, ms: string) => `conectado a ${where} con sesión iniciada (${ms} ms).`,
  'settings.test.failed': 'no se ha podido hacer la prueba.',
  'settings.test.details': 'Detalles para su administrador',
};
