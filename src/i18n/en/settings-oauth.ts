/** English strings of `<mail-settings>`' OAuth app choice, registered when the choice loads
 * (`mail-settings/oauth-choice.ts`). */
export const settingsOAuth = {
  'settings.field.endpoint': 'OAuth app',
  'settings.auth.no-endpoints':
    'No OAuth app is registered yet. An administrator registers one for Microsoft or Google and authorizes the mailbox.',
  'settings.auth.choose-endpoint': 'Choose an app…',
  'settings.auth.endpoint-hint': 'The app registered with the provider that signs this mailbox in.',
  'settings.auth.authorized': 'Authorized.',
  'settings.auth.authorized-as': (account: string) => `Authorized as ${account}.`,
  'settings.auth.not-authorized': 'This app has not authorized a mailbox yet: open it and click Authorize.',
  'settings.provider.microsoft': 'Microsoft',
  'settings.provider.google': 'Google',
};
