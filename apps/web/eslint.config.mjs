import nx from '@nx/eslint-plugin';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import baseConfig from '../../eslint.config.mjs';

const pages = join(import.meta.dirname, 'src', 'pages');

/**
 * Each folder of src/pages is one feature, and so is each page at the top of
 * src/pages (login-page.tsx, with any file of the same name beside it).
 */
function pageFeatures() {
  const features = new Map();
  for (const entry of readdirSync(pages, { withFileTypes: true })) {
    const name = entry.isDirectory() ? entry.name : entry.name.split('.')[0];
    features.set(name, [...(features.get(name) ?? []), join(pages, entry.name)]);
  }
  return [...features.values()];
}

const SHARED = 'What two features need lives in components/, forms/, paths/ or styles/.';

export default [
  ...nx.configs['flat/react'],
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    settings: {
      // The import plugin resolves an import to its file before it checks its path, .ts and .tsx included.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.jsx'] } },
    },
    rules: {
      // app/ declares the routes, so it alone may import pages; a page folder imports no other page folder.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...pageFeatures().map((paths) => ({
              target: paths,
              from: pages,
              except: paths.map((path) => `./${path.slice(pages.length + 1)}`),
              message: `A page folder may not import another one. ${SHARED}`,
            })),
            {
              target: ['api', 'components', 'format', 'forms', 'layout', 'paths', 'styles', 'util'].map((folder) =>
                join(import.meta.dirname, 'src', folder),
              ),
              from: pages,
              message: `Shared code may not import a page. ${SHARED}`,
            },
          ],
        },
      ],
    },
  },
];
