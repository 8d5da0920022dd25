import { isLoopbackHost } from '../../config/urls.ts';
import type { RedirectKind } from './clientKinds.ts';

/**
 * RFC 6749 §3.1.2 and RFC 8252 §7: what a redirect URI may look like for each kind of app. A kind
 * without a user (a service, a device) has none, so nothing to check.
 */
export function redirectProblems(value: string, redirect: RedirectKind, production: boolean): string[] {
  if (redirect === 'none') return [];
  if (value.trim() === '') return ['Callback URI: fill it in (where the realm sends the user back).'];
  const parsed = URL.parse(value.trim());
  if (!parsed) return [`Callback URI: "${value}" is not an absolute URI.`];
  const problems: string[] = [];
  if (parsed.hash) problems.push('Callback URI: must not contain a #fragment (RFC 6749 §3.1.2).');
  if (value.includes('*')) {
    problems.push('Callback URI: give the exact URI; a wildcard lets the realm send codes elsewhere.');
  }
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    problems.push('Callback URI: must use https: (http: only for 127.0.0.1 on a developer machine).');
  }
  if (redirect === 'web' && !web) {
    problems.push('Callback URI: a web app gets an https: callback on its own site.');
  }
  if (redirect === 'native' && !web && !parsed.protocol.slice(0, -1).includes('.')) {
    problems.push(
      'Callback URI: a private-use scheme is a reverse domain name the app owns, e.g. org.abrumet.app:/oauth2redirect (RFC 8252 §7.1).',
    );
  }
  if (redirect === 'native' && parsed.protocol === 'http:' && production) {
    problems.push('Callback URI: a production mobile app uses its private scheme or a claimed https: link.');
  }
  if (production && parsed.protocol === 'http:') {
    problems.push('Callback URI: Production does not accept a loopback callback.');
  }
  return problems;
}
