import { expect, fixture, html } from '@open-wc/testing';
import { HttpMailBackend } from '../../client/index.js';
import { MemoryMailBackend } from '../../mock/index.js';
import '../../define/mail-backend-provider.js';
import '../../define/mail-folder-tree.js';
import type { MailBackendProvider } from './mail-backend-provider.js';
import type { MailFolderTree } from '../mail-folder-tree/mail-folder-tree.js';
import { useMockApi, until } from '../../../test/helpers/mock-api.js';

describe('<mail-backend-provider>', () => {
  it('is invisible in layout and has no backend without base-url or backend', async () => {
    const provider = await fixture<MailBackendProvider>(html`<mail-backend-provider></mail-backend-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.baseUrl).to.equal('');
    expect(provider.credentials).to.equal('same-origin');
    expect(provider.backend).to.equal(undefined);
  });

  it('builds an HTTP backend from base-url for every element inside it', async () => {
    await useMockApi();
    const provider = await fixture<MailBackendProvider>(html`
      <mail-backend-provider base-url="/api/mail"
        ><div><mail-folder-tree></mail-folder-tree></div
      ></mail-backend-provider>
    `);
    const tree = provider.querySelector('mail-folder-tree')!;
    await until(() => tree.activeBackend instanceof HttpMailBackend, 4000, 'the provided backend');
    await until(() => !!tree.shadowRoot?.querySelector('[role="treeitem"]'), 4000, 'folders');
  });

  it('prefers its backend property, and consumers follow when it changes', async () => {
    const first = new MemoryMailBackend({ messages: 10 });
    const second = new MemoryMailBackend({ messages: 10 });
    const provider = await fixture<MailBackendProvider>(html`
      <mail-backend-provider base-url="/api/mail" .backend=${first}
        ><mail-folder-tree></mail-folder-tree
      ></mail-backend-provider>
    `);
    const tree = provider.querySelector<MailFolderTree>('mail-folder-tree')!;
    await until(() => tree.activeBackend === first, 4000, 'first backend');
    provider.backend = second;
    await until(() => tree.activeBackend === second, 4000, 'second backend');
  });

  it('lets the nearest provider win and an element its own backend', async () => {
    const outer = new MemoryMailBackend({ messages: 5 });
    const inner = new MemoryMailBackend({ messages: 5 });
    const own = new MemoryMailBackend({ messages: 5 });
    const root = await fixture<MailBackendProvider>(html`
      <mail-backend-provider .backend=${outer}>
        <mail-backend-provider .backend=${inner}><mail-folder-tree id="a"></mail-folder-tree></mail-backend-provider>
        <mail-folder-tree id="b" .backend=${own}></mail-folder-tree>
      </mail-backend-provider>
    `);
    const a = root.querySelector<MailFolderTree>('#a')!;
    const b = root.querySelector<MailFolderTree>('#b')!;
    await until(() => a.activeBackend === inner, 4000, 'inner provider');
    expect(b.activeBackend).to.equal(own);
  });

  it('tolerates a second registration of the same tag', async () => {
    const { MailBackendProvider } = await import('./mail-backend-provider.js');
    expect(() => MailBackendProvider.define('mail-backend-provider')).not.to.throw();
  });
});
