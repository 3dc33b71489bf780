// Serves a built dist/ on 127.0.0.1 the way a static host does (404.html for
// unknown paths), for the audit and screenshot scripts:
//   node scripts/serve-dist.mjs DIST [PORT]   prints the URL, runs until killed
import { serve } from '../tests/e2e/support/server.mjs';

const [dist = 'dist', port] = process.argv.slice(2);
const server = await serve(dist, { port: port ? Number(port) : 0 });
console.log(server.url);
