import { readFileSync } from 'node:fs';
import { parseConfig, securityHeaders } from '../devstack/portal/securityHeaders.ts';

/**
 * The nginx `add_header` lines for a deployment, computed from its config.json by the same function
 * the local stack uses (devstack/portal/securityHeaders.ts), plus HSTS, which only a host serving
 * HTTPS should send and a local stack never does.
 */
export function nginxHeaders(configJson: string): string {
  const headers = {
    // The report-uri too, from config.json's cspReportUri (securityHeaders reads it).
    ...securityHeaders(parseConfig(configJson)),
    'Strict-Transport-Security': 'max-age=31536000',
  };
  const lines = Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    '# Generated from config.json by `npm run deploy:headers -- config.json` (deploy/nginxHeaders.ts).',
    '# Generate it again whenever config.json names another realm or API origin.',
    ...lines,
    '',
  ].join('\n');
}

// `npm run deploy:headers -- path/to/config.json`: the headers file on stdout.
if (process.argv[1]?.endsWith('nginxHeaders.ts')) {
  const path = process.argv[2];
  if (path === undefined) {
    process.stderr.write('Usage: npm run deploy:headers -- path/to/config.json > headers.conf\n');
    process.exit(1);
  }
  process.stdout.write(nginxHeaders(readFileSync(path, 'utf8')));
}
