// FeatBit's Node server SDK against a FeatBit evaluation server. Prints one JSON line per event:
//   {"event":"ready","values":{flag:{user:value,…},…}}   once initialized
//   {"event":"update","keys":[…],"values":{…},"at":ms}  on every change the SDK receives
//   {"event":"failed","error":"…"}                      if it cannot start
// Environment: FEATBIT_SECRET, FEATBIT_STREAMING_URI, FEATBIT_EVENTS_URI, FEATBIT_FLAGS (comma
// separated keys), FEATBIT_USERS (how many users u0…uN-1 to evaluate).
import { FbClientBuilder, UserBuilder } from '@featbit/node-server-sdk';

const flags = (process.env.FEATBIT_FLAGS || '').split(',').filter(Boolean);
const users = Array.from({ length: Number(process.env.FEATBIT_USERS || '1') }, (_, i) => new UserBuilder(`u${i}`).build());
const say = (line) => process.stdout.write(JSON.stringify(line) + '\n');

const client = new FbClientBuilder()
    .sdkKey(process.env.FEATBIT_SECRET)
    .streamingUri(process.env.FEATBIT_STREAMING_URI)
    .eventsUri(process.env.FEATBIT_EVENTS_URI)
    .build();

const evaluate = async () => {
    const values = {};
    for (const flag of flags) {
        values[flag] = {};
        for (const user of users)
            values[flag][user.key] = await client.boolVariation(flag, user, false);
    }
    return values;
};

try {
    await client.waitForInitialization();
    say({ event: 'ready', values: await evaluate() });
} catch (error) {
    say({ event: 'failed', error: String(error) });
    process.exit(1);
}
// After the first full sync, which the SDK also reports as an update of every flag.
client.on('update', async (keys) => {
    const at = performance.timeOrigin + performance.now(); // epoch ms, finer than Date.now()
    say({ event: 'update', keys, at, values: await evaluate() });
});
process.stdin.on('end', async () => {
    await client.close();
    process.exit(0);
});
process.stdin.resume();
