import type { SupportKind } from '../types.js';
export interface CompiledVocabulary {
  benefitEntries: number;
  supportKinds: SupportKind[];
}
