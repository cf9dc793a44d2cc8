// The build's entry point for compiling the templates (scripts/build.mjs): what it needs, from the
// modules that own it, with the paths of the built app.
export { COMPILED_VIEWS_FILE, compiledViewsJson } from './compiled-views.ts'
export { compileAppViews } from './environment.ts'
