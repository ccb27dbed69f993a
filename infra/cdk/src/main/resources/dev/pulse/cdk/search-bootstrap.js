// Pulse search bootstrap (CloudFormation custom resource, inlined by SearchBootstrapStack.java; keep under 4 KB).
// Runs core-topology's SearchPlan (property Calls) in order on the domain (property Endpoint), SigV4-signed as the
// function's role, the domain's master user. A call whose `unless` path exists is skipped; an index that exists is
// done. The first failing call stops the run: FAILED, with the call and status in Reason (see docs/DEPLOYING.md).
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
function send(host, m, path, body) {
  const t = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const cred = { key: E.AWS_ACCESS_KEY_ID, secret: E.AWS_SECRET_ACCESS_KEY, token: E.AWS_SESSION_TOKEN };
  const h = exports.sign(m, host, path, body, t, E.AWS_REGION, 'es', cred);
  h['content-length'] = Buffer.byteLength(body);
  return req({ method: m, host, path, headers: h }, body);
}
async function call(host, x) {
  const name = `${x.method} ${x.path}`;
  // e.g. an alias a migration may have moved on: never re-create or re-point it
  if (x.unless && (await send(host, 'HEAD', x.unless, '')).code === 200) return console.log(`skip ${name}`);
  const r = await send(host, x.method, x.path, x.body ? JSON.stringify(x.body) : '');
  const exists = r.code === 400 && r.body.includes('resource_already_exists_exception');
  if (r.code >= 300 && !exists) throw new Error(`${name}: HTTP ${r.code} ${r.body.slice(0, 300)}`);
  console.log(JSON.stringify({ call: name, status: r.code }));
}
async function answer(e, err) {
  const body = JSON.stringify({
    Status: err ? 'FAILED' : 'SUCCESS', Reason: err ? String(err).slice(0, 3000) : 'ok',
    PhysicalResourceId: 'pulse-search-bootstrap', StackId: e.StackId, RequestId: e.RequestId,
    LogicalResourceId: e.LogicalResourceId, Data: {},
  });
  const u = new URL(e.ResponseURL);
  await req({ method: 'PUT', host: u.hostname, path: u.pathname + u.search,
    headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, body);
}
exports.handler = async (e) => {
  const p = e.ResourceProperties;
  let err;
  // Delete keeps the indices: they hold the data, and the domain has its own removal policy.
  if (e.RequestType !== 'Delete') {
    try {
      for (const x of JSON.parse(p.Calls)) await call(p.Endpoint, x);
    } catch (x) { err = x; console.error(String(x)); }
  }
  await answer(e, err);
  if (err) throw err; // counted in the function's Errors, which the bootstrap-errors alarm watches
};
