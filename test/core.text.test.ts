import { expect } from '@open-wc/testing';
import { baseSubject, forwardSubject, parseAddressList, replySubject } from '../src/core/index.js';

describe('core/text', () => {
  it('prefixes a reply subject once', () => {
    expect(replySubject('Re: RE: Fwd: Budget')).to.equal('Re: Budget');
    expect(replySubject('AW: RV: Presupuesto')).to.equal('Re: Presupuesto');
    expect(forwardSubject('Re: Budget')).to.equal('Fwd: Budget');
    expect(baseSubject('Budget')).to.equal('Budget');
  });
  it('parses a pasted address list', () => {
    const { addresses, invalid } = parseAddressList('Ana <ana@acme.com>, "Doe, John" <j@x.org>; bob@y.com, nope');
    expect(addresses).to.deep.equal([
      { name: 'Ana', address: 'ana@acme.com' },
      { name: 'Doe, John', address: 'j@x.org' },
      { address: 'bob@y.com' },
    ]);
    expect(invalid).to.deep.equal(['nope']);
  });
});
