/** English messages of the settings forms' checks (`settings.invalid.*`), registered when the checks load
 * (`mail-settings/validate.ts`): a form shows none of them before. */
export const settingsChecks = {
  'settings.invalid.required': 'Required.',
  'settings.invalid.too-long': (max: number) => `At most ${max} characters.`,
  'settings.invalid.line-break': 'Line breaks are not allowed here.',
  'settings.invalid.text': 'Not valid here.',
  'settings.invalid.host': 'Enter a server name such as mail.example.com, or an IP address.',
  'settings.invalid.port': 'A port is a whole number from 1 to 65535.',
  'settings.invalid.email': 'Enter an e-mail address such as name@example.com.',
  'settings.invalid.url': 'Enter an absolute http or https address, such as https://erp.example.com.',
  'settings.invalid.path': 'A path starts with / and has no spaces, ? or #.',
  'settings.invalid.tenant':
    'Enter the directory (tenant) ID, a GUID, or a verified domain, or common, organizations or consumers.',
  'settings.invalid.client-id': 'Paste the client ID exactly as the portal shows it, without spaces.',
  'settings.invalid.client-id-microsoft':
    "The Application (client) ID is a GUID such as 00000000-0000-0000-0000-000000000000: copy it from the app's Overview page.",
  'settings.invalid.client-id-google':
    'A Google client ID ends in .apps.googleusercontent.com: copy it from the Credentials page.',
  'settings.invalid.choice': 'Choose one of the options.',
  'settings.invalid.secret': 'Enter the client secret.',
  'settings.invalid.password': 'Enter the password.',
  'settings.invalid.endpoint': 'Choose the OAuth app that signs this mailbox in.',
};
