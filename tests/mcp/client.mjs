// Drives `flagdeck mcp` with the official MCP TypeScript SDK's client, as a coding agent would:
// initialize, list the tools, list what changed and what is due for cleanup, read a flag, propose a kill, read the proposal back, and send bad
// input. Prints one JSON line with what it saw; exits non-zero on the first surprise.
// Usage: node client.mjs FLAGDECK INBOX CACHE
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [flagdeck, inbox, cache] = process.argv.slice(2);

function check(condition, what) {
  if (!condition) {
    throw new Error(`unexpected: ${what}`);
  }
}

const transport = new StdioClientTransport({
  command: flagdeck,
  args: ['mcp', '--inbox', inbox, '--cache', cache],
  env: process.env,
  stderr: 'inherit',
});
const client = new Client({ name: 'flagdeck-integration-agent', version: '3.1.4' });
await client.connect(transport);

const server = client.getServerVersion();
check(server.name === 'flagdeck', `server name ${server.name}`);

const { tools } = await client.listTools();
const names = tools.map((tool) => tool.name).sort();
check(JSON.stringify(names) === JSON.stringify(
  ['get_flag', 'get_proposal', 'list_changes', 'list_cleanup_due', 'list_flags', 'list_proposals', 'list_servers',
    'propose_action']),
  `tools ${names}`);

const changes = await client.callTool({ name: 'list_changes', arguments: { minutes: 60 } });
check(!changes.isError && Array.isArray(changes.structuredContent.flags), 'list_changes reads the change history');

// What a console found due for cleanup, for the change that removes the flag from the code.
const cleanup = await client.callTool({ name: 'list_cleanup_due', arguments: { environment: 'production' } });
check(!cleanup.isError && cleanup.structuredContent.due.length === 1, `list_cleanup_due: ${JSON.stringify(cleanup.content)}`);
const due = cleanup.structuredContent.due[0];
check(due.flag === 'kb-retrieval-profile' && due.owner === 'search-platform', 'the due flag and its owner');
check(due.reasons[0].kind === 'review_date_passed' && due.since === '2026-11-01T00:00:00Z', 'why and since when');

const servers = await client.callTool({ name: 'list_servers', arguments: {} });
check(servers.structuredContent.servers[0].name === 'Sandbox', 'the sandbox server is listed');

const target = { server: 'Sandbox', environment: 'production', flag: 'chat-model-route' };
const flag = await client.callTool({ name: 'get_flag', arguments: target });
check(!flag.isError && flag.structuredContent.enabled === true, 'get_flag reads the cached flag');

const proposed = await client.callTool({
  name: 'propose_action',
  arguments: {
    ...target,
    action: 'kill',
    reason: 'p95 latency of the candidate is 40% above the default for 20 minutes',
    evidence: { links: ['https://grafana.example/d/latency'], metrics: { p95_ms: { candidate: 1400, default: 1000 } } },
    flag_revision: flag.structuredContent.revision,
    agent_name: 'rollback-agent',
    model: 'test-model',
  },
});
check(!proposed.isError, `propose_action: ${JSON.stringify(proposed.content)}`);
const id = proposed.structuredContent.proposal_id;

const read = await client.callTool({ name: 'get_proposal', arguments: { id } });
check(read.structuredContent.status === 'pending', 'the proposal waits for review');
check(read.structuredContent.proposer.agent === 'rollback-agent', 'the agent is named');
check(read.structuredContent.proposer.client === 'flagdeck-integration-agent', 'the MCP client is named');

const listed = await client.callTool({ name: 'list_proposals', arguments: { status: 'pending' } });
check(listed.structuredContent.proposals.some((p) => p.id === id), 'list_proposals shows it');

// Bad arguments are error results, and the server goes on.
const bad = await client.callTool({ name: 'propose_action', arguments: { ...target, action: 'delete', reason: 'x' } });
check(bad.isError === true, 'a bad action is an error result');
let unknownTool = null;
try {
  await client.callTool({ name: 'set_flag', arguments: {} });
} catch (error) {
  unknownTool = error.code;
}
check(unknownTool === -32602, `an unknown tool is a JSON-RPC error (${unknownTool})`);
const again = await client.callTool({ name: 'list_servers', arguments: {} });
check(!again.isError, 'still answering');

console.log(JSON.stringify({ proposal: id, protocol: transport._protocolVersion ?? null, tools: names.length }));
await client.close();
