// Starts the real Unleash server for FlagDeck's integration tests and benchmarks: bound to
// 127.0.0.1, API tokens created at start, no calls home. The test set-up passes everything
// through the environment and stops the process with SIGTERM.
import { start } from 'unleash-server';

const required = (name) => {
    const value = process.env[name];
    if (!value) {
        console.error(`launch.mjs: ${name} is not set`);
        process.exit(2);
    }
    return value;
};

await start({
    databaseUrl: required('FLAGDECK_UNLEASH_DATABASE_URL'),
    db: { ssl: false },
    server: { host: '127.0.0.1', port: Number(required('FLAGDECK_UNLEASH_PORT')) },
    versionCheck: { enable: false },
    logLevel: 'warn',
    authentication: {
        type: 'open-source',
        enableApiToken: true,
        initApiTokens: [
            { tokenName: 'flagdeck-it-admin', type: 'admin', projects: ['*'], environment: '*',
              secret: required('FLAGDECK_UNLEASH_ADMIN_TOKEN') },
            { tokenName: 'flagdeck-it-backend', type: 'backend', projects: ['*'], environment: 'development',
              secret: required('FLAGDECK_UNLEASH_BACKEND_TOKEN') },
        ],
    },
});
