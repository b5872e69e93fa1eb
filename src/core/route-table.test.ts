import { expect } from '@open-wc/testing';
import { routeTable } from './route-table.js';
import { OPERATIONS, routes } from './routes.js';

describe('core/routeTable', () => {
  it('describes the same operations as the schema table, in the same order', () => {
    expect(Object.keys(routeTable)).to.deep.equal(OPERATIONS);
    expect(Object.keys(routes)).to.deep.equal(Object.keys(routeTable));
  });

  it('is what each schema route is made of, with an input and an output schema added', () => {
    for (const operation of OPERATIONS) {
      const { input, output, ...description } = routes[operation];
      expect(description, operation).to.deep.equal(routeTable[operation]);
      expect(input, operation).to.have.property('_zod');
      expect(output, operation).to.have.property('_zod');
    }
  });

  it('keeps what the client relies on: uploads, the event stream and which routes are retried', () => {
    expect(routeTable.uploadAttachment).to.include({ method: 'POST', upload: true, body: 'json', idempotent: false });
    expect(routeTable.subscribe).to.deep.equal({ method: 'GET', path: '/events', body: 'events', idempotent: true });
    expect(routeTable.getAttachment).to.include({ method: 'GET', body: 'blob', idempotent: true });
    expect(routeTable.deleteFolder).to.include({ body: 'none', idempotent: true });
    expect(routeTable.unlinkMessage).to.include({ method: 'POST', body: 'none', idempotent: false });
    expect(routeTable.saveAccount).to.include({ method: 'PUT', body: 'json', idempotent: true });
  });
});
