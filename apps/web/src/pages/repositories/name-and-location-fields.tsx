import type { ReactNode } from 'react';
import { FormField } from '../../components/form-field';
import { NameField } from '../../components/name-field';
import { LOCATION_HINT } from './location-hint';

interface NameAndLocationFieldsProps {
  name: string;
  path: string;
  onNameChange: (name: string) => void;
  onPathChange: (path: string) => void;
  errors: Record<string, string[] | undefined>;
  nameHint?: ReactNode;
  /** Said before the accepted location forms. */
  locationIntro?: ReactNode;
}

/** The repository's name and location, as both the new and the edit form ask for them. */
export function NameAndLocationFields({
  name,
  path,
  onNameChange,
  onPathChange,
  errors,
  nameHint,
  locationIntro,
}: NameAndLocationFieldsProps) {
  return (
    <>
      <NameField value={name} onChange={onNameChange} hint={nameHint} errors={errors['name']} />
      <FormField
        label="Location"
        name="path"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        className="mono"
        value={path}
        onChange={(event) => onPathChange(event.target.value)}
        hint={
          locationIntro ? (
            <>
              {locationIntro} {LOCATION_HINT}
            </>
          ) : (
            LOCATION_HINT
          )
        }
        errors={errors['path']}
      />
    </>
  );
}
