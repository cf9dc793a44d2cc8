// The house rules that a tool can enforce (docs/contributing.md). `npm run lint` runs this with
// --max-warnings 0, so every rule here is an error in effect.
import { existsSync, readdirSync } from 'node:fs'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/**
 * The modules under src/modules: each folder with an index.ts, nested ones included
 * (meetings/minutes is a module of its own inside meetings).
 */
function modules(dir = 'src/modules') {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`
      const own = existsSync(`${path}/index.ts`) ? [path] : []
      return [...own, ...modules(path)]
    })
}

/**
 * A module is imported only through its index.ts: from anywhere outside it (other modules, app.ts,
 * the demo, tests and benchmarks elsewhere), a path into it must be its index.ts. A module nested
 * in another is outside its parent for this rule, and its parent is outside it.
 */
function moduleZones() {
  const all = modules()
  /** Every file of `other`, but those of `module` when it is nested inside `other`. */
  const filesOf = (other, module) => {
    if (!module.startsWith(`${other}/`)) return [`./${other}/**`]
    const inside = module.slice(other.length + 1).split('/')[0]
    const folders = readdirSync(other, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== inside)
    return [`./${other}/*.ts`, ...folders.map((folder) => `./${other}/${folder.name}/**`)]
  }
  return all.map((module) => {
    const nested = all.filter((other) => other.startsWith(`${module}/`))
    const elsewhere = all.filter((other) => other !== module && !other.startsWith(`${module}/`))
    return {
      target: [
        './src/*.ts',
        './src/demo/**',
        './test/**',
        './bench/**',
        ...elsewhere.flatMap((o) => filesOf(o, module)),
      ],
      from: `./${module}`,
      except: ['./index.ts', ...nested.map((inner) => `./${inner.slice(module.length + 1)}`)],
      message: `Import ${module} through its index.ts.`,
    }
  })
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'dist-*/', 'test/fixtures/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Fastify handlers and hooks are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/platform', from: './src/modules', message: 'platform/ never imports modules/.' },
            ...moduleZones(),
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON and database rows whose shape is what they assert: `expect` checks it, so
    // typing each read first would say the same thing twice. Everything else holds in tests too.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
)
