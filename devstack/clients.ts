/** The clients of the local realm `abrumet`, the same in devstack/keycloak/abrumet-realm.json. */
export const PORTAL_CLIENT_ID = 'abrumet-portal';
/** Confidential: client credentials; its service account has the realm role therapist. */
export const SERVICE_CLIENT_ID = 'abrumet-service';
/** Public: the device authorization grant (a command-line tool, a device without a browser). */
export const DEVICE_CLIENT_ID = 'abrumet-cli';
