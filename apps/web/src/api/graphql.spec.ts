import { namedType, typeName, type TypeRef } from './graphql';

const named = (name: string): TypeRef => ({ kind: 'OBJECT', name, ofType: null });
const nonNull = (ofType: TypeRef): TypeRef => ({ kind: 'NON_NULL', name: null, ofType });
const list = (ofType: TypeRef): TypeRef => ({ kind: 'LIST', name: null, ofType });

describe('GraphQL type names from introspection', () => {
  it('writes a type as the schema language does', () => {
    expect(typeName(named('Job'))).toBe('Job');
    expect(typeName(nonNull(list(nonNull(named('Job')))))).toBe('[Job!]!');
  });

  it('finds the named type under its wrappers', () => {
    expect(namedType(nonNull(list(nonNull(named('Schedule')))))).toBe('Schedule');
  });
});
