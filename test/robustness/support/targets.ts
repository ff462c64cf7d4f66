import { createEngine, type EngineOptions } from '../../../src/core/index.js'
import { builtinScenarios } from '../../../scenarios/index.js'
import { expressTarget } from './http-target.js'
import { mswTarget } from './msw-target.js'
import { engineTarget, type Target } from './target.js'
import { restDialect } from '../../../src/dialects/index.js'

/** The options every robustness target starts from: the built-in scenarios and a 30 s leeway. */
export const ROBUSTNESS_OPTIONS: EngineOptions = { dialect: restDialect, scenarios: builtinScenarios, clockTolerance: '30s' }

export interface TargetFactory {
  name: string
  create(options?: Partial<EngineOptions>): Promise<Target>
}

const engineOf = (options: Partial<EngineOptions>) => createEngine({ ...ROBUSTNESS_OPTIONS, ...options })

/** Every transport the suites run against: in-process, Express on a loopback port, msw/node. */
export const TARGETS: TargetFactory[] = [
  { name: 'engine', create: async (options = {}) => engineTarget(engineOf(options)) },
  { name: 'express', create: (options = {}) => expressTarget(engineOf(options)) },
  { name: 'msw', create: async (options = {}) => mswTarget({ ...ROBUSTNESS_OPTIONS, ...options }) },
]
