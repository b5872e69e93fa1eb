/** English strings of the account and OAuth setup: <mail-settings>, <mail-account-endpoint>, <mail-app-settings>,
 * <mail-oauth-callback> and <mail-toolbar-button>. */
type Where = (host: string, port: string, protocol: string) => string;

export const settings = {
  // shared form
  'settings.form.save': 'Save',
  'settings.form.saving': 'Saving…',
  'settings.form.saved': 'Saved.',
  'settings.form.unsaved': 'Unsaved changes',
  'settings.form.discard': 'Discard changes',
  'settings.form.fix-fields': 'Some fields need your attention: see the messages next to them.',
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
  'settings.invalid.choice': 'Choose one of the options.',
  'settings.invalid.secret': 'Enter the client secret.',
  'settings.invalid.password': 'Enter the password.',
  'settings.invalid.endpoint': 'Choose the OAuth app that signs this mailbox in.',
  'settings.https-warning':
    'This address is not https. Microsoft and Google accept plain http only for localhost: set the application base URL to the https address your users reach.',
  'settings.copy.button': 'Copy',
  'settings.copy.done': 'Copied to the clipboard.',
  'settings.copy.failed': 'Could not copy: select the text and copy it by hand.',
  'settings.copy.redirect': 'Copy the redirect URL',
  'settings.copy.scopes': 'Copy the permissions',
  'settings.provider.microsoft': 'Microsoft',
  'settings.provider.google': 'Google',

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
  'settings.field.endpoint': 'OAuth app',
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
  'settings.auth.no-endpoints':
    'No OAuth app is registered yet. An administrator registers one for Microsoft or Google and authorizes the mailbox.',
  'settings.auth.choose-endpoint': 'Choose an app…',
  'settings.auth.endpoint-hint': 'The app registered with the provider that signs this mailbox in.',
  'settings.auth.authorized': 'Authorized.',
  'settings.auth.authorized-as': (account: string) => `Authorized as ${account}.`,
  'settings.auth.not-authorized': 'This app has not authorized a mailbox yet: open it and click Authorize.',
  'settings.password.set': 'A password is saved.',
  'settings.password.change': 'Change password',
  'settings.password.keep': 'Keep the saved one',
  'settings.password.write-only': 'For your security the saved password is never shown.',
  'settings.password.app-password-hint':
    'Accounts with 2-step verification need an app password created in the account’s security settings.',
  'settings.test.button': 'Test connection',
  'settings.test.running': 'Testing…',
  'settings.test.results': 'Connection test results',
  'settings.test.incoming': (protocol: string) => `Incoming (${protocol}):`,
  'settings.test.outgoing': 'Outgoing (SMTP):',
  'settings.test.ok': (where: string, ms: string) => `connected to ${where} and signed in (${ms} ms).`,
  'settings.test.failed': 'the test could not run.',
  'settings.test.details': 'Details for your administrator',
  'settings.failure.auth-failed-title': 'the server rejected the sign-in.',
  'settings.failure.auth-failed': ((host) =>
    `${host} rejected the user name or password. Check both; accounts with 2-step verification need an app password.`) as Where,
  'settings.failure.smtp-auth-disabled-title': 'SMTP sign-in is turned off.',
  'settings.failure.smtp-auth-disabled': (() =>
    'Authenticated SMTP is disabled for this mailbox or the whole organization. In the Microsoft 365 admin center, open the user › Mail › Manage email apps and turn on Authenticated SMTP.') as Where,
  'settings.failure.protocol-disabled-title': 'access is turned off for this mailbox.',
  'settings.failure.protocol-disabled': ((_host, _port, protocol) =>
    `${protocol} is disabled for this mailbox. Turn it on in the provider’s mailbox settings (Microsoft 365: Manage email apps; Gmail: Settings › Forwarding and POP/IMAP).`) as Where,
  'settings.failure.oauth-required-title': 'the server no longer accepts passwords.',
  'settings.failure.oauth-required': (() =>
    'Switch the sign-in to "OAuth app", register the app with the provider and authorize the mailbox.') as Where,
  'settings.failure.authorize-again-title': 'the mailbox must be authorized again.',
  'settings.failure.authorize-again': (() =>
    'The authorization is missing or expired. Open the OAuth app and click Authorize to sign in again.') as Where,
  'settings.failure.certificate-title': 'the server’s certificate is not trusted.',
  'settings.failure.certificate': ((host) =>
    `The certificate of ${host} is self-signed, expired or issued for another name. Use the exact server name your provider documents.`) as Where,
  'settings.failure.tls-title': 'no secure connection could be set up.',
  'settings.failure.tls': (() =>
    'The security choice does not match the port. Try SSL/TLS with port 993, 995 or 465, or STARTTLS with 143, 110 or 587.') as Where,
  'settings.failure.timeout-title': 'the server did not answer.',
  'settings.failure.timeout': ((host, port) =>
    `${host}:${port} did not answer in time. Check the server name and port, and that a firewall allows the connection.`) as Where,
  'settings.failure.host-not-found-title': 'the server does not exist.',
  'settings.failure.host-not-found': ((host) =>
    `No server is called ${host}. Check the spelling of the server name.`) as Where,
  'settings.failure.refused-title': 'the server refused the connection.',
  'settings.failure.refused': ((host, port) =>
    `${host} does not accept connections on port ${port}. Check the port and the security choice.`) as Where,
  'settings.failure.unknown-title': 'something unexpected happened.',
  'settings.failure.unknown': (() =>
    'The server gave an unexpected answer. Try again later, or show the details below to your provider.') as Where,

  // <mail-app-settings>
  'settings.app.title': 'Application address',
  'settings.app.intro':
    'Microsoft and Google send users back to this application after they sign in. The redirect URL is built from this address.',
  'settings.app.base-url': 'Application base URL',
  'settings.app.base-url-hint': (origin: string) =>
    `The public address of this application. Leave it empty to use this page’s address (${origin}).`,
  'settings.app.redirect-path': 'Redirect page path',
  'settings.app.redirect-path-hint':
    'The page that hosts <mail-oauth-callback>; change it only if your server uses another one.',
  'settings.app.redirect-url': 'Redirect URL',

  // <mail-account-endpoint>
  'settings.endpoint.title-microsoft': 'Microsoft 365 OAuth app',
  'settings.endpoint.title-google': 'Google OAuth app',
  'settings.endpoint.intro-microsoft':
    'Register this application in Microsoft Entra ID so that Microsoft 365 mailboxes sign in with OAuth 2.0 instead of a password.',
  'settings.endpoint.intro-google':
    'Register this application in Google Cloud so that Gmail and Google Workspace mailboxes sign in with OAuth 2.0.',
  'settings.endpoint.default-name-microsoft': 'Microsoft 365',
  'settings.endpoint.default-name-google': 'Google',
  'settings.endpoint.app-legend': 'App registration',
  'settings.endpoint.name': 'Name',
  'settings.endpoint.name-hint': 'For administrators, to tell apps apart.',
  'settings.endpoint.client-id-microsoft': 'Application (client) ID',
  'settings.endpoint.client-id-google': 'Client ID',
  'settings.endpoint.tenant-id': 'Directory (tenant) ID',
  'settings.endpoint.tenant-hint':
    'The GUID from the app’s Overview page; or organizations (any work account), common (work and personal) or consumers.',
  'settings.endpoint.secret': 'Client secret',
  'settings.endpoint.secret-new': 'New client secret',
  'settings.endpoint.secret-set': 'A client secret is saved.',
  'settings.endpoint.secret-change': 'Change secret',
  'settings.endpoint.secret-keep': 'Keep the saved one',
  'settings.endpoint.secret-write-only': 'For your security the saved secret is never shown.',
  'settings.endpoint.secret-hint-microsoft':
    'The secret’s Value (not its Secret ID), shown once when you create it under Certificates & secrets.',
  'settings.endpoint.secret-hint-google': 'From the OAuth client’s page, or imported from its JSON file.',
  'settings.endpoint.redirect-url': 'Redirect URL to register',
  'settings.endpoint.redirect-hint-microsoft':
    'Add it under Authentication › Add a platform › Web (not “Single-page application”).',
  'settings.endpoint.redirect-hint-google': 'Add it under the OAuth client’s Authorized redirect URIs.',
  'settings.endpoint.scopes-title-microsoft': 'Delegated permissions to grant (Microsoft Graph)',
  'settings.endpoint.scopes-title-google': 'Scopes to add to the consent screen',
  'settings.endpoint.scopes-requested': 'Requested at sign-in:',
  'settings.import.button': 'Import Google JSON file',
  'settings.import.hint': 'The file Google offers to download after you create a Web application OAuth client.',
  'settings.import.done': (file: string) => `Client ID and secret read from ${file}. Save to keep them.`,
  'settings.import.redirect-missing': (url: string) =>
    `Its authorized redirect URIs do not include ${url}: add it in Google Cloud, or sign-in fails with redirect_uri_mismatch.`,
  'settings.import.malformed': (file: string) => `${file} is not valid JSON. Download the file from Google again.`,
  'settings.import.installed': (file: string) =>
    `${file} is for a desktop app. Create an OAuth client of type “Web application” and download its JSON.`,
  'settings.import.service-account': (file: string) =>
    `${file} is a service-account key, not an OAuth client. Create an OAuth client ID of type “Web application”.`,
  'settings.import.wrong-kind': (file: string) =>
    `${file} is not an OAuth client file from Google. Download it from Credentials › OAuth 2.0 Client IDs.`,
  'settings.import.incomplete': (file: string) => `${file} has no client ID or client secret.`,
  'settings.import.too-large': (file: string) => `${file} is too large to be a Google OAuth client file.`,
  'settings.checklist.title': 'Setup checklist',
  'settings.checklist.ms-register':
    'In Microsoft Entra admin center, App registrations › New registration: register the app for the accounts of your organization.',
  'settings.checklist.ms-redirect': (url: string) =>
    `Authentication › Add a platform › Web, with the redirect URL ${url}.`,
  'settings.checklist.ms-permissions': (scopes: string) =>
    `API permissions › Add a permission › Microsoft Graph › Delegated permissions: ${scopes}.`,
  'settings.checklist.ms-consent': 'Click “Grant admin consent” for your organization.',
  'settings.checklist.ms-secret':
    'Certificates & secrets › New client secret: copy its Value at once (it is shown only once) and note when it expires.',
  'settings.checklist.ms-ids':
    'From the app’s Overview, copy the Application (client) ID and the Directory (tenant) ID.',
  'settings.checklist.ms-modern-auth':
    'In the Microsoft 365 admin center, Settings › Org settings › Modern authentication: turn on modern authentication.',
  'settings.checklist.ms-mailbox':
    'Users › Active users › the user › Mail › Manage email apps: turn on IMAP, POP and Authenticated SMTP for each mailbox.',
  'settings.checklist.ms-wait': 'Changes take 20 to 30 minutes to apply; then click Authorize.',
  'settings.checklist.ms-security-defaults':
    '“Security defaults = No” and no Conditional Access policies are needed only for password or app-password sign-in, not for OAuth.',
  'settings.checklist.g-project': 'In Google Cloud console, select a project or create one.',
  'settings.checklist.g-gmail-api': 'APIs & Services › Library: enable the Gmail API.',
  'settings.checklist.g-consent':
    'OAuth consent screen: Internal (only your Google Workspace organization) or External, with the app’s information.',
  'settings.checklist.g-scopes': (scopes: string) => `Add the scopes ${scopes}.`,
  'settings.checklist.g-test-users': 'Test users: add every mailbox that will sign in while the app is in Testing.',
  'settings.checklist.g-credentials': 'Credentials › Create credentials › OAuth client ID, of type “Web application”.',
  'settings.checklist.g-redirect': (url: string) => `Authorized redirect URIs: ${url}.`,
  'settings.checklist.g-download': 'Download the client’s JSON file and import it here, or copy its ID and secret.',
  'settings.checklist.g-testing':
    'An External app left in “Testing” gets refresh tokens that expire after 7 days: the mailbox then stops syncing until authorized again. Publish the app (In production) to avoid it.',
  'settings.checklist.portal-microsoft': 'Microsoft Entra admin center',
  'settings.checklist.portal-m365': 'Microsoft 365 admin center',
  'settings.checklist.portal-google': 'Google Cloud console',
  'settings.status.title': 'Authorization',
  'settings.status.not-authorized': 'No mailbox is authorized with this app yet.',
  'settings.status.authorized': 'A mailbox is authorized.',
  'settings.status.authorized-as': (account: string) => `Authorized as ${account}.`,
  'settings.status.expires': (date: string) => `Access token valid until ${date}; it is renewed automatically.`,
  'settings.status.expired': 'The authorization expired. Authorize again to keep the mailbox syncing.',
  'settings.status.failed': 'The last authorization failed.',
  'settings.status.authorize': 'Authorize',
  'settings.status.reauthorize': 'Authorize again',
  'settings.status.waiting': 'Waiting for sign-in…',
  'settings.status.waiting-hint': 'Finish signing in in the window that opened.',
  'settings.status.revoke': 'Revoke',
  'settings.status.revoke-confirm': 'Revoke access? The mailbox stops syncing until authorized again.',
  'settings.status.cancel': 'Cancel',
  'settings.status.save-first': 'Authorize saves the app registration first.',
  'settings.oauth-error.redirect-uri':
    'The redirect URL does not match the one registered with the provider (often http against https, or another path). Register exactly the redirect URL shown in the OAuth app settings, or correct the application base URL.',
  'settings.oauth-error.mixed-resources':
    'One token request asked for permissions of two different services. The server must request mail and profile permissions separately.',
  'settings.oauth-error.unknown-scope':
    'A requested permission does not exist on that service (often a wrong prefix). Check the permissions granted in the portal.',
  'settings.oauth-error.malformed-scope':
    'The permissions were sent in a wrong format; they must be separated by spaces.',
  'settings.oauth-error.too-many-scopes': 'Too many permissions were requested at once.',
  'settings.oauth-error.bad-secret':
    'The client secret is wrong: paste the secret’s Value, not its Secret ID, or create a new secret.',
  'settings.oauth-error.expired-secret':
    'The client secret has expired. Create a new one in the portal and save it here.',
  'settings.oauth-error.consent':
    'The permissions have not been consented. An administrator must click “Grant admin consent” in the portal.',
  'settings.oauth-error.wrong-tenant':
    'The account or the tenant does not belong to this app’s directory. Check the tenant ID, or sign in with an account of that organization.',
  'settings.oauth-error.app-not-found':
    'The provider does not know this client ID in that tenant. Check the client ID and the tenant ID.',
  'settings.oauth-error.invalid-grant':
    'The authorization is no longer valid (expired, revoked, used twice, or a Google app in Testing after 7 days). Authorize again.',
  'settings.oauth-error.access-denied':
    'The sign-in was cancelled or the permissions were refused. Authorize again and accept them.',
  'settings.oauth-error.invalid-client':
    'The provider rejected the app: check the client ID and enter the client secret again.',
  'settings.oauth-error.unauthorized-client':
    'This app may not use this sign-in flow. Register it as a Web application with the redirect URL shown in the OAuth app settings.',
  'settings.oauth-error.invalid-scope':
    'A requested permission is not valid for this app. Check the scopes in the portal.',
  'settings.oauth-error.interaction':
    'The organization requires an extra step (multi-factor or a policy). Authorize again and complete it.',
  'settings.oauth-error.provider-down': 'The provider had a temporary problem. Try again in a few minutes.',
  'settings.oauth-error.unknown': 'The provider refused the authorization. The details below say why.',

  // <mail-oauth-callback>
  'settings.callback.working': 'Finishing sign-in…',
  'settings.callback.done-title': 'Mailbox authorized',
  'settings.callback.done': 'The mailbox is authorized.',
  'settings.callback.done-account': (account: string) => `${account} is authorized.`,
  'settings.callback.closing': 'This window closes by itself.',
  'settings.callback.failed-title': 'Authorization failed',
  'settings.callback.idle-title': 'Mail sign-in',
  'settings.callback.idle': 'This page finishes signing a mailbox in. Start from Authorize in the mail settings.',
  'settings.callback.state-invalid':
    'This sign-in answer is unknown, expired or was already used. Start the authorization again from the settings.',
  'settings.callback.details': 'Details from the provider',
  'settings.callback.close': 'Close window',
  'settings.callback.back': 'Back to the settings',

  // <mail-toolbar-button>
  'settings.toolbar.open': 'Mail',
  'settings.toolbar.open-unread': (count: number) => (count === 1 ? 'Mail, 1 unread' : `Mail, ${count} unread`),
  'settings.toolbar.enable': 'Enable mail options',
  'settings.toolbar.enabling': 'Enabling…',
  'settings.toolbar.enable-hint': 'Turns the webmail module on for every user of this application.',
};
