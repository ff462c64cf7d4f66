// Baseline: an Express 5 hello world answering JSON, the framework mock-auth serve runs on.
// `express5` is an npm alias (package.json): json-server-auth needs Express 4 hoisted as `express`,
// and without the alias this file silently ran Express 4.
import express from 'express5'

const app = express()
app.all('/', (req, res) => {
  res.json({ hello: 'world' })
})
app.listen(Number(process.env.PORT ?? 0), '127.0.0.1')
