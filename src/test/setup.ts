/// <reference types="node" />
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/*
 * A response body reads as in a browser (text(), arrayBuffer(), slices too) with Node's Blob. From
 * Node 24 on, a Response's blob() is built from the global Blob, which the unit tests' jsdom
 * replaces with one that reads nothing; so blob() makes Node's, as it did before Node 24.
 */
Response.prototype.blob = async function blob(this: Response) {
  const type = this.headers.get('content-type') ?? '';
  // Node's Blob and the DOM's are the same interface under two declarations.
  return new NodeBlob([await this.arrayBuffer()], { type }) as unknown as Blob;
};

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
