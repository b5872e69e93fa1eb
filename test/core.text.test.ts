import { expect } from '@open-wc/testing';
import { baseSubject, forwardSubject, parseAddressList, prefillFromSource, replySubject } from '../src/core/index.js';

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

describe('core/reply', () => {
  const source = {
    from: { name: 'Ana', address: 'ana@acme.example' },
    to: [{ name: 'Dana', address: 'dana@example.com' }, { address: 'bob@acme.example' }],
    cc: [{ address: 'carol@acme.example' }, { address: 'DANA@example.com' }],
    replyTo: [],
    subject: 'RE: Re: Presupuesto',
    date: '2026-11-20T09:23:00Z',
    messageId: '<m1@acme.example>',
    references: ['<m0@acme.example>'],
    text: 'Hola\n> antes',
  };
  const isOwn = (address: { address: string }) => address.address.toLowerCase() === 'dana@example.com';

  it('answers the sender once-prefixed, threaded, quoted in the reader’s language', () => {
    const reply = prefillFromSource(source, 'reply', isOwn, 'es');
    expect(reply.to).to.deep.equal([{ name: 'Ana', address: 'ana@acme.example' }]);
    expect(reply.subject).to.equal('Re: Presupuesto');
    expect(reply.inReplyTo).to.equal('<m1@acme.example>');
    expect(reply.references).to.deep.equal(['<m0@acme.example>', '<m1@acme.example>']);
    expect(reply.text).to.match(/El .*2026.*, Ana <ana@acme\.example> escribió:\n> Hola\n>> antes$/);
    expect(prefillFromSource(source, 'reply', isOwn).text).to.include('Ana <ana@acme.example> wrote:');
  });

  it('replies to all without the user and without duplicates', () => {
    const all = prefillFromSource(source, 'reply-all', isOwn, 'en');
    expect(all.to.map((a) => a.address)).to.deep.equal(['ana@acme.example', 'bob@acme.example']);
    expect(all.cc.map((a) => a.address)).to.deep.equal(['carol@acme.example']);
  });

  it('forwards with a header and no recipients', () => {
    const forward = prefillFromSource(source, 'forward', isOwn, 'es-ES');
    expect(forward.to).to.deep.equal([]);
    expect(forward.subject).to.equal('Fwd: Presupuesto');
    expect(forward.text).to.include('---------- Mensaje reenviado ---------');
    expect(forward.text).to.include('Asunto: RE: Re: Presupuesto');
  });
});
