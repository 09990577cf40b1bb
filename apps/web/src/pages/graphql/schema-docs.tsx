import { useState } from 'react';
import { namedType, typeName, useGraphQLSchema, type SchemaField, type SchemaType, type TypeRef } from '../../api/graphql';

/** The schema's types as documentation: pick a type (the roots first), read its fields, follow a field's type. */
export function SchemaDocs() {
  const schema = useGraphQLSchema();
  const [chosen, setChosen] = useState<string | null>(null);

  return (
    <section className="panel graphql-explorer__docs" aria-labelledby="graphql-schema-heading">
      <div className="panel__header">
        <h2 id="graphql-schema-heading">Schema</h2>
      </div>
      {schema.isPending ? (
        <p role="status">Reading the schema…</p>
      ) : schema.isError ? (
        <p className="alert alert--error" role="alert">
          {schema.error.message}
        </p>
      ) : (
        <SchemaTypeView
          types={schema.data.types}
          roots={[schema.data.queryType, ...(schema.data.mutationType ? [schema.data.mutationType] : [])]}
          current={chosen ?? schema.data.queryType}
          onChoose={setChosen}
        />
      )}
    </section>
  );
}

interface SchemaTypeViewProps {
  types: SchemaType[];
  roots: string[];
  current: string;
  onChoose: (name: string) => void;
}

function SchemaTypeView({ types, roots, current, onChoose }: SchemaTypeViewProps) {
  const ordered = [...roots, ...types.map((type) => type.name).filter((name) => !roots.includes(name))];
  const type = types.find((candidate) => candidate.name === current);
  return (
    <>
      <div className="field">
        <label htmlFor="graphql-schema-type">Type</label>
        <select id="graphql-schema-type" value={current} onChange={(event) => onChoose(event.target.value)}>
          {ordered.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {type && (
        <div className="graphql-docs">
          <p className="graphql-docs__kind">
            {type.kind.toLowerCase().replace('_', ' ')} <strong>{type.name}</strong>
          </p>
          {type.description && <p className="panel__text">{type.description}</p>}
          {type.fields && <FieldList fields={type.fields} onChoose={onChoose} />}
          {type.inputFields && <FieldList fields={type.inputFields.map((field) => ({ ...field, args: [] }))} onChoose={onChoose} />}
          {type.enumValues && (
            <ul className="graphql-docs__values">
              {type.enumValues.map((value) => (
                <li key={value.name}>
                  <code>{value.name}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function FieldList({ fields, onChoose }: { fields: SchemaField[]; onChoose: (name: string) => void }) {
  return (
    <dl className="graphql-docs__fields">
      {fields.map((field) => (
        <div key={field.name} className="graphql-docs__field">
          <dt>
            <code>
              {field.name}
              {field.args.length > 0 && (
                <>
                  (
                  {field.args.map((arg, index) => (
                    <span key={arg.name}>
                      {index > 0 && ', '}
                      {arg.name}: <TypeLink type={arg.type} onChoose={onChoose} />
                    </span>
                  ))}
                  )
                </>
              )}
              : <TypeLink type={field.type} onChoose={onChoose} />
            </code>
          </dt>
          {field.description && <dd>{field.description}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** A field's type, its named type a button that shows that type. */
function TypeLink({ type, onChoose }: { type: TypeRef; onChoose: (name: string) => void }) {
  const named = namedType(type);
  const [before, after] = typeName(type).split(named);
  return (
    <>
      {before}
      <button type="button" className="graphql-docs__type" onClick={() => onChoose(named)}>
        {named}
      </button>
      {after}
    </>
  );
}
