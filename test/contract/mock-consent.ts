import type { CompleteAuthorizationRequest } from '../../src/core/index.js';

/** What the mock's consent page sends back to the redirect URL when the user allows or denies. */
export async function mockConsent(url: string, allow: boolean): Promise<CompleteAuthorizationRequest> {
  const state = new URL(url, location.origin).searchParams.get('state') ?? '';
  return allow ? { state, code: `mock-code:${state}` } : { state, error: 'access_denied' };
}
