// The bundle budget check (scripts/size.mjs, `npm run size` in CI): it measures every entry of the built package and
// fails, naming the entry, when one is over its budget. Whether main is within budget is the CI run's business, not
// this test's: here a budget is lowered to see the check fail, and raised to see it pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { budgets, measureSizes } from '../../scripts/size.mjs';

test('the report has every entry, measured, with its budget', async () => {
  const report = await measureSizes();
  assert.deepEqual(
    report.entries.map((entry) => entry.name),
    ['all', 'inbox', 'settings'],
  );
  for (const entry of report.entries) {
    assert.ok(entry.initial > 1000, `${entry.name}: ${entry.initial} bytes`);
    assert.ok(entry.minified > entry.initial, `${entry.name}: gzip shrinks the minified code`);
    assert.equal(entry.budget, budgets[entry.name]);
    assert.equal(entry.over, entry.initial > entry.budget);
  }
  const [all, inbox] = report.entries;
  assert.ok(all.initial >= inbox.initial, 'every element weighs at least as much as the inbox alone');
  assert.deepEqual(
    report.over,
    report.entries.filter((entry) => entry.over).map((entry) => entry.name),
  );
});

test('an entry over a lowered budget fails the check by name', async () => {
  const lowered = await measureSizes({ names: ['settings', 'inbox'], limits: { settings: 1000 } });
  assert.ok(lowered.over.includes('settings'));
  const settings = lowered.entries.find((entry) => entry.name === 'settings');
  assert.equal(settings.budget, 1000);
  assert.equal(settings.over, true);

  const raised = await measureSizes({ names: ['settings'], limits: { settings: 10 * 2 ** 20 } });
  assert.deepEqual(raised.over, []);
});

test('the command exits non-zero naming the entry over budget, and zero within budget', () => {
  const run = (budget) =>
    spawnSync(process.execPath, ['scripts/size.mjs', '--check', 'settings', '--budget', `settings=${budget}`], {
      encoding: 'utf8',
    });
  const over = run(1000);
  assert.equal(over.status, 1, over.stderr);
  assert.match(over.stderr, /over budget: settings/);
  assert.match(over.stdout, /settings .*OVER by \d+ B/);

  const within = run(10 * 2 ** 20);
  assert.equal(within.status, 0, within.stderr);
  assert.match(within.stdout, /settings .* ok/);
});
