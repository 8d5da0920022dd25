import type { ClientRequest } from './clientRequest.ts';

/** A mail draft to the realm admin; null without an admin address in config.json. */
export function mailtoFor(request: ClientRequest, adminEmail: string | undefined): string | null {
  if (!adminEmail) return null;
  const body = [
    'Hello,',
    '',
    'Could you register this client, please?',
    '',
    request.text,
    '',
    'Thank you.',
  ].join('\n');
  return `mailto:${encodeURI(adminEmail)}?subject=${encodeURIComponent(request.subject)}&body=${encodeURIComponent(body)}`;
}
