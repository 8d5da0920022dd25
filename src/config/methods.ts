/** The HTTP methods a preset (config.json) and the request pane may use, in the menu's order. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** RFC 9110 §9.2.1: safe methods only read. Everything else may create, change or delete data. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with this method may write data on the API (what QA must not do by accident). */
export const writesData = (method: string): boolean => !SAFE.has(method.toUpperCase());

/** The words shown wherever a writing request is offered. */
export const WRITES_DATA = 'writes data';
