import { describe, expect, it } from 'vitest';
import { nginxHeaders } from '../../deploy/nginxHeaders.ts';
import { cspReportUriOf, securityHeaders } from './securityHeaders.ts';

const config = {
  environments: [
    { authority: 'https://auth.example.org/realms/abrumet', api: { baseUrl: 'https://api.example.org' } },
  ],
};

describe('securityHeaders', () => {
  it("case 49: sends CSP reports where config.json's cspReportUri says", () => {
    const csp = securityHeaders({ ...config, cspReportUri: 'https://csp.example.org/report' })[
      'Content-Security-Policy'
    ];
    expect(csp).toMatch(/; report-uri https:\/\/csp\.example\.org\/report$/);
    expect(csp).toContain("connect-src 'self' https://auth.example.org https://api.example.org;");
  });

  it('case 49: asks for no reports without cspReportUri, and leaves out a value that would break the header', () => {
    expect(securityHeaders(config)['Content-Security-Policy']).not.toContain('report-uri');
    for (const bad of ["https://x.example.org/r; script-src 'unsafe-inline'", 'a b', '', 42]) {
      expect(cspReportUriOf({ cspReportUri: bad })).toBeUndefined();
    }
  });

  it('case 49: the nginx headers a deployment generates carry the same report-uri', () => {
    const conf = nginxHeaders(JSON.stringify({ ...config, cspReportUri: '/csp-reports' }));
    expect(conf).toMatch(/add_header Content-Security-Policy "[^"]*; report-uri \/csp-reports" always;/);
  });
});
