import { errorMessage } from '../../api/errors';
import { useServerSettings, type ServerSetting, type ServerSettingGroup } from '../../api/server-settings';
import { Fact, Facts } from '../../components/facts';

const GROUPS: Record<ServerSettingGroup, string> = {
  server: 'Server',
  jobs: 'Jobs and retention',
  monitoring: 'Monitoring and notifications',
  sign_in: 'Sign-in',
  programs: 'Programs',
};

/** The server's settings in use, by group, for an admin: read only, since each comes from the server's environment. */
export function ServerSettingsPanel() {
  const settings = useServerSettings();

  return (
    <section className="panel" aria-labelledby="server-settings-heading">
      <h2 id="server-settings-heading" className="settings-heading">
        Server settings
      </h2>
      <p className="panel__text muted">
        Each is set by the environment variable under its value and takes effect when the server starts; secrets only say whether they are
        set.
      </p>
      {settings.isPending ? (
        <p role="status">Loading the server’s settings…</p>
      ) : settings.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(settings.error)}
        </p>
      ) : (
        Object.entries(GROUPS).map(([group, title]) => (
          <SettingsGroup key={group} title={title} settings={settings.data.filter((setting) => setting.group === group)} />
        ))
      )}
    </section>
  );
}

function SettingsGroup({ title, settings }: { title: string; settings: ServerSetting[] }) {
  if (settings.length === 0) return null;
  return (
    <div className="server-settings__group" role="group" aria-label={title}>
      <h3 className="server-settings__title">{title}</h3>
      <Facts>
        {settings.map((setting) => (
          <Fact key={setting.name} term={setting.description}>
            {setting.value}
            <span className="server-settings__name">{setting.name}</span>
          </Fact>
        ))}
      </Facts>
    </div>
  );
}
