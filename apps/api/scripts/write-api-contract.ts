import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiContract, SCHEMA_FILE, SPEC_FILE } from '../src/platform/openapi/api-contract';

const root = join(__dirname, '..', '..', '..');

generateApiContract().then(
  ({ spec, schema }) => {
    writeFileSync(join(root, SPEC_FILE), spec);
    writeFileSync(join(root, SCHEMA_FILE), schema);
    process.stdout.write(`Wrote ${SPEC_FILE} and ${SCHEMA_FILE}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  },
);
