// Pulse search bootstrap (CloudFormation custom resource, inlined by SearchBootstrap.java; keep under 4 KB).
// Sends the topology's OpenSearch calls (indices, aliases, templates, security roles and role mappings), SigV4-signed
// with the function's role, which is the domain's master user. Best effort: it always answers SUCCESS, so a failure
// never blocks a deploy; failures are logged and listed in the Reason (see docs/DEPLOYING.md).
const c = require('crypto'), https = require('https');
const E = process.env;
const H = (d) => c.createHash('sha256').update(d).digest('hex');
const M = (k, d) => c.createHmac('sha256', k).update(d).digest();
exports.sign = function (m, host, path, body, t, reg, svc, cred) {
  const d = t.slice(0, 8), ph = H(body || '');
  const h = { host, 'x-amz-date': t };
  if (svc === 'es') { h['content-type'] = 'application/json'; h['x-amz-content-sha256'] = ph; }
  if (cred.token) h['x-amz-security-token'] = cred.token;
  const n = Object.keys(h).sort(), [p, q] = path.split('?');
  const can = [m, p, q || '', n.map((k) => k + ':' + h[k] + '\n').join(''), n.join(';'), ph].join('\n');
  const sc = `${d}/${reg}/${svc}/aws4_request`;
  const k = M(M(M(M('AWS4' + cred.secret, d), reg), svc), 'aws4_request');
  const sig = M(k, ['AWS4-HMAC-SHA256', t, sc, H(can)].join('\n')).toString('hex');
  h.authorization = `AWS4-HMAC-SHA256 Credential=${cred.key}/${sc}, SignedHeaders=${n.join(';')}, Signature=${sig}`;
  return h;
};
function req(opt, body) {
  return new Promise((ok, ko) => {
    const r = https.request(opt, (res) => {
      let d = '';
      res.on('data', (x) => (d += x));
      res.on('end', () => ok({ code: res.statusCode, body: d }));
    });
    r.on('error', ko);
    r.setTimeout(15000, () => r.destroy(new Error('timeout')));
    if (body) r.write(body);
    r.end();
  });
}
function send(m, path, body) {
  const t = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const cred = { key: E.AWS_ACCESS_KEY_ID, secret: E.AWS_SECRET_ACCESS_KEY, token: E.AWS_SESSION_TOKEN };
  const h = exports.sign(m, E.ENDPOINT, path, body, t, E.AWS_REGION, 'es', cred);
  h['content-length'] = Buffer.byteLength(body);
  return req({ method: m, host: E.ENDPOINT, path, headers: h }, body);
}
async function call(x) {
  // e.g. an alias a migration may have moved on: never re-create or re-point it
  if (x.unless && (await send('HEAD', x.unless, '')).code === 200) return console.log(`skip ${x.path}`);
  const body = x.body ? JSON.stringify(x.body) : '';
  const r = await send(x.method, x.path, body);
  const exists = r.code === 400 && r.body.includes('resource_already_exists');
  if (r.code >= 300 && !exists) throw new Error(`${x.method} ${x.path}: ${r.code} ${r.body.slice(0, 300)}`);
  console.log(JSON.stringify({ call: `${x.method} ${x.path}`, status: r.code }));
}
async function answer(e, reason) {
  const body = JSON.stringify({
    Status: 'SUCCESS', Reason: reason.slice(0, 3000), PhysicalResourceId: 'pulse-search-bootstrap',
    StackId: e.StackId, RequestId: e.RequestId, LogicalResourceId: e.LogicalResourceId, Data: {},
  });
  const u = new URL(e.ResponseURL);
  await req({ method: 'PUT', host: u.hostname, path: u.pathname + u.search,
    headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, body);
}
exports.handler = async (e) => {
  const failures = [];
  if (e.RequestType !== 'Delete') {
    for (const x of JSON.parse(e.ResourceProperties.Calls)) {
      try { await call(x); } catch (err) { console.error(String(err)); failures.push(String(err)); }
    }
  }
  await answer(e, failures.length ? `best effort: ${failures.length} call(s) failed: ${failures.join('; ')}` : 'ok');
};
