/**
 * The HTTP baseline (issue 15 item 1): a bare Fastify answering a constant, in its own process.
 * Prints its port on stdout once listening. `GET /const` → {"ok":true}; `POST /const` echoes a
 * JSON body's size (so a posting bench has a body-parsing baseline too).
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/const', async () => ({ ok: true }));
app.post('/const', async (req) => ({ ok: true, size: JSON.stringify(req.body ?? null).length }));
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(String(typeof addr === 'object' && addr ? addr.port : 0) + '\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
