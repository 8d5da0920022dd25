import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keycloakPrerequisites, type VersionProbe } from './distribution.ts';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'abrumet-kc-'));
/** A machine with these commands answering `-version` / `-v` with these lines. */
const machine =
  (answers: Record<string, string>): VersionProbe =>
  (command) =>
    answers[command];
const java17 = 'openjdk version "17.0.15" 2025-04-15';
// Nothing cached yet, so Maven would be needed.
const fresh = { PATH: process.env.PATH, XDG_CACHE_HOME: emptyDir() };

describe('keycloakPrerequisites', () => {
  it('names Java, and how to get it, when JAVA_HOME holds none (real spawn)', () => {
    const missing = keycloakPrerequisites({ ...fresh, JAVA_HOME: emptyDir() });
    expect(missing).toMatch(/^Java 17 or newer is missing .*install a JDK.*JAVA_HOME/);
  });

  it('names a Java that is too old', () => {
    const probe = machine({ java: 'openjdk version "11.0.2"', mvn: 'Apache Maven 3.8.7' });
    expect(keycloakPrerequisites(fresh, probe)).toMatch(/^Java 11 is too old/);
  });

  it('names Maven when the distribution must still be fetched', () => {
    expect(keycloakPrerequisites(fresh, machine({ java: java17 }))).toMatch(
      /^Maven is missing .*Maven Central/,
    );
  });

  it('needs no Maven with a KEYCLOAK_HOME, but refuses one without bin/kc.sh', () => {
    const home = emptyDir();
    expect(keycloakPrerequisites({ ...fresh, KEYCLOAK_HOME: home }, machine({ java: java17 }))).toBe(
      `KEYCLOAK_HOME=${home} has no bin/kc.sh: point it at an unpacked Keycloak distribution, or unset it.`,
    );
  });

  it('is satisfied by Java 17+ and Maven', () => {
    expect(
      keycloakPrerequisites(fresh, machine({ java: java17, mvn: 'Apache Maven 3.8.7' })),
    ).toBeUndefined();
  });
});
