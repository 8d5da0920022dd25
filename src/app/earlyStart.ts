import { takeCarriedDiscovery } from '../auth/carriedDiscovery.ts';
import { expectsSignedInPage } from '../auth/expectsSignedInPage.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { knowDiscovery } from '../shared/discovery/discoveryCache.ts';
import { CHUNKS, loadSignedInViews } from './sections/chunks.ts';
import { sectionById } from './sections/sectionTable.ts';
import { initialSection } from './sections/useSection.ts';

/**
 * What the page needs from the network, started before the rest of the app's code is evaluated:
 * main.tsx imports this module first, and ES modules evaluate in import order, so config.json and
 * (when a signed-in page is coming) the signed-in views' chunks are on their way while React, the
 * OIDC libraries and the app are still being evaluated.
 */
export const configLoading = loadConfig();

// The token's chunk and the first section's, else the sign-in's. A failure is shown (and retried)
// where they are needed.
if (expectsSignedInPage(window.location, window.sessionStorage))
  loadSignedInViews(sectionById(initialSection(window.location, window.sessionStorage)).mount).catch(
    () => {},
  );
else CHUNKS.signedOut.load().catch(() => {});

// A sign-in's callback: the realm's discovery came along (carriedDiscovery), no need to ask again.
const carried = takeCarriedDiscovery(window.sessionStorage, window.location);
if (carried) knowDiscovery(carried.authority, carried.metadata);
