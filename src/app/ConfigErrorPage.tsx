import { Callout } from '../ui/Callout.tsx';

/** What the portal shows instead of a blank page when config.json is missing or wrong. */
export function ConfigErrorPage({ problems }: { problems: string[] }) {
  return (
    <main className="app-page">
      <Callout
        heading="h1"
        explanation={{
          kind: 'config-problems',
          tone: 'bad',
          title: "The portal's configuration has problems",
          detail: 'config.json (served next to index.html) says:',
          reasons: problems,
          next: 'Fix these in config.json and reload. No rebuild is needed.',
        }}
      />
    </main>
  );
}
