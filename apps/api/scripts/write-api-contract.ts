import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiContract, GRAPHQL_SCHEMA_FILE, SCHEMA_FILE, SPEC_FILE } from '../src/platform/openapi/api-contract';

/**
 * `write-api-contract.ts` writes libs/api-client/openapi.json, the generated client and libs/api-client/schema.graphql;
 * `write-api-contract.ts --check [--root DIR]` only compares them and exits 1 when any is stale.
 */
async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const rootIndex = args.indexOf('--root');
  const root = rootIndex >= 0 ? args[rootIndex + 1] : join(__dirname, '..', '..', '..');
  const contract = await generateApiContract();
  const files = [
    { path: SPEC_FILE, text: contract.spec },
    { path: SCHEMA_FILE, text: contract.schema },
    { path: GRAPHQL_SCHEMA_FILE, text: contract.graphqlSchema },
  ];
  if (!check) {
    for (const file of files) writeFileSync(join(root, file.path), file.text);
    process.stdout.write(`Wrote ${files.map((file) => file.path).join(', ')}\n`);
    return 0;
  }
  const stale = files.filter((file) => readFileSync(join(root, file.path), 'utf8') !== file.text);
  for (const file of stale) process.stderr.write(`${file.path} is stale: run \`npm run openapi\` and commit it\n`);
  if (stale.length === 0) process.stdout.write('The committed API contract is current\n');
  return stale.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(2);
  },
);
