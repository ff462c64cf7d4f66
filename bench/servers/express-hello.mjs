// Baseline: an Express 5 hello world answering JSON, the framework mock-auth serve runs on.
import express from 'express'

const app = express()
app.all('/', (req, res) => {
  res.json({ hello: 'world' })
})
app.listen(Number(process.env.PORT ?? 0), '127.0.0.1')
