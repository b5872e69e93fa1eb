/** English help shown on demand, loaded when first shown: why a connection test failed, what a provider's
 * error means, and the setup checklists of the providers' portals. */
type Where = (host: string, port: string, protocol: string) => string;

export const settingsHelp = {
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
};
