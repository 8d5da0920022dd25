import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { readConfig } from './readConfig.ts';

/** The README's text from one `## ` heading to the next. */
const section = (heading: string) => {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

describe("README's configuration reference", () => {
  const reference = section('Configuration reference');

  it('has an example config that readConfig accepts as it is', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(reference)?.[1];
    expect(example, 'a ```json block in the Configuration reference').toBeDefined();
    const result = readConfig(JSON.parse(example ?? ''));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.each([
    'environments',
    'defaultEnvironment',
    'adminEmail',
    'id',
    'label',
    'production',
    'authority',
    'clientId',
    'redirectUri',
    'scope',
    'tokenStore',
    'api',
    'presets',
    'baseUrl',
    'allowedOrigins',
    'requiredRole',
    'audience',
    'name',
    'method',
    'path',
    'body',
  ])('documents the field %s in a table', (field) => {
    expect(reference).toMatch(new RegExp(`^\\| \`${field}\` +\\|`, 'm'));
  });
});
