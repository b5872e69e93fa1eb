import { expect } from '@open-wc/testing';
import {
  MAIL_ERROR_CODES,
  MailError,
  ProblemDetails,
  STATUS_BY_CODE,
  abortError,
  codeForStatus,
  parseInput,
} from '../src/core/index.js';

describe('MailError', () => {
  it('round-trips every code through problem details', () => {
    for (const code of MAIL_ERROR_CODES) {
      const error = new MailError(code, `failed: ${code}`, { retryAfter: code === 'rate-limited' ? 30 : undefined });
      const problem = error.toProblem();
      expect(ProblemDetails.safeParse(problem).success).to.equal(true);
      expect(problem.status).to.equal(STATUS_BY_CODE[code]);
      expect(problem.type).to.equal(`urn:mail-elements:problem:${code}`);
      const back = MailError.fromProblem(problem);
      expect(back.code).to.equal(code);
      expect(back.message).to.equal(`failed: ${code}`);
      if (code === 'rate-limited') expect(back.retryAfter).to.equal(30);
    }
  });

  it('maps statuses without a problem body to codes', () => {
    expect(codeForStatus(401)).to.equal('unauthorized');
    expect(codeForStatus(404)).to.equal('not-found');
    expect(codeForStatus(429)).to.equal('rate-limited');
    expect(codeForStatus(503)).to.equal('network');
    expect(codeForStatus(500)).to.equal('server');
    expect(codeForStatus(418)).to.equal('validation');
  });

  it('wraps anything thrown: aborts, timeouts, zod errors and plain errors', () => {
    expect(MailError.from(new DOMException('x', 'AbortError')).code).to.equal('aborted');
    expect(MailError.from(new DOMException('x', 'TimeoutError')).code).to.equal('timeout');
    expect(MailError.from(new Error('boom')).code).to.equal('server');
    expect(MailError.from('weird', 'network').code).to.equal('network');
    const same = new MailError('conflict', 'c');
    expect(MailError.from(same)).to.equal(same);
    const controller = new AbortController();
    controller.abort();
    expect(abortError(controller.signal).code).to.equal('aborted');
    expect(abortError(AbortSignal.abort(new DOMException('t', 'TimeoutError'))).code).to.equal('timeout');
  });

  it('names every bad field of a request', () => {
    try {
      parseInput('saveAccount', {
        preset: 'custom',
        incoming: { protocol: 'imap', host: 'bad host', port: 0, security: 'tls' },
        outgoing: { host: 'smtp.acme.example', port: 587, security: 'starttls' },
        userName: 'ana',
        email: 'nope',
        displayName: 'Ana',
        auth: 'password',
        oauthEndpointId: null,
      });
      expect.fail('should throw');
    } catch (error) {
      const mailError = error as MailError;
      expect(mailError.code).to.equal('validation');
      const paths = mailError.issues.map((issue) => issue.path.join('.'));
      expect(paths).to.include.members(['incoming.host', 'incoming.port', 'email']);
      expect(mailError.issuesAt('incoming')).to.have.length(2);
      expect(mailError.issuesAt('incoming', 'port')[0]?.message).to.match(/between 1 and 65535/);
      expect(mailError.transient).to.equal(false);
    }
  });

  it('says which errors are worth a retry', () => {
    expect(new MailError('network', 'n').transient).to.equal(true);
    expect(new MailError('timeout', 't').transient).to.equal(true);
    expect(new MailError('rate-limited', 'r').transient).to.equal(true);
    expect(new MailError('unauthorized', 'u').transient).to.equal(false);
  });
});
