import { useEffect, useState } from 'react';

/** A part of the page loaded on demand, once (a failed load is tried again by the next call). */
export interface Chunk<T> {
  /** What it shows, for the message when it cannot be loaded. */
  label: string;
  load(): Promise<T>;
  /** Its exports once loaded, to render in the same commit as the user that needs them. */
  loaded(): T | undefined;
}

function chunk<T>(label: string, importIt: () => Promise<T>): Chunk<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    label,
    load() {
      pending ??= importIt().then(
        (exports) => {
          value = exports;
          return exports;
        },
        (cause: unknown) => {
          pending = undefined;
          throw cause;
        },
      );
      return pending;
    },
    loaded: () => value,
  };
}

/**
 * Every part of the page that is not in the first load, one chunk each: the sections (one per
 * mount of the section table) and what only some pages show (a failed sign-in, an ended session).
 */
export const CHUNKS = {
  /** What a signed-in page shows first. */
  token: chunk('The token view', () => import('../../token/TokenPanel.tsx')),
  request: chunk('The request pane', () => import('../../request/RequestPane.tsx')),
  identities: chunk('The identities', () => import('../../identities/IdentitiesPanel.tsx')),
  // A tool for now and then.
  inspect: chunk('Inspect', () => import('../../token/InspectTokenSection.tsx')),
  realm: chunk('The realm section', () => import('../../realm/RealmSection.tsx')),
  // Developers open it now and then: its guide and code stay out of the first load.
  integrate: chunk('The integration guide', () => import('../../integrate/IntegrateSection.tsx')),
  // A signed-out page: the sign-in and the realm checks beside it, loaded as the page starts.
  signedOut: chunk('The sign-in', () =>
    Promise.all([import('../SignedOutView.tsx'), import('../../auth/SignInPanel.tsx')]).then(
      ([checks, signIn]) => ({ ...checks, ...signIn }),
    ),
  ),
  // Only a failed sign-in shows them.
  authError: chunk('The sign-in error', () => import('../../auth/AuthErrorPanel.tsx')),
  loginErrorHelp: chunk('The login-error help', () => import('../../realm/LoginErrorHelp.tsx')),
  sessionEnded: chunk('The ended session', () => import('../../token/SessionEnded.tsx')),
  // Only "Sign out" shows it.
  signOut: chunk('The sign-out confirmation', () => import('../../auth/SignOutDialog.tsx')),
};

/**
 * Starts (once) loading a signed-in page's first section. main.tsx calls it before anything else
 * when a signed-in page is coming (a callback, a stored session), so it loads while config.json,
 * discovery and the code exchange are in flight, and the token shows the moment it arrives.
 */
export function loadSignedInViews(first: keyof typeof CHUNKS = 'token'): Promise<unknown> {
  return Promise.all([CHUNKS.token.load(), CHUNKS[first].load()]);
}

/** Loads the other sections once the first one is on screen, so switching to one is instant. */
export function preloadSections(): void {
  for (const part of Object.values(CHUNKS)) part.load().catch(() => {});
}

export type ChunkState<T> =
  | { kind: 'ready'; views: T }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string };

/**
 * A chunk's views once loaded (starting the load if nothing did). Not React.lazy +
 * Suspense: React holds a revealed Suspense boundary back for up to 300 ms after its fallback
 * showed (its fallback throttle), which was most of the time to the first token.
 */
export function useChunk<T>(part: Chunk<T>): ChunkState<T> {
  const [state, setState] = useState<ChunkState<T>>(() => {
    const views = part.loaded();
    return views ? { kind: 'ready', views } : { kind: 'loading' };
  });
  useEffect(() => {
    if (state.kind !== 'loading') return;
    let live = true;
    part.load().then(
      (views) => live && setState({ kind: 'ready', views }),
      (cause: unknown) =>
        live &&
        setState({
          kind: 'failed',
          message: `${part.label} could not be loaded (${cause instanceof Error ? cause.message : String(cause)}).`,
        }),
    );
    return () => {
      live = false;
    };
  }, [part, state.kind]);
  const views = part.loaded();
  return views && state.kind !== 'ready' ? { kind: 'ready', views } : state;
}
