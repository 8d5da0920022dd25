import type { OutgoingRequest } from '../../shared/bearer/send.ts';

export type CodeLanguage = 'javascript' | 'python' | 'java';

export interface CodeSample {
  language: CodeLanguage;
  title: string;
  code: string;
}

/** What the generator is given instead of the token; replaced by each language's variable read. */
const SENTINEL = 'ABRUMET_TOKEN_PLACEHOLDER';
const BEARER = /^\s*bearer\s+\S+/i;

/** The generator's target and client, and how each language reads $TOKEN from the environment. */
const LANGUAGES: ReadonlyArray<{
  language: CodeLanguage;
  title: string;
  target: 'javascript' | 'python' | 'java';
  client: string;
  placeholder: (code: string) => string;
}> = [
  {
    language: 'javascript',
    title: 'JavaScript (fetch)',
    target: 'javascript',
    client: 'fetch',
    // Node 18+ has fetch; in a browser, put the token where your app keeps it.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source text, a template literal on purpose.
    placeholder: (code) => code.replaceAll(`'Bearer ${SENTINEL}'`, '`Bearer ${process.env.TOKEN}`'),
  },
  {
    language: 'python',
    title: 'Python (requests)',
    target: 'python',
    client: 'requests',
    placeholder: (code) =>
      `import os\n${code.replaceAll(`"Bearer ${SENTINEL}"`, `f"Bearer {os.environ['TOKEN']}"`)}`,
  },
  {
    language: 'java',
    title: 'Java (HttpClient)',
    target: 'java',
    client: 'nethttp',
    placeholder: (code) => code.replaceAll(`"Bearer ${SENTINEL}"`, `"Bearer " + System.getenv("TOKEN")`),
  },
];

/** The request as HAR (what the generator reads), the bearer replaced by the sentinel. */
export function toHar(request: OutgoingRequest) {
  const headers = request.headers.map(([name, value]) => ({
    name,
    value: name.toLowerCase() === 'authorization' && BEARER.test(value) ? `Bearer ${SENTINEL}` : value,
  }));
  const contentType = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const hasBody =
    request.body !== undefined && request.body !== '' && !['GET', 'HEAD'].includes(request.method);
  return {
    method: request.method,
    url: request.url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    postData: hasBody
      ? { mimeType: contentType ?? 'text/plain', text: request.body ?? '' }
      : { mimeType: '' },
  };
}

/**
 * The request in the API's client languages, from @readme/httpsnippet (loaded here, on demand: it
 * never weighs on the first load). It imports Node's `url` (parse, format); in the browser the
 * runtime dependency `url` (npm's shim of that module) stands in for it. Without it Vite would put an
 * empty module there and every snippet would fail (tests/report.test.ts › code snippets). The token is never given to the generator: every snippet reads
 * TOKEN from the environment, like the curl command's $TOKEN.
 */
export async function toCode(request: OutgoingRequest): Promise<CodeSample[]> {
  const { HTTPSnippet } = await import('@readme/httpsnippet');
  const snippet = new HTTPSnippet(toHar(request) as ConstructorParameters<typeof HTTPSnippet>[0]);
  return LANGUAGES.map(({ language, title, target, client, placeholder }) => {
    // One string per request of the HAR (one here); false where the generator has no such client.
    const [code] = snippet.convert(target, client);
    if (typeof code !== 'string') throw new Error(`the generator has no ${title} client`);
    return { language, title, code: placeholder(code) };
  });
}
