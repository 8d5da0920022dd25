import { randomUUID } from 'node:crypto';

export interface Patient {
  id: string;
  [field: string]: unknown;
}

const seed: readonly Patient[] = [
  { id: 'p-0001', name: 'Ada Peeters', birthDate: '1984-03-12', city: 'Brussels' },
  { id: 'p-0002', name: 'Bram Janssens', birthDate: '1991-11-02', city: 'Leuven' },
  { id: 'p-0003', name: 'Chloé Dubois', birthDate: '1978-07-25', city: 'Namur' },
];

/** The demo API's fake patients, in memory and per API instance, so tests cannot see each other. */
export function patientStore() {
  const patients = new Map(seed.map((patient) => [patient.id, { ...patient }]));
  return {
    list(): Patient[] {
      return [...patients.values()];
    },
    create(fields: Record<string, unknown>): Patient {
      const patient = { ...fields, id: randomUUID() };
      patients.set(patient.id, patient);
      return patient;
    },
    /** Replaces a patient's fields; undefined when there is no such patient. */
    update(id: string, fields: Record<string, unknown>): Patient | undefined {
      if (!patients.has(id)) return undefined;
      const patient = { ...fields, id };
      patients.set(id, patient);
      return patient;
    },
    remove(id: string): boolean {
      return patients.delete(id);
    },
  };
}
