// A small Open311 GeoReport v2 receiver for the browser tests: it answers `services.json`, takes
// `POST requests.json` (form-encoded) and stores what it accepts, and says every stored request
// is open (`requests/{id}.json`). Each test starts its own on a
// free port and can script its answers: `plan` is a list of HTTP statuses for the next POSTs
// (a 500 is answered without storing), after which every POST is stored and answered 201.
// Like a real receiver it sends CORS headers, since the site runs on another origin.
import http from 'node:http';

export const CATEGORIES = [
  'non_delivery', 'illegal_fee', 'frequency_shortfall', 'station_not_operating',
  'lost_damaged', 'delay', 'service_attitude', 'other',
];

export async function startReceiver({ plan = [], categories = CATEGORIES } = {}) {
  const state = { posts: [], stored: [], plan: [...plan], categories };
  const server = http.createServer((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Content-Type': 'application/json; charset=utf-8',
    };
    const url = new URL(req.url, 'http://receiver');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers).end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/open311/services.json') {
      const services = state.categories.map((code) => ({
        service_code: code, service_name: code, metadata: false, type: 'realtime',
      }));
      res.writeHead(200, headers).end(JSON.stringify(services));
      return;
    }
    // What became of a request ("My complaints" asks): every stored one is open.
    const asked = url.pathname.match(/^\/open311\/requests\/CD-(\d+)\.json$/);
    if (req.method === 'GET' && asked && Number(asked[1]) <= state.stored.length) {
      res.writeHead(200, headers).end(JSON.stringify([{ service_request_id: `CD-${asked[1]}`, status: 'open' }]));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/open311/requests.json') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const fields = Object.fromEntries(new URLSearchParams(body));
        state.posts.push({ fields, contentType: req.headers['content-type'] });
        const status = state.plan.shift() ?? 201;
        if (status >= 400) {
          res.writeHead(status, headers).end(JSON.stringify([{ code: status, description: `scripted ${status}` }]));
          return;
        }
        state.stored.push(fields);
        const id = `CD-${state.stored.length}`;
        res.writeHead(status, headers).end(JSON.stringify([{ service_request_id: id, service_notice: '已受理' }]));
      });
      return;
    }
    res.writeHead(404, headers).end('[]');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/open311`;
  return { endpoint, state, close: () => new Promise((resolve) => server.close(resolve)) };
}
