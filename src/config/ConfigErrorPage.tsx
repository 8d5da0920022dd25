interface ConfigErrorPageProps {
  problems: string[];
}

/** What the portal shows instead of a blank page when config.json is missing or wrong. */
export function ConfigErrorPage({ problems }: ConfigErrorPageProps) {
  return (
    <main className="page">
      <section className="card card--error" aria-labelledby="config-error-title">
        <h1 id="config-error-title">The portal's configuration has problems</h1>
        <p>
          Fix these in <code>config.json</code> (served next to <code>index.html</code>) and reload. No
          rebuild is needed.
        </p>
        <ul className="problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
