/**
 * Parts of the page that one feature links to and another renders: the id is the contract between
 * them, written once here (features never import each other).
 */
export const INTEGRATE_ANCHOR = 'integrate-client';
