/** English strings of `<mail-settings>`' connection-test results, registered when the results panel loads
 * (`mail-settings/connection-test.ts`). */
export const settingsTest = {
  'settings.test.results': 'Connection test results',
  'settings.test.incoming': (protocol: string) => `Incoming (${protocol}):`,
  'settings.test.outgoing': 'Outgoing (SMTP):',
  'settings.test.ok': (where: string, ms: string) => `connected to ${where} and signed in (${ms} ms).`,
  'settings.test.failed': 'the test could not run.',
  'settings.test.details': 'Details for your administrator',
};
