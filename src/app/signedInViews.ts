import { useEffect, useState } from 'react';
import type { IdentitiesPanel } from '../identities/IdentitiesPanel.tsx';
import type { RequestPane } from '../request/RequestPane.tsx';
import type { TokenPanel } from '../token/TokenPanel.tsx';

/**
 * The signed-in page's views, top to bottom, loaded together so that none pops in after the others
 * and shifts what is below it (a click aimed at the request pane landed elsewhere when the
 * identities panel arrived later).
 */
export interface SignedInViews {
  TokenPanel: typeof TokenPanel;
  IdentitiesPanel: typeof IdentitiesPanel;
  RequestPane: typeof RequestPane;
}

export type ViewsState =
  | { kind: 'ready'; views: SignedInViews }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string };

let loaded: SignedInViews | undefined;
let loading: Promise<SignedInViews> | undefined;

/**
 * Starts (once) loading the signed-in views' chunks. main.tsx calls it before anything else when a
 * signed-in page is coming (a callback, a stored session), so the chunks load while config.json,
 * discovery and the code exchange are in flight, and the token shows the moment it arrives.
 */
export function loadSignedInViews(): Promise<SignedInViews> {
  loading ??= Promise.all([
    import('../token/TokenPanel.tsx'),
    import('../identities/IdentitiesPanel.tsx'),
    import('../request/RequestPane.tsx'),
  ]).then(
    ([token, identities, request]) => {
      loaded = {
        TokenPanel: token.TokenPanel,
        IdentitiesPanel: identities.IdentitiesPanel,
        RequestPane: request.RequestPane,
      };
      return loaded;
    },
    (cause: unknown) => {
      loading = undefined; // a later call tries again
      throw cause;
    },
  );
  return loading;
}

/**
 * The signed-in views once loaded, rendered in the same commit as the user that needs them. Not
 * React.lazy + Suspense: React holds a revealed Suspense boundary back for up to 300 ms after its
 * fallback showed (its fallback throttle), which was most of the time to the first token.
 */
export function useSignedInViews(wanted: boolean): ViewsState {
  const [state, setState] = useState<ViewsState>(() =>
    loaded ? { kind: 'ready', views: loaded } : { kind: 'loading' },
  );
  useEffect(() => {
    if (!wanted || state.kind !== 'loading') return;
    let live = true;
    loadSignedInViews().then(
      (views) => live && setState({ kind: 'ready', views }),
      (cause: unknown) =>
        live &&
        setState({
          kind: 'failed',
          message: `The token view could not be loaded (${cause instanceof Error ? cause.message : String(cause)}).`,
        }),
    );
    return () => {
      live = false;
    };
  }, [wanted, state.kind]);
  return loaded && state.kind !== 'ready' ? { kind: 'ready', views: loaded } : state;
}
