const { cpus } = require('node:os');

module.exports = {
  displayName: 'borg-runner',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/borg-runner',
  // The specs mostly wait on borg processes: at least two workers even on a two-core machine.
  maxWorkers: Math.max(2, cpus().length - 1),
};
