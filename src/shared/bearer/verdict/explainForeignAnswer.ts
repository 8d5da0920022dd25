import type { Responder } from './identifyResponder.ts';
import type { Verdict } from './verdict.ts';

/**
 * An answer the API most likely did not write: the portal names who did, and never reports it as
 * the API accepting or refusing the token.
 */
export function explainForeignAnswer(
  responder: Exclude<Responder, { kind: 'api' }>,
  statusLine: string,
  status: number,
): Verdict {
  const titled = responder.title ? ` titled “${responder.title}”` : '';
  switch (responder.kind) {
    case 'gateway': {
      const who = responder.name ? `a gateway or proxy (${responder.name})` : 'a gateway or proxy';
      return {
        kind: 'gateway',
        title: `${statusLine} from ${who}, not from the API`,
        detail:
          status === 502 || status === 504
            ? `${statusLine} is what a gateway says when the API behind it did not answer (${status === 504 ? 'in time' : 'properly'}): it is down, restarting, or unreachable from the gateway. The answer${titled} comes from the gateway; the API did not judge the token.`
            : `The answer is ${who}'s own error page${titled}, not the API's: the request stopped before the API.`,
        next: 'The token is not the cause: send again in a moment; if it persists, tell whoever runs the gateway and the API.',
        tone: 'bad',
      };
    }
    case 'sso-page':
      return {
        kind: 'gateway',
        title: `${statusLine} from a single sign-on page, not from the API`,
        detail: `The answer is an HTML sign-in page${titled}: an SSO gateway in front of the API intercepted the request. It wants a browser session, not a bearer token, and the API never saw the request.`,
        next: 'Ask whoever runs the gateway to let bearer-token calls through to the API, or call the API at an address without the gateway.',
        tone: 'bad',
      };
    case 'web-page':
      return {
        kind: 'web-page',
        title: `${statusLine}, but a web page came back, not the API's JSON`,
        detail: `The answer is an HTML page${titled}: either the API serves HTML here, or something in front of it answered (a proxy, a maintenance page, or a wrong api.baseUrl in config.json). Whether the API accepted the token cannot be told from it.`,
        next: 'Check the URL and api.baseUrl in config.json, and read the page below to see who answered.',
        tone: status >= 400 ? 'bad' : 'warn',
      };
  }
}
