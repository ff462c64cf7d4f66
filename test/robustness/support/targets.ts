import { createEngine, type EngineOptions } from '../../../src/core/index.js'
import { builtinScenarios } from '../../../scenarios/index.js'
import { engineTarget, type Target } from './target.js'

/** The options every robustness target starts from: the built-in scenarios and a 30 s leeway. */
export const ROBUSTNESS_OPTIONS: EngineOptions = { scenarios: builtinScenarios, clockTolerance: '30s' }

export interface TargetFactory {
  name: string
  create(options?: Partial<EngineOptions>): Promise<Target>
}

/** Every transport the suites run against. */
export const TARGETS: TargetFactory[] = [
  { name: 'engine', create: async (options = {}) => engineTarget(createEngine({ ...ROBUSTNESS_OPTIONS, ...options })) },
]
