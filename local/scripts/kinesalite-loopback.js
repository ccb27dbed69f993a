#!/usr/bin/env node
// Starts kinesalite on one address (127.0.0.1 unless --host says otherwise): its own CLI has no host flag and
// listens on every interface. Takes kinesalite's CLI options: --port, --path, --ssl, --createStreamMs,
// --deleteStreamMs, --updateStreamMs, --shardLimit.
'use strict'

const kinesalite = require('kinesalite')

// Parses `--name value` and `--flag` pairs the way kinesalite's CLI (minimist) does for its options.
function parseArgs(args) {
  const options = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`)
    const eq = arg.indexOf('=')
    let name = arg.slice(2)
    let value = true
    if (eq > 0) {
      name = arg.slice(2, eq)
      value = arg.slice(eq + 1)
    } else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
      value = args[++i]
    }
    options[name] = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  }
  return options
}

const options = parseArgs(process.argv.slice(2))
const host = options.host || '127.0.0.1'
const port = options.port || 4567
delete options.host

const server = kinesalite(options)
server.on('error', (err) => {
  console.error(`kinesalite: cannot listen on ${host}:${port}: ${err.message}`)
  process.exit(1)
})
server.listen(port, host, () => {
  const address = server.address()
  console.log('Listening at %s://%s:%s', options.ssl ? 'https' : 'http', address.address, address.port)
})
