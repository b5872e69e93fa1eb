import { expect } from '@open-wc/testing';
import { OPERATIONS, decodeRequest, encodeRequest, parseInput, pathParams, routes } from '../src/core/index.js';

describe('route table and wire codec', () => {
  it('has a unique method and path for every operation', () => {
    const keys = OPERATIONS.map((operation) => `${routes[operation].method} ${routes[operation].path}`);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const operation of OPERATIONS) {
      const route = routes[operation];
      expect(route.path.startsWith('/'), operation).to.equal(true);
      for (const name of pathParams(route.path)) {
        const shape = (route.input as unknown as { _zod: { def: { shape: Record<string, unknown> } } })._zod.def.shape;
        expect(shape, `${operation} declares :${name}`).to.have.property(name);
      }
    }
  });

  it('encodes path parameters, query and body, and decodes them back', () => {
    const input = parseInput('listMessages', {
      folderId: 'INBOX/Projects & Co',
      limit: 20,
      unseen: true,
      text: 'a b',
      since: '2026-01-01',
    });
    const encoded = encodeRequest(routes.listMessages, input);
    expect(encoded.path).to.equal('/folders/INBOX%2FProjects%20%26%20Co/messages');
    expect(encoded.body).to.equal(undefined);
    const decoded = decodeRequest(
      routes.listMessages,
      { folderId: 'INBOX/Projects & Co' },
      new URLSearchParams(encoded.query.toString()),
      undefined,
    );
    expect(parseInput('listMessages', decoded)).to.deep.equal(input);

    const flags = parseInput('setFlags', { ids: ['a', 'b'], flags: { seen: true } });
    const post = encodeRequest(routes.setFlags, flags);
    expect(post.body).to.deep.equal(flags);
    expect(post.query.toString()).to.equal('');
  });

  it('keeps arrays in the query and leaves uncoercible values for validation to refuse', () => {
    const decoded = decodeRequest(
      routes.listMessages,
      { folderId: 'INBOX' },
      new URLSearchParams('limit=abc&unseen=maybe'),
      undefined,
    );
    expect(decoded.limit).to.equal('abc');
    expect(() => parseInput('listMessages', decoded))
      .to.throw()
      .with.property('code', 'validation');
  });

  it('lets path parameters win over the body', () => {
    const decoded = decodeRequest(routes.renameFolder, { folderId: 'real' }, new URLSearchParams(), {
      folderId: 'spoofed',
      name: 'New',
    });
    expect(decoded.folderId).to.equal('real');
  });

  it('refuses a body that is not a JSON object', () => {
    expect(() => decodeRequest(routes.setFlags, {}, new URLSearchParams(), ['x'])).to.throw();
    expect(() => decodeRequest(routes.setFlags, {}, new URLSearchParams(), 'x')).to.throw();
  });
});
