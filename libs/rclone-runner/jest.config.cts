const { cpus } = require('node:os');

module.exports = {
  displayName: 'rclone-runner',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/libs/rclone-runner',
  // The specs mostly wait on rclone and its test servers.
  maxWorkers: Math.max(2, cpus().length - 1),
};
