// Baseline: the cheapest JSON answer node:http can give (the limit of this machine's loopback).
import { createServer } from 'node:http'

const body = JSON.stringify({ hello: 'world' })
createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}).listen(Number(process.env.PORT ?? 0), '127.0.0.1')
