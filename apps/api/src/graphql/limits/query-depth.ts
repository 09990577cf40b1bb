import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

export const MAX_QUERY_DEPTH = 6;

/**
 * How deep an operation's fields nest (`repositories { archives { edges { node { name } } } }` is 5), fragments
 * followed where they are spread. Introspection's own fields (`__schema`, `__type`) are not counted: an explorer's
 * introspection query nests deeper than any query of the data.
 */
export function queryDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        // A cycle of fragments never gets here: GraphQL's own validation (NoFragmentCycles) refuses it first.
        if (!visiting.has(name)) deepest = Math.max(deepest, depthOf(fragments.get(name)?.selectionSet, new Set([...visiting, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}
