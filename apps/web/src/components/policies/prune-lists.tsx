import { useId } from 'react';
import { Link } from 'react-router-dom';
import { archiveHref } from '../../paths/browse-location';
import './prune-lists.css';

interface PruneListsProps {
  /** Each kept archive with the rule borg keeps it by ("daily #1"). */
  kept: { name: string; rule: string }[];
  pruned: string[];
  repositoryId: number | null;
  /** The pruned archives still exist (a preview or a dry run), so they link to their archive. */
  prunedExist: boolean;
}

/** The archives borg keeps, each with the rule that keeps it, beside those it prunes. */
export function PruneLists({ kept, pruned, repositoryId, prunedExist }: PruneListsProps) {
  const id = useId();
  const archive = (name: string, exists: boolean) =>
    exists && repositoryId !== null ? <Link to={archiveHref(repositoryId, name)}>{name}</Link> : name;
  return (
    <div className="prune-lists">
      <section aria-labelledby={`${id}-kept`}>
        <h3 id={`${id}-kept`}>Kept</h3>
        {kept.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="data-table prune-table">
            <caption className="visually-hidden">Kept archives</caption>
            <thead>
              <tr>
                <th scope="col">Archive</th>
                <th scope="col">Kept by</th>
              </tr>
            </thead>
            <tbody>
              {kept.map((entry) => (
                <tr key={entry.name}>
                  <th scope="row">{archive(entry.name, true)}</th>
                  <td className="nowrap">{entry.rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby={`${id}-pruned`}>
        <h3 id={`${id}-pruned`}>Pruned</h3>
        {pruned.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="data-table prune-table">
            <caption className="visually-hidden">Pruned archives</caption>
            <thead>
              <tr>
                <th scope="col">Archive</th>
              </tr>
            </thead>
            <tbody>
              {pruned.map((name) => (
                <tr key={name}>
                  <th scope="row">{archive(name, prunedExist)}</th>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
