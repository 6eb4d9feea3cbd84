// What the benchmark measures, bundled by esbuild the way the extension ships it: running the
// TypeScript sources through a loader adds per-function overhead the bundle does not have.
export { AnalysisPool } from '../src/core/analysis/pool';
export { DraftStore } from '../src/core/draftStore';
export { readDraft } from '../src/core/draft';
export { MAIN_THREAD_ANALYSIS_MAX_CHARS, scanFiles } from '../src/core/scanner';
export { configKey, DEFAULT_CONFIG } from '../src/core/kinds/resolve';
export { analyzeMarkdown } from '../src/core/analysis/analysis';
export { parseDraft } from '../src/core/draft';
export { setFrontMatterFields } from '../src/core/frontMatter/edit';
