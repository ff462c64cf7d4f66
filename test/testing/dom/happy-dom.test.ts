// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost:3000/" }
import { describe } from 'vitest'
import { describeAppFlow } from './app-flow.js'

describe("an app's own auth calls under Vitest's happy-dom environment", () => describeAppFlow())
