// Unleash's own web console, as a person uses it, in Debian's headless chromium: the figures
// flagdeck-bench sets beside FlagDeck's own on the same unleash-server. Started by the bench with
// everything in the environment; prints one JSON object a line on standard output:
//   {"event":"ready", ...}                     logged in, the project's list learnt
//   {"figure":"<name>","ms":<number>}          one repetition of one figure
//   {"error":"<sentence>"}                     then exits 1: nothing was measured
// Every time is read inside the page (event time stamps, resource timing, the animation frame in
// which rows are in the document), so the driver's own round trips are not counted.
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
    const value = process.env[name] ?? fallback;
    if (value === undefined) {
        emit({ error: `${name} is not set` });
        process.exit(1);
    }
    return value;
};

// Progress for a person reading the bench's log; the bench reads standard output only.
const startedAt = Date.now();
const note = (text) => process.stderr.write(`unleashui ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${text}\n`);

function emit(object) {
    process.stdout.write(JSON.stringify(object) + '\n');
}

// A failure says what could not be done; the top level reports it and closes the browser.
class PeerFailure extends Error {}

function fail(sentence) {
    throw new PeerFailure(sentence);
}

const base = env('PEER_UNLEASH_URL').replace(/\/$/, '');
const user = env('PEER_UNLEASH_USER');
const password = env('PEER_UNLEASH_PASSWORD');
const project = env('PEER_PROJECT', 'default');
const toggleFlag = env('PEER_TOGGLE_FLAG');
const toggleEnvironment = env('PEER_TOGGLE_ENVIRONMENT', 'development');
const searchFlag = env('PEER_SEARCH_FLAG');
const chromiumPath = env('PEER_CHROMIUM', '/usr/bin/chromium');
const listRuns = Number(env('PEER_LIST_RUNS', '3'));
const toggleRuns = Number(env('PEER_TOGGLE_RUNS', '9'));
const timeoutMs = Number(env('PEER_TIMEOUT_MS', '60000'));
// How long a switch may take to show the server's new state after the answer; past it the click
// counts for toggle_ms only (the list sometimes keeps the old state until its next refresh).
const shownLimitMs = Number(env('PEER_SHOWN_LIMIT_MS', '5000'));
// How long the project page may take to show its first screen of rows.
const openLimitMs = Number(env('PEER_OPEN_LIMIT_MS', '20000'));
// How long a search may take to leave its flag alone in the list.
const searchLimitMs = Number(env('PEER_SEARCH_LIMIT_MS', '5000'));
// The toggle needs its flag alone in the list, which now and then takes up to a minute: the page
// is opened again after each wait, as often as it takes within this.
const aloneLimitMs = Number(env('PEER_ALONE_LIMIT_MS', '90000'));
const projectPath = `/projects/${encodeURIComponent(project)}`;

// Runs in the page before its own scripts: finds, once per animation frame, the first frame in
// which the project's list shows real rows (the skeleton rows it shows while loading do not count).
function pageHelpers(projectPath) {
    const rowsOf = () => {
        const links = [];
        for (const row of document.querySelectorAll('table tbody tr')) {
            if (row.querySelector('.skeleton'))
                continue;
            const link = row.querySelector(`a[href^="${projectPath}/features/"]`);
            if (link)
                links.push(link.textContent.trim());
        }
        return links;
    };
    // Resolves with the time of the first frame in which test() holds, or null after limitMs.
    const frameWhen = (test, limitMs) => new Promise((resolve) => {
        const started = performance.now();
        const tick = () => {
            if (test()) {
                resolve(performance.now());
            } else if (performance.now() - started > limitMs) {
                resolve(null);
            } else {
                requestAnimationFrame(tick);
            }
        };
        tick();
    });
    window.__peer = { rowsOf, frameWhen };
    const wanted = Number(sessionStorage.getItem('peer.firstScreenRows') || '0');
    if (wanted > 0 && location.pathname === projectPath) {
        const limitMs = Number(sessionStorage.getItem('peer.openLimitMs') || '60000');
        window.__peer.listShownAt = frameWhen(() => rowsOf().length >= wanted, limitMs);
    }
}

// Calls to Unleash's API the page has open, counted from the driver's side.
const openCalls = new Set();
function countCalls(page) {
    const isApi = (request) => new URL(request.url()).pathname.startsWith('/api/');
    page.on('request', (request) => { if (isApi(request)) openCalls.add(request); });
    page.on('requestfinished', (request) => openCalls.delete(request));
    page.on('requestfailed', (request) => openCalls.delete(request));
}
// Until no call has been open for quietMs, or limitMs passed.
async function apiQuiet(page, quietMs = 500, limitMs = 30000) {
    const started = Date.now();
    let quietSince = Date.now();
    while (Date.now() - started < limitMs) {
        if (openCalls.size > 0)
            quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs)
            return;
        await page.waitForTimeout(50);
    }
    note(`the page still had ${openCalls.size} calls open after ${limitMs} ms`);
}

let browser;
try {
    // Only the server under test is reached: every other name fails to resolve at once (the UI
    // asks for web fonts and the like), without a detour through the driver for each request.
    browser = await chromium.launch({
        executablePath: chromiumPath, headless: true, timeout: timeoutMs,
        args: [`--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(base).hostname}`],
    });
} catch (error) {
    emit({ error: `chromium (${chromiumPath}) could not be started: ${error.message.split('\n')[0]}` });
    process.exit(1);
}

try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 860 }, locale: 'en-US' });
    context.setDefaultTimeout(timeoutMs);
    await context.addInitScript(pageHelpers, projectPath);
    const page = await context.newPage();
    countCalls(page);

    note('logging in');
    await page.goto(`${base}/login`);
    await page.fill('input[name="username"]', user);
    await page.fill('input[type="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
        .catch(() => fail(`Unleash's login page did not let ${user} in`));

    // How many rows the first screen of the list holds once it has settled (its page size).
    await page.goto(`${base}${projectPath}`);
    await page.waitForFunction(() => window.__peer.rowsOf().length > 0)
        .catch(() => fail(`Unleash's project page ${projectPath} showed no flag rows`));
    await page.waitForTimeout(1500);
    const firstScreenRows = await page.evaluate(() => window.__peer.rowsOf().length);
    await page.evaluate(({ rows, limitMs }) => {
        sessionStorage.setItem('peer.firstScreenRows', String(rows));
        sessionStorage.setItem('peer.openLimitMs', String(limitMs));
    }, { rows: firstScreenRows, limitMs: openLimitMs });
    emit({ event: 'ready', firstScreenRows });
    note(`the first screen holds ${firstScreenRows} rows; opening and searching the list`);

    // The list: the project's page opened (a browser that has Unleash's scripts cached, as after a
    // first visit) until its first screen of rows is in a frame; then the search field filled in
    // one input, as a paste does, until that flag is the only row.
    const search = page.locator('input[placeholder^="Search"]').first();
    for (let run = 0; run < listRuns; ++run) {
        await page.goto(`${base}${projectPath}`, { waitUntil: 'commit' });
        await page.waitForFunction(() => window.__peer?.listShownAt !== undefined);
        const shownAt = await page.evaluate(() => window.__peer.listShownAt);
        if (shownAt === null) {
            // Seen now and then on a busy machine: counted, not timed (as a search that stalls).
            note(`the project page did not show ${firstScreenRows} rows within ${openLimitMs} ms`);
            emit({ figure: 'open_missed', ms: openLimitMs });
            continue; // no search on a list that is not there
        }
        emit({ figure: 'list_open_ms', ms: shownAt });
        note(`opened in ${shownAt.toFixed(0)} ms`);

        await search.waitFor();
        // The page asks for more after its first rows (the whole project's flags among them). As a
        // person reads the list before searching it, the search starts once no call to the API is
        // open. (Even so, now and then the list stays whole for up to a minute: see search_missed.)
        await apiQuiet(page);
        await page.evaluate(({ name, limitMs }) => {
            window.__peer.searched = new Promise((resolve) => {
                setTimeout(() => resolve(null), limitMs);
                // On the document: React may put a new field in place of the one seen now.
                document.addEventListener('input', (event) => {
                    const typedAt = event.timeStamp;
                    window.__peer.frameWhen(() => {
                        const rows = window.__peer.rowsOf();
                        return rows.length === 1 && rows[0] === name;
                    }, limitMs).then((at) => resolve(at === null ? null : at - typedAt));
                }, { once: true, capture: true });
            });
        }, { name: searchFlag, limitMs: searchLimitMs });
        await search.fill(searchFlag);
        const searchedMs = await page.evaluate(() => window.__peer.searched);
        if (searchedMs === null) {
            // Seen now and then: the list stays whole for up to a minute after the search. Counted,
            // not timed, so one such search neither stalls the run nor makes up a number.
            note(`the list did not narrow to ${searchFlag} alone within ${searchLimitMs} ms`);
            emit({ figure: 'search_missed', ms: searchLimitMs });
        } else {
            emit({ figure: 'search_ms', ms: searchedMs });
        }
        // Unleash keeps the last search for the next visit: clear it, as a person would, so the
        // next opening shows the whole list again.
        await search.fill('');
        await page.waitForFunction((rows) => window.__peer.rowsOf().length >= rows, firstScreenRows);
        note(`searched in ${searchedMs?.toFixed(0)} ms, search cleared`);
    }

    note('toggling');
    // The toggle: the flag's switch for the environment clicked in the list, until the answer to
    // the request it sends is in the page; and until the switch shows the server's new state.
    // The list now and then stays whole after a search (as above); the page is opened again then.
    const toggle = page.locator(`[data-testid="TOGGLE-${toggleFlag}-${toggleEnvironment}"] input[role="switch"]`);
    const aloneBy = Date.now() + aloneLimitMs;
    for (;;) {
        await page.goto(`${base}${projectPath}?query=${encodeURIComponent(toggleFlag)}`);
        const alone = await page.waitForFunction((name) => {
            const rows = window.__peer.rowsOf();
            return rows.length === 1 && rows[0] === name;
        }, toggleFlag, { timeout: openLimitMs }).then(() => true, () => false);
        if (alone)
            break;
        if (Date.now() > aloneBy)
            fail(`Unleash's list did not show ${toggleFlag} alone within ${aloneLimitMs} ms, opened again and again`);
        note(`the list did not show ${toggleFlag} alone within ${openLimitMs} ms; opening it again`);
    }
    await toggle.waitFor();
    // The page's first requests (the whole project's flags among them) answered before the clicks.
    await apiQuiet(page);
    for (let run = 0; run < toggleRuns; ++run) {
        const wanted = !(await toggle.isChecked());
        await page.evaluate(({ flag, environment, wanted, limitMs, shownLimitMs }) => {
            const selector = `[data-testid="TOGGLE-${flag}-${environment}"] input[role="switch"]`;
            const request = new RegExp(`/features/${flag}/environments/${environment}/(on|off)(\\?|$)`);
            performance.clearResourceTimings();
            window.__peer.toggled = new Promise((resolve) => {
                const timeout = setTimeout(() => resolve(null), limitMs);
                // On the document: the list renders its rows anew whenever it refreshes.
                const onClick = (event) => {
                    if (!event.target.matches?.(selector))
                        return;
                    document.removeEventListener('click', onClick, true);
                    const clickedAt = event.timeStamp;
                    const observer = new PerformanceObserver((list) => {
                        const answer = list.getEntries().find((entry) => request.test(entry.name));
                        if (!answer)
                            return;
                        observer.disconnect();
                        clearTimeout(timeout);
                        window.__peer.frameWhen(() => document.querySelector(selector)?.checked === wanted, shownLimitMs)
                            .then((shownAt) => resolve({
                                answeredMs: answer.responseEnd - clickedAt,
                                shownMs: shownAt === null ? null : shownAt - clickedAt,
                            }));
                    });
                    observer.observe({ type: 'resource' });
                };
                document.addEventListener('click', onClick, true);
            });
        }, { flag: toggleFlag, environment: toggleEnvironment, wanted, limitMs: timeoutMs, shownLimitMs });
        await toggle.click();
        const result = await page.evaluate(() => window.__peer.toggled);
        if (result === null)
            fail(`clicking Unleash's switch for ${toggleFlag} in ${toggleEnvironment} sent no request that was answered`);
        emit({ figure: 'toggle_ms', ms: result.answeredMs });
        if (result.shownMs === null)
            note(`the switch did not show the new state within ${shownLimitMs} ms of the answer`);
        else
            emit({ figure: 'toggle_shown_ms', ms: result.shownMs });
        // The list's own refresh after the change ended before the next click (the page also
        // polls now and then, so this waits two seconds at most).
        await apiQuiet(page, 300, 2000);
    }
    note('done');
    emit({ event: 'done' });
} catch (error) {
    emit({ error: error instanceof PeerFailure ? error.message
                                               : `driving Unleash's web console failed: ${error.message.split('\n')[0]}` });
    process.exitCode = 1;
} finally {
    await browser.close().catch(() => {});
}
