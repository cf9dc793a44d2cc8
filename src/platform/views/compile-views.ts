// The build's entry point for compiling the templates and writing out the passwords' deny-list
// (scripts/build.mjs): what it needs, from the modules that own it, with the paths of the built app.
export { COMMON_PASSWORDS_FILE, commonPasswordsText } from '../auth/password-policy.ts'
export { COMPILED_VIEWS_FILE, compiledViewsJson } from './compiled-views.ts'
export { compileAppViews } from './environment.ts'
