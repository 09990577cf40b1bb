import type { User } from '../../api/auth';
import { Fact, Facts } from '../../components/facts';
import { RelativeTime } from '../../components/relative-time';
import { roleLabel, roleSummary } from './role-words';

/** Who is signed in, and what their role lets them do. */
export function AccountPanel({ user }: { user: User }) {
  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading" className="settings-heading">
        Your account
      </h2>
      <Facts>
        <Fact term="Name">{user.username}</Fact>
        <Fact term="Role">
          {roleLabel(user.role)}: <span className="muted">{roleSummary(user.role)}</span>
        </Fact>
        <Fact term="Created">
          <RelativeTime value={user.created_at} />
        </Fact>
      </Facts>
    </section>
  );
}
