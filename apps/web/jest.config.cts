// The specs read local times in a zone with summer time, whatever the machine's own zone (see src/test-setup.ts).
process.env.TZ = 'Europe/Berlin';

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  // Pure logic runs in Node; a spec that renders hooks or touches the DOM asks for jsdom in its docblock.
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx'],
  setupFiles: ['<rootDir>/src/test-setup.ts'],
  collectCoverage: true,
  collectCoverageFrom: [
    'src/format/**/*.{ts,tsx}',
    'src/util/**/*.{ts,tsx}',
    'src/forms/**/*.{ts,tsx}',
    'src/**/*-values.ts',
    '!src/**/*.spec.{ts,tsx}',
  ],
  coverageReporters: ['text'],
  coverageThreshold: {
    // Absolute, since jest reads these from the directory it runs in.
    [`${__dirname}/src/format/`]: { lines: 80 },
    [`${__dirname}/src/util/`]: { lines: 80 },
    [`${__dirname}/src/forms/`]: { lines: 80 },
    [`${__dirname}/src/**/*-values.ts`]: { lines: 80 },
  },
  coverageDirectory: '../../coverage/apps/web',
};
