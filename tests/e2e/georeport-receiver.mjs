// A receiver that behaves like the Open311 GeoReport v2 documentation's examples
// (wiki.open311.org/GeoReport_v2), not like the site: its own service codes ("001", …), a
// required api_key (the standard's 403 error array otherwise), a required jurisdiction_id, a
// service with a definition whose questions are required, a batch service that answers with a
// token, `tokens/{token}.json`, and `requests/{id}.json`, whose status a test can close later
// with a note. Ids are JSON numbers, as in the standard's examples. Like a real receiver it sends
// CORS headers: the site runs on another origin.
import http from 'node:http';

export const API_KEY = 'pk-cundi-public-test';
export const JURISDICTION = 'yangcheng.example.cn';
/** The site's categories → this receiver's codes, as a deployment writes them in config.json. */
export const SERVICE_CODES = { non_delivery: '001', illegal_fee: '002', delay: '003' };

const SERVICES = [
  { service_code: '001', service_name: '快件未按址投递', description: '快件没有送到收件地址', metadata: false, type: 'realtime', keywords: '投递, 快递', group: '快递' },
  { service_code: '002', service_name: '违规收费', description: '取件被收费', metadata: true, type: 'realtime', keywords: '收费', group: '快递' },
  { service_code: '003', service_name: '快件延误', metadata: false, type: 'batch', keywords: '延误', group: '快递' },
];

/** Service 002's definition: information, then required and optional questions of each kind. */
export const DEFINITION_002 = {
  service_code: '002',
  attributes: [
    { variable: true, code: 'HOWMANY', datatype: 'number', required: true, datatype_description: '填写数字', order: 2, description: '被收费的快件件数', values: [] },
    { variable: false, code: 'NOTICE', datatype: 'string', required: false, datatype_description: null, order: 0, description: '请保留收费凭证（收据、转账记录）。', values: [] },
    { variable: true, code: 'PAYMENT', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: '付款方式', values: [{ key: 1, name: '现金' }, { key: 2, name: '微信' }, { key: 3, name: '支付宝' }] },
    { variable: true, code: 'WITNESS', datatype: 'multivaluelist', required: false, datatype_description: null, order: 3, description: '当时在场的人', values: [{ key: 'staff', name: '站点工作人员' }, { key: 'courier', name: '快递员' }, { key: 'customer', name: '其他顾客' }] },
    { variable: true, code: 'PAID_AT', datatype: 'datetime', required: false, datatype_description: null, order: 4, description: '付款时间', values: [] },
  ],
};

export async function startGeoReport({ postAnswers = [] } = {}) {
  const state = {
    posts: [], // every POST's fields, as a URLSearchParams
    requests: new Map(), // id → the request as requests/{id}.json describes it
    tokens: new Map(), // token → id
    gets: [], // every GET's path and query
    postAnswers: [...postAnswers], // scripted raw answers for the next POSTs: { status, body }
    nextId: 638344,
    close(id, notes, agency = '阳城县邮政管理局') {
      const r = state.requests.get(String(id));
      Object.assign(r, { status: 'closed', status_notes: notes, agency_responsible: agency, updated_datetime: '2026-12-06T16:20:00+08:00' });
    },
  };
  const headers = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Content-Type': 'application/json; charset=utf-8',
  };
  const answer = (res, status, json) => res.writeHead(status, headers).end(JSON.stringify(json));
  const error = (res, status, description) => answer(res, status, [{ code: status, description }]);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://receiver');
    const path = url.pathname.replace(/^\/georeport\/v2\//, '');
    if (req.method === 'OPTIONS') return res.writeHead(204, headers).end();
    if (req.method === 'GET') {
      state.gets.push({ path, jurisdiction: url.searchParams.get('jurisdiction_id') });
      if (url.searchParams.get('jurisdiction_id') !== JURISDICTION) return error(res, 404, 'jurisdiction_id not found');
      if (path === 'services.json') return answer(res, 200, SERVICES);
      if (path === 'services/002.json') return answer(res, 200, DEFINITION_002);
      let m = path.match(/^tokens\/([^/]+)\.json$/);
      if (m) {
        const id = state.tokens.get(decodeURIComponent(m[1]));
        if (!id) return error(res, 404, 'token not found');
        return answer(res, 200, [{ service_request_id: Number(id), token: decodeURIComponent(m[1]) }]);
      }
      m = path.match(/^requests\/([^/]+)\.json$/);
      if (m) {
        const r = state.requests.get(decodeURIComponent(m[1]));
        if (!r) return error(res, 404, 'service_request_id not found');
        return answer(res, 200, [{ ...r, service_request_id: Number(r.service_request_id) }]);
      }
      return error(res, 404, 'not found');
    }
    if (req.method === 'POST' && path === 'requests.json') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const f = new URLSearchParams(body);
        state.posts.push(f);
        const scripted = state.postAnswers.shift();
        if (scripted) return res.writeHead(scripted.status, headers).end(scripted.body);
        if (f.get('jurisdiction_id') !== JURISDICTION) return error(res, 404, 'jurisdiction_id not found');
        // The standard's own example of a refused key.
        if (f.get('api_key') !== API_KEY) return error(res, 403, "Invalid api_key received -- can't proceed with create_request.");
        const service = SERVICES.find((s) => s.service_code === f.get('service_code'));
        if (!service) return error(res, 400, 'service_code not found');
        if (!(f.get('lat') && f.get('long')) && !f.get('address_string')) return error(res, 400, 'lat/long or address_string is required');
        if (service.metadata) {
          for (const a of DEFINITION_002.attributes.filter((a) => a.variable)) {
            const values = a.datatype === 'multivaluelist' ? f.getAll(`attribute[${a.code}][]`) : f.getAll(`attribute[${a.code}]`);
            if (a.required && values.length === 0) return error(res, 400, `attribute ${a.code} is required`);
            if (a.values.length && values.some((v) => !a.values.some((x) => String(x.key) === v))) return error(res, 400, `attribute ${a.code} has an unknown value`);
          }
        }
        const id = String(state.nextId++);
        state.requests.set(id, {
          service_request_id: id, status: 'open', status_notes: null, service_name: service.service_name,
          service_code: service.service_code, description: f.get('description'), agency_responsible: null,
          service_notice: null, requested_datetime: '2026-12-05T10:00:00+08:00', updated_datetime: '2026-12-05T10:00:00+08:00',
          address: f.get('address_string'), lat: Number(f.get('lat')), long: Number(f.get('long')),
        });
        if (service.type === 'batch') {
          const token = `T-${id}`;
          state.tokens.set(token, id);
          return answer(res, 200, [{ token }]);
        }
        return answer(res, 201, [{ service_request_id: Number(id), service_notice: '已受理，将在 7 个工作日内答复。', account_id: null }]);
      });
      return;
    }
    return error(res, 404, 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/georeport/v2`;
  return { endpoint, state, close: () => new Promise((resolve) => server.close(resolve)) };
}
