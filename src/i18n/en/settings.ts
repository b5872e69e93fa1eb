/** English strings shared by the settings forms (<mail-settings>, <mail-account-endpoint>, <mail-app-settings>), and
 * those of the account in <mail-settings>. Those of the parts that load on first use are areas of their own: the
 * checks' messages (`settings-checks`), the connection-test results (`settings-test`) and the OAuth app choice
 * (`settings-oauth`). */

export const settings = {
  // shared form
  'settings.form.save': 'Save',
  'settings.form.saving': 'Saving…',
  'settings.form.saved': 'Saved.',
  'settings.form.unsaved': 'Unsaved changes',
  'settings.form.discard': 'Discard changes',
  'settings.form.fix-fields': 'Some fields need your attention: see the messages next to them.',
  'settings.form.checks-failed': 'The form’s checks could not be loaded. Check your connection and try again.',
  // <mail-settings>
  'settings.account.title': 'Mail account',
  'settings.account.new': 'Connect a mailbox: choose your provider, check the servers and test the connection.',
  'settings.account.configured': 'The mailbox this application reads and sends from.',
  'settings.preset.legend': 'Provider',
  'settings.preset.microsoft365': 'Microsoft 365',
  'settings.preset.outlook': 'Outlook.com',
  'settings.preset.gmail': 'Gmail',
  'settings.preset.custom': 'Other (custom)',
  'settings.preset.microsoft-note':
    'Microsoft no longer accepts passwords for most mailboxes: choose "OAuth app" below after registering one.',
  'settings.preset.gmail-note':
    'Gmail accepts an app password (with 2-step verification on) or an OAuth app registered in Google Cloud.',
  'settings.identity.legend': 'Account',
  'settings.field.email': 'E-mail address',
  'settings.field.display-name': 'Visible name',
  'settings.field.user-name': 'User name',
  'settings.field.protocol': 'Incoming protocol',
  'settings.field.host': 'Server',
  'settings.field.port': 'Port',
  'settings.field.security': 'Security',
  'settings.field.password': 'Password',
  'settings.field.new-password': 'New password',
  'settings.hint.display-name': 'The name recipients see, such as "Dana Ortiz" or "Acme Sales".',
  'settings.hint.user-name': 'The sign-in name; usually the e-mail address.',
  'settings.incoming.legend': 'Incoming mail',
  'settings.outgoing.legend': 'Outgoing mail (SMTP)',
  'settings.protocol.imap': 'IMAP',
  'settings.protocol.pop3': 'POP3',
  'settings.security.tls': 'SSL/TLS',
  'settings.security.starttls': 'STARTTLS',
  'settings.security.none': 'None (unencrypted)',
  'settings.security.tls-hint': (port: number) => `Encrypted from the start. Usual port: ${port}.`,
  'settings.security.starttls-hint': (port: number) => `Encryption after connecting. Usual port: ${port}.`,
  'settings.security.none-hint': (port: number) =>
    `Passwords and mail travel unencrypted: only for servers on your own network. Usual port: ${port}.`,
  'settings.auth.legend': 'Sign-in',
  'settings.auth.password': 'Password',
  'settings.auth.oauth': 'OAuth app (Microsoft 365, Google)',
  'settings.password.set': 'A password is saved.',
  'settings.password.change': 'Change password',
  'settings.password.keep': 'Keep the saved one',
  'settings.password.write-only': 'For your security the saved password is never shown.',
  'settings.password.app-password-hint':
    'Accounts with 2-step verification need an app password created in the account’s security settings.',
  'settings.test.button': 'Test connection',
  'settings.test.running': 'Testing…',
};
