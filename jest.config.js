/**
 * One jest entry point, four projects:
 *  - unit:    pure unit tests next to the code (libs/shared, apps/api)
 *  - api:     end-to-end tests over HTTP against a real database and SMTP listener
 *  - browser: real Chromium (Debian's) driven by playwright-core against the built app
 *  - deploy:  the production topology (nginx with deploy/nginx in front of two built API processes on
 *             PostgreSQL and Redis); run by .ci/run after the build
 * NestJS 12 ships ESM only; @swc/jest compiles it to CommonJS for jest together with our code.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: {
    '^@app/shared$': '<rootDir>/libs/shared/src/index.ts',
    '^@app/shared/(.*)$': '<rootDir>/libs/shared/src/$1',
  },
};

module.exports = {
  // Per-project testTimeout is ignored by jest 30; one generous default for the e2e suites.
  testTimeout: 60000,
  // Every test app has its own database (a copy of the run's template) and Redis prefix, so spec files
  // run side by side; they mostly wait on I/O, so two workers even on two cores (jest would pick one).
  // The browser project runs in band (npm run test:browser:only).
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/shared/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/test/i18n/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
      // Migrates and seeds one template database per run; each test app starts on a copy of it.
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      displayName: 'deploy',
      testMatch: ['<rootDir>/test/deploy/**/*.e2e-spec.ts'],
    },
  ],
};
