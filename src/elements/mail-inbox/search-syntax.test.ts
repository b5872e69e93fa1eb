import { expect } from '@open-wc/testing';
import { formatSearch, isFiltering, normalizeDate, parseSearch, tokenize } from './search-syntax.js';
import { invalidOperator } from './panels.js';

describe('search syntax', () => {
  it('turns free words into text', () => {
    expect(parseSearch('quarterly report')).to.deep.equal({ text: 'quarterly report' });
    expect(parseSearch('   ')).to.deep.equal({});
  });

  it('reads from:, to:, subject: and body:, quoted or not', () => {
    expect(parseSearch('from:ana to:"Luis Pérez" subject:"Q3 budget" body:invoice')).to.deep.equal({
      from: 'ana',
      to: 'Luis Pérez',
      subject: 'Q3 budget',
      body: 'invoice',
    });
  });

  it('is case-insensitive in keys and flag values', () => {
    expect(parseSearch('FROM:Ana IS:Unread Has:Attachment')).to.deep.equal({
      from: 'Ana',
      unseen: true,
      hasAttachment: true,
    });
  });

  it('reads is:unread, is:read, is:flagged, is:unflagged and has:attachment, with - negating', () => {
    expect(parseSearch('is:unread')).to.deep.equal({ unseen: true });
    expect(parseSearch('is:read')).to.deep.equal({ unseen: false });
    expect(parseSearch('-is:unread')).to.deep.equal({ unseen: false });
    expect(parseSearch('is:flagged')).to.deep.equal({ flagged: true });
    expect(parseSearch('is:starred')).to.deep.equal({ flagged: true });
    expect(parseSearch('is:unflagged')).to.deep.equal({ flagged: false });
    expect(parseSearch('-is:flagged')).to.deep.equal({ flagged: false });
    expect(parseSearch('has:attachment')).to.deep.equal({ hasAttachment: true });
    expect(parseSearch('-has:attachment')).to.deep.equal({ hasAttachment: false });
  });

  it('reads before: (exclusive) and after: (from the next day), normalizing dates', () => {
    expect(parseSearch('before:2024-03-05')).to.deep.equal({ before: '2024-03-05' });
    expect(parseSearch('after:2024/3/5')).to.deep.equal({ since: '2024-03-06' });
    expect(parseSearch('after:2024-12-31')).to.deep.equal({ since: '2025-01-01' });
    expect(parseSearch('since:2024-02-29')).to.deep.equal({ since: '2024-02-29' });
  });

  it('keeps what it does not understand as words rather than dropping it', () => {
    expect(parseSearch('before:yesterday')).to.deep.equal({ text: 'before:yesterday' });
    expect(parseSearch('before:2023-02-30')).to.deep.equal({ text: 'before:2023-02-30' });
    expect(parseSearch('label:work is:maybe')).to.deep.equal({ text: 'label:work is:maybe' });
    expect(parseSearch('from: ana')).to.deep.equal({ text: 'from: ana' });
    expect(parseSearch('-meeting')).to.deep.equal({ text: '-meeting' });
  });

  it('joins repeated keys and mixes words with keys in any order', () => {
    expect(parseSearch('budget from:ana is:unread from:garcía 2024')).to.deep.equal({
      from: 'ana garcía',
      unseen: true,
      text: 'budget 2024',
    });
  });

  it('tolerates an unclosed quote', () => {
    expect(parseSearch('subject:"half open')).to.deep.equal({ subject: 'half open' });
    expect(tokenize('"a b" c')).to.have.length(2);
  });

  it('validates calendar dates', () => {
    expect(normalizeDate('2024-02-29')).to.equal('2024-02-29');
    expect(normalizeDate('2023-02-29')).to.equal(undefined);
    expect(normalizeDate('2024-13-01')).to.equal(undefined);
    expect(normalizeDate('24-01-01')).to.equal(undefined);
  });

  it('formats a filter back into a query that parses to the same filter', () => {
    const filters = [
      { from: 'Ana García', subject: 'Q3', unseen: true },
      { to: 'luis@example.com', flagged: false, hasAttachment: true, since: '2024-01-01', before: '2024-02-01' },
      { body: 'invoice', text: 'urgent reply' },
      { unseen: false, hasAttachment: false },
    ];
    for (const filter of filters) expect(parseSearch(formatSearch(filter))).to.deep.equal(filter);
    expect(formatSearch({})).to.equal('');
  });

  it('says whether a filter filters anything', () => {
    expect(isFiltering({})).to.equal(false);
    expect(isFiltering({ text: '' })).to.equal(false);
    expect(isFiltering({ unseen: false })).to.equal(true);
  });

  it('finds the first operator whose value it cannot understand', () => {
    expect(invalidOperator('invoice before:2026-13-45')).to.deep.equal({
      token: 'before:2026-13-45',
      date: '2026-13-45',
    });
    expect(invalidOperator('after:yesterday')).to.deep.equal({ token: 'after:yesterday', date: 'yesterday' });
    expect(invalidOperator('is:unred from:ana')).to.deep.equal({ token: 'is:unred', date: undefined });
    expect(invalidOperator('has:pdf')).to.deep.equal({ token: 'has:pdf', date: undefined });
    expect(invalidOperator('from:ana is:unread has:attachment since:2026/1/5 before:2026-11-20')).to.equal(undefined);
    expect(invalidOperator('re:hello http://example.com "before:soon"')).to.equal(undefined);
  });
});
