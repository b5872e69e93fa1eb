// Type-level tests: compiled by `npm run typecheck`, run as a trivial browser test. A wrong public type fails the
// typecheck, not this file's assertions.
import { expect } from '@open-wc/testing';
import type { MailBackend, MailError, OperationInput, OperationOutput } from '../src/core/index.js';
import type { MailFolderTree, MailMessageList, MailBackendProvider } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(value: T) => value;

describe('public types', () => {
  it('types every tag and every event', () => {
    const check = () => {
      const _created = document.createElement('mail-folder-tree');
      assertType<Equal<typeof _created, MailFolderTree>>(true);
      const _found = document.querySelector('mail-message-list');
      assertType<Equal<typeof _found, MailMessageList | null>>(true);
      assertType<Equal<HTMLElementTagNameMap['mail-message-list'], MailMessageList>>(true);
      assertType<Equal<HTMLElementTagNameMap['mail-backend-provider'], MailBackendProvider>>(true);
      document.addEventListener('mail-folder-select', (_event) => {
        assertType<Equal<typeof _event.detail.folder.id, string>>(true);
      });
      document.addEventListener('mail-error', (_event) => {
        assertType<Equal<typeof _event.detail.error, MailError>>(true);
      });
      document.addEventListener('mail-open', (_event) => {
        assertType<Equal<typeof _event.detail.message.subject, string>>(true);
      });
    };
    expect(check).to.be.a('function');
  });

  it('derives operation types from the route table', () => {
    const check = async (backend: MailBackend) => {
      assertType<Equal<OperationInput<'getMessage'>, { id: string }>>(true);
      const _page: OperationOutput<'listMessages'> = await backend.listMessages({ folderId: 'INBOX' });
      assertType<Equal<typeof _page.nextCursor, string | null>>(true);
      // @ts-expect-error folderId is required
      await backend.listMessages({});
      // @ts-expect-error the account read model has no password
      (await backend.getAccount()).settings?.password;
      // @ts-expect-error endpoints never carry their secret back
      (await backend.listEndpoints()).items[0]?.clientSecret;
    };
    expect(check).to.be.a('function');
  });
});
