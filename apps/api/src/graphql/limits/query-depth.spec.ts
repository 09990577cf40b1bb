import { OperationDefinitionNode, parse } from 'graphql';
import { queryDepth } from './query-depth';

function depthOf(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  if (!operation) throw new Error('no operation');
  return queryDepth(document, operation);
}

describe('queryDepth', () => {
  it('counts the deepest chain of fields', () => {
    expect(depthOf('{ overview { generatedAt } }')).toBe(2);
    expect(depthOf('{ repositories { name archives { edges { node { name } } } } jobs { totalCount } }')).toBe(5);
  });

  it('follows fragments where they are spread, and inline fragments', () => {
    const source = `{ jobs { edges { node { ...Around } } } }
      fragment Around on Job { repository { ... on Repository { latestJob { id } } } }`;
    expect(depthOf(source)).toBe(6);
  });

  it('leaves introspection out', () => {
    expect(depthOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toBe(0);
  });
});
