import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { GRAPHQL_PATH, postGraphQL, type GraphQLAnswer } from '../../api/graphql';
import { PageHeader } from '../../components/page-header';
import { SchemaDocs } from './schema-docs';
import './graphql-page.css';

const EXAMPLE_QUERY = `# Each repository with its newest archives, its schedules and its newest job.
{
  repositories {
    name
    archives(first: 3) {
      totalCount
      edges { node { name start originalSize } }
    }
    schedules { name description nextRunAt }
    latestJob { id type status finishedAt }
  }
}
`;

interface Run {
  answer: GraphQLAnswer | null;
  /** Why the request was not sent or not answered. */
  problem: string | null;
  milliseconds: number;
}

/** Variables as the server takes them: a JSON object (an empty box is none). */
function parseVariables(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Variables must be a JSON object');
  return value as Record<string, unknown>;
}

/** A small GraphQL explorer over the server's endpoint, as the signed-in user: query, variables, result and the schema. */
export function GraphQLPage() {
  const [query, setQuery] = useState(EXAMPLE_QUERY);
  const [variables, setVariables] = useState('');
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run | null>(null);

  async function execute() {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseVariables(variables);
    } catch (error) {
      setRun({ answer: null, problem: `Variables: ${(error as Error).message}`, milliseconds: 0 });
      return;
    }
    setRunning(true);
    const started = performance.now();
    try {
      const answer = await postGraphQL(query, parsed);
      setRun({ answer, problem: null, milliseconds: performance.now() - started });
    } catch {
      setRun({ answer: null, problem: 'Could not reach the Borgitory server. Check that it is running and try again.', milliseconds: 0 });
    } finally {
      setRunning(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void execute();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  };

  return (
    <>
      <PageHeader
        title="GraphQL"
        intro={
          <>
            Ask the API for what you need, nested, in one request to <code>POST {GRAPHQL_PATH}</code>. Queries and mutations run as you,
            with your role.
          </>
        }
      />
      <div className="graphql-explorer">
        <section className="panel graphql-explorer__editor" aria-labelledby="graphql-query-heading">
          <div className="panel__header">
            <h2 id="graphql-query-heading">Query</h2>
          </div>
          <form onSubmit={onSubmit} onKeyDown={onKeyDown}>
            <div className="field mono">
              <label htmlFor="graphql-query">Query or mutation</label>
              <textarea
                id="graphql-query"
                rows={16}
                wrap="off"
                spellCheck={false}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
            <div className="field mono">
              <label htmlFor="graphql-variables">Variables (JSON)</label>
              <textarea
                id="graphql-variables"
                rows={3}
                spellCheck={false}
                placeholder='{ "id": 1 }'
                value={variables}
                onChange={(event) => setVariables(event.target.value)}
              />
            </div>
            <div className="graphql-explorer__actions">
              <button type="submit" className="button button--primary" disabled={running}>
                {running ? 'Running…' : 'Run'}
              </button>
              <span className="graphql-explorer__hint">Ctrl+Enter runs it too</span>
            </div>
          </form>
        </section>
        <ResultPanel run={run} />
        <SchemaDocs />
      </div>
    </>
  );
}

function ResultPanel({ run }: { run: Run | null }) {
  const errors = run?.answer?.body.errors ?? [];
  return (
    <section className="panel graphql-explorer__result" aria-labelledby="graphql-result-heading">
      <div className="panel__header">
        <h2 id="graphql-result-heading">Result</h2>
        {run?.answer && (
          <span className="graphql-explorer__status" role="status">
            HTTP {run.answer.status} · {Math.round(run.milliseconds)} ms
            {errors.length > 0 && ` · ${errors.length} error${errors.length > 1 ? 's' : ''}`}
          </span>
        )}
      </div>
      {run === null ? (
        <p className="panel__text">Run a query to see its answer here.</p>
      ) : run.problem !== null ? (
        <p className="alert alert--error" role="alert">
          {run.problem}
        </p>
      ) : (
        <pre
          className={errors.length > 0 ? 'graphql-explorer__json graphql-explorer__json--errors' : 'graphql-explorer__json'}
          tabIndex={0}
        >
          {JSON.stringify(run.answer?.body, null, 2)}
        </pre>
      )}
    </section>
  );
}
