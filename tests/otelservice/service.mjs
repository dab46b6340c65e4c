// A small service instrumented the way the OpenFeature and OpenTelemetry docs say, for FlagDeck's
// integration tests: flags come from the OpenFeature in-memory provider (one flag set per
// environment), every evaluation is counted by OpenFeature's OpenTelemetry MetricsHook, and the
// service records its own request latency histogram and error counter with the evaluated variant
// as an attribute. The OpenTelemetry Prometheus exporter serves all of it on 127.0.0.1.
//
// Environment:
//   OTEL_SERVICE_PORT  the exporter's port (the test picks a free one)
//   OTEL_SERVICE_PLAN  JSON: {"variants": [control, candidate, …], "streams": [{"flag", "setId"
//                      (the flag set, i.e. the environment; null: the telemetry names none),
//                      "perSecond", "latencySeconds": {variant: median}, "errorRate": {variant: share}}]}
//                      Each stream is one flag in one flag set, evaluated by its own OpenFeature client.
// Prints {"event":"ready","port":…} once serving, then runs until its standard input closes.
import { OpenFeature, InMemoryProvider } from '@openfeature/server-sdk';
import { MetricsHook } from '@openfeature/open-telemetry-hooks';
import { metrics } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';

const plan = JSON.parse(process.env.OTEL_SERVICE_PLAN);
const port = Number(process.env.OTEL_SERVICE_PORT);
const say = (line) => process.stdout.write(JSON.stringify(line) + '\n');

// A seeded generator: the same plan gives the same traffic on every run.
let seed = 20261130;
const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// Latencies spread log-normally around the median, as request latencies usually do.
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const exporter = new PrometheusExporter({ host: '127.0.0.1', port }, (error) => {
    if (error) {
        say({ event: 'failed', error: String(error) });
        process.exit(1);
    }
    say({ event: 'ready', port });
});
const meterProvider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'flagdeck-instrumented-service' }),
    readers: [exporter],
});
metrics.setGlobalMeterProvider(meterProvider);

// Providers that know their flag set report it in the flag metadata (OpenFeature's flagSetId);
// the in-memory provider does not, so this one adds it.
class FlagSetProvider extends InMemoryProvider {
    constructor(flags, setId) {
        super(flags);
        this.setId = setId;
    }
    async resolveStringEvaluation(flagKey, defaultValue, context, logger) {
        const details = await super.resolveStringEvaluation(flagKey, defaultValue, context, logger);
        return this.setId ? { ...details, flagMetadata: { flagSetId: this.setId } } : details;
    }
}

// MetricsHook 1.0.0 puts key, variant, provider and reason on its success counter, but not the
// flag set: the attribute mapper adds feature_flag.set.id from the flag metadata.
OpenFeature.addHooks(new MetricsHook({
    attributeMapper: (_hookContext, details) =>
        details.flagMetadata?.flagSetId ? { 'feature_flag.set.id': details.flagMetadata.flagSetId } : {},
}));

const meter = metrics.getMeter('flagdeck-instrumented-service');
// The HTTP semantic conventions' server duration, in seconds, with their bucket advice.
const duration = meter.createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] },
});
const errors = meter.createCounter('app.request.errors', { description: 'Requests that failed.', unit: '{error}' });

const streams = [];
for (const [index, stream] of plan.streams.entries()) {
    const variants = Object.fromEntries(plan.variants.map((variant) => [variant, variant]));
    const flags = {
        [stream.flag]: {
            variants,
            defaultVariant: plan.variants[0],
            disabled: false,
            // An even split by user: user n gets variant n mod the number of variants.
            contextEvaluator: (context) => plan.variants[Number(context.targetingKey.slice(1)) % plan.variants.length],
        },
    };
    const domain = `stream-${index}`;
    await OpenFeature.setProviderAndWait(domain, new FlagSetProvider(flags, stream.setId));
    streams.push({ ...stream, client: OpenFeature.getClient(domain), user: 0 });
}

const serve = async (stream) => {
    const targetingKey = `u${stream.user++}`;
    const details = await stream.client.getStringDetails(stream.flag, plan.variants[0], { targetingKey });
    const variant = details.variant;
    const failed = random() < (stream.errorRate[variant] ?? 0);
    // Attributes per the OpenTelemetry HTTP and feature-flag semantic conventions.
    const attributes = {
        'http.request.method': 'POST',
        'http.route': '/answer',
        'http.response.status_code': failed ? 500 : 200,
        'feature_flag.key': stream.flag,
        'feature_flag.result.variant': variant,
    };
    if (stream.setId)
        attributes['feature_flag.set.id'] = stream.setId;
    if (failed)
        attributes['error.type'] = '500';
    duration.record(stream.latencySeconds[variant] * Math.exp(0.25 * gaussian()), attributes);
    if (failed)
        errors.add(1, attributes);
};

// Traffic in ticks of 100 ms, each stream at its own rate.
const tick = setInterval(() => {
    for (const stream of streams) {
        for (let i = 0; i < stream.perSecond / 10; ++i)
            serve(stream);
    }
}, 100);

process.stdin.on('end', async () => {
    clearInterval(tick);
    await meterProvider.shutdown();
    process.exit(0);
});
process.stdin.resume();
