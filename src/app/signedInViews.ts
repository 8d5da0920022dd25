import { useEffect, useState } from 'react';

/** A chunk of the signed-in page, loaded once (a failed load is tried again by the next call). */
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

/** The token card: what a signed-in page shows first. */
export const tokenCard = chunk('The token view', async () => ({
  TokenPanel: (await import('../token/TokenPanel.tsx')).TokenPanel,
}));

/**
 * What lies below the card, loaded together so that neither pops in after the other and shifts
 * what is below it (a click aimed at the request pane landed elsewhere when the identities panel
 * arrived later). The card does not wait for it: it renders after the card painted (useAfterPaint).
 */
export const belowTheCard = chunk('The identities and the request pane', async () => {
  const [identities, request] = await Promise.all([
    import('../identities/IdentitiesPanel.tsx'),
    import('../request/RequestPane.tsx'),
  ]);
  return {
    IdentitiesPanel: identities.IdentitiesPanel,
    RequestPane: request.RequestPane,
  };
});

/**
 * Starts (once) loading the signed-in page's chunks. main.tsx calls it before anything else when a
 * signed-in page is coming (a callback, a stored session), so they load while config.json,
 * discovery and the code exchange are in flight, and the token shows the moment it arrives.
 */
export function loadSignedInViews(): Promise<unknown> {
  return Promise.all([tokenCard.load(), belowTheCard.load()]);
}

export type ChunkState<T> =
  | { kind: 'ready'; views: T }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string };

/**
 * A chunk's views once loaded (`wanted` starts the load if nothing did). Not React.lazy +
 * Suspense: React holds a revealed Suspense boundary back for up to 300 ms after its fallback
 * showed (its fallback throttle), which was most of the time to the first token.
 */
export function useChunk<T>(part: Chunk<T>, wanted: boolean): ChunkState<T> {
  const [state, setState] = useState<ChunkState<T>>(() => {
    const views = part.loaded();
    return views ? { kind: 'ready', views } : { kind: 'loading' };
  });
  useEffect(() => {
    if (!wanted || state.kind !== 'loading') return;
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
  }, [part, wanted, state.kind]);
  const views = part.loaded();
  return views && state.kind !== 'ready' ? { kind: 'ready', views } : state;
}
