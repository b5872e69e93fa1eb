// IMAP sequence sets for a FETCH of many UIDs: no server needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uidSets } from '../../src/node/util.js';

describe('uidSets', () => {
  it('writes runs of consecutive UIDs as a:b, at most a batch of UIDs per set, in ascending order', () => {
    assert.deepEqual(uidSets([9, 1, 2, 3, 5, 7, 8, 2], 4), ['1:3,5', '7:9']);
    assert.deepEqual(uidSets([4], 500), ['4']);
    assert.deepEqual(uidSets([], 500), []);
  });

  it('keeps 20,000 scattered UIDs in short sets', () => {
    const uids = Array.from({ length: 20_000 }, (_, index) => index * 2 + 1);
    const sets = uidSets(uids, 500);
    assert.equal(sets.length, 40);
    assert.ok(sets.every((set) => set.length < 4000));
    assert.deepEqual(
      sets.flatMap((set) => set.split(',').map(Number)),
      uids,
    );
  });
});
