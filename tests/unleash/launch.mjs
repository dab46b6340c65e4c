// Starts the real Unleash server for FlagDeck's integration tests and benchmarks: bound to
// 127.0.0.1, API tokens created at start, no calls home. Run from one of the version folders
// (v5 … v8), whose node_modules hold that version; the test set-up passes everything through
// the environment and stops the process with SIGTERM.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const required = (name) => {
    const value = process.env[name];
    if (!value) {
        console.error(`launch.mjs: ${name} is not set`);
        process.exit(2);
    }
    return value;
};

const folder = process.cwd();
const installed = JSON.parse(readFileSync(join(folder, 'node_modules/unleash-server/package.json'), 'utf8'));
const major = Number(installed.version.split('.')[0]);
const unleash = await import(pathToFileURL(createRequire(join(folder, 'package.json')).resolve('unleash-server')).href);
const start = unleash.start ?? unleash.default?.start;

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
            // What Unleash 7 calls a backend token was a client token before; an older server
            // stores an unknown type without complaint and then lets it through its admin API.
            { tokenName: 'flagdeck-it-backend', type: major >= 7 ? 'backend' : 'client', projects: ['*'],
              environment: 'development', secret: required('FLAGDECK_UNLEASH_BACKEND_TOKEN') },
            { tokenName: 'flagdeck-it-frontend', type: 'frontend', projects: ['*'], environment: 'development',
              secret: required('FLAGDECK_UNLEASH_FRONTEND_TOKEN') },
        ],
    },
});
