/** Integration tests: the real Nest app over HTTP on a temporary data directory, real binaries. */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.integration.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 60_000,
  // The tests spend most of their time waiting on borg, rclone, servers and real timers, so more workers than
  // cores (jest would take cores - 1: one, on two cores) finish sooner.
  maxWorkers: 3,
};
