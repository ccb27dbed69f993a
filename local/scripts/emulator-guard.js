// Preloaded into kinesalite and dynalite (node --require). Both throw from their request 'error' handlers, so one
// client hanging up mid-request (an SDK call interrupted at shutdown) would kill the whole emulator and fail every
// test after it. A hang-up must cost that one request only; any other error still stops the process.
'use strict'

process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    console.error(`${new Date().toISOString()} client hung up mid-request (${err.code || err.message}); request dropped`)
    return
  }
  console.error(err && err.stack ? err.stack : err)
  process.exit(1)
})
