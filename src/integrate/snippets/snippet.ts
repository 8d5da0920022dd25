import type { EnvironmentConfig } from '../../config/types.ts';
import type { RealmEndpoints } from '../realmEndpoints.ts';

/** What every piece of code in the guide is made from: the environment, its realm and the client. */
export interface GuideInput {
  /** The environment picked in the header: its realm, its API, the role and audience the API checks. */
  environment: EnvironmentConfig;
  endpoints: RealmEndpoints;
  /** The developer's client ID, or the kind's example until they type one. */
  clientId: string;
  /** Their callback (the kinds with a user at a browser), or the kind's example. */
  redirectUri: string;
}

export type SnippetLanguage = 'sh' | 'ts' | 'js' | 'kotlin' | 'swift' | 'yaml' | 'java';

/** A piece of code to copy, and how to run it. */
export interface Snippet {
  /** Stable: tests and the page pick a snippet by it. */
  id: string;
  title: string;
  language: SnippetLanguage;
  code: string;
  /** How to run it, or where it goes. */
  run: string;
}

/** Values to copy into a library's configuration, one per line. */
export interface ValueTable {
  id: string;
  title: string;
  rows: ReadonlyArray<{ name: string; value: string; note?: string }>;
}

/**
 * The request the guide uses to show the bearer: the environment's first GET preset (Who am I),
 * else the API's base URL. A path joins the base URL as the request pane joins it.
 */
export function apiExampleUrl(environment: EnvironmentConfig): string {
  const preset = environment.presets.find((candidate) => candidate.method.toUpperCase() === 'GET');
  const base = environment.api.baseUrl.replace(/\/+$/, '');
  if (!preset) return base;
  return /^https?:\/\//i.test(preset.path) ? preset.path : `${base}/${preset.path.replace(/^\/+/, '')}`;
}

/** A string as a JavaScript, TypeScript, Kotlin, Swift or Java literal in double quotes. */
export const quoted = (value: string) => JSON.stringify(value);

/** A string as a JavaScript or TypeScript literal in single quotes (the house style of the snippets). */
export const jsString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
