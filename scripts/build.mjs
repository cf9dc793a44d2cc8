// Compiles Oversight's TypeScript in src/ into one bundle, dist/main.js (with a chunk beside it for
// each part loaded only when first used), and copies the files the code reads (views, templates, demo
// data, static assets) to the same places under dist/ as under src/, so that `node dist/main.js` runs
// what `tsx src/main.ts` runs. Packages stay in node_modules (all but BUNDLED_PACKAGES). Plain
// JavaScript, so that it needs nothing but Node.js and esbuild.
import { spawn } from 'node:child_process'
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
/** Written last: a build that stopped half-way has none, and is built again. */
export const STAMP = join(root, 'dist', '.built')

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

/**
 * Every output file lies at the top of dist/, so a module's own `import.meta.url` and
 * `import.meta.dirname` are rewritten to where its source sits under src/ (its copy of the files it
 * reads sits at the same place under dist/).
 */
const importMetaAsInSource = {
  name: 'import-meta-as-in-source',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      let code = await readFile(path, 'utf8')
      if (path.startsWith(src) && /\bimport\.meta\.(url|dirname)\b/.test(code)) {
        const own = JSON.stringify(`./${relative(src, path).split(sep).join('/').replace(/\.ts$/, '.js')}`)
        code =
          code
            .replace(/\bimport\.meta\.url\b/g, `new URL(${own}, import.meta.url).href`)
            .replace(
              /\bimport\.meta\.dirname\b/g,
              `__buildDirname(__buildFileURLToPath(new URL(${own}, import.meta.url)))`,
            ) +
          "\nimport { dirname as __buildDirname } from 'node:path'\nimport { fileURLToPath as __buildFileURLToPath } from 'node:url'\n"
      }
      return { contents: code, loader: 'ts' }
    })
  },
}

/**
 * Packages stay in node_modules, but for a few whose entry point loads hundreds of files, each
 * resolved and read at every start: bundled, only the parts used are kept, in one file (date-fns and
 * kysely: over a tenth of a second each; zod, with the package that must share its copy). Only ES
 * modules, and only packages nothing left in node_modules uses; what they import stays there, so it is
 * a dependency of Oversight's own (@fastify/error).
 */
const BUNDLED_PACKAGES = new Set(['date-fns', 'kysely', 'zod', 'fastify-type-provider-zod'])
const packagesExternal = {
  name: 'packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./#]/ }, ({ path }) => {
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]
      return BUNDLED_PACKAGES.has(name) ? undefined : { path, external: true }
    })
  },
}

/**
 * An embedded database with every migration applied and nothing in it, made by the code just built
 * (`main.js migrate`) and kept as `cluster/`: a new data folder starts as a copy of it
 * (src/platform/db/database.ts) rather than applying every migration, seconds of its first start.
 */
async function migratedCluster(dist) {
  const dataDir = join(dist, '.cluster-data')
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, [join(dist, 'main.js'), 'migrate'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let said = ''
  child.stderr.on('data', (chunk) => (said += chunk))
  const code = await new Promise((resolve, reject) => child.once('exit', resolve).once('error', reject))
  if (code !== 0) throw new Error(`The build's migrated database could not be made:\n${said}`)
  await rename(join(dataDir, 'pglite'), join(dist, 'cluster'))
  await rm(dataDir, { recursive: true, force: true })
}

/**
 * The templates compiled as the built app compiles them (src/platform/views/compiled-views.ts), kept
 * beside them, so that no start compiles them again; and the passwords' deny-list, unpacked.
 */
async function compiledViews(dist) {
  const { compileAppViews, compiledViewsJson, COMPILED_VIEWS_FILE, COMMON_PASSWORDS_FILE, commonPasswordsText } =
    await import(pathToFileURL(join(dist, 'compile-views.js')).href)
  await writeFile(join(dist, COMPILED_VIEWS_FILE), compiledViewsJson(compileAppViews()))
  // The passwords' deny-list, unpacked once here rather than at every start that checks a password.
  await writeFile(join(dist, 'platform', 'auth', COMMON_PASSWORDS_FILE), commonPasswordsText())
}

/** Builds into `dist/`, or another folder beside it (the test's own), which it empties first. */
export async function buildDist({ quiet = false, out = 'dist' } = {}) {
  const started = Date.now()
  const dist = join(root, out)
  await rm(dist, { recursive: true, force: true })
  let copied = 0
  for await (const file of files(src)) {
    if (file.endsWith('.ts')) continue
    const target = join(dist, relative(src, file))
    await mkdir(dirname(target), { recursive: true })
    await copyFile(file, target)
    copied += 1
  }
  // Loaded here, not above: `npm start` imports this file on every start, and builds only now and then.
  const { build, stop } = await import('esbuild')
  const result = await build({
    absWorkingDir: root,
    // The statutory returns' reading thread is a file of its own: a worker starts from a file.
    entryPoints: {
      main: join(src, 'main.ts'),
      'modules/returns/read-worker': join(src, 'modules', 'returns', 'read-worker.ts'),
      // Imported by scripts/start.mjs before main, to compile PGlite's WebAssembly while main loads.
      'platform/db/pglite-wasm': join(src, 'platform', 'db', 'pglite-wasm.ts'),
      // For the build alone: compiles the templates, below.
      'compile-views': join(src, 'platform', 'views', 'compile-views.ts'),
    },
    bundle: true,
    // A module imported with `import()` stays a chunk of its own, read only when first used.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: dist,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [packagesExternal, importMetaAsInSource],
  })
  // esbuild's service process would otherwise live as long as the server `npm start` goes on to run.
  await stop()
  const compiled = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/')).length
  await compiledViews(dist)
  await migratedCluster(dist)
  await writeFile(join(dist, '.built'), new Date().toISOString())
  if (!quiet)
    console.log(
      `Built ${out}/: ${compiled} files bundled, ${copied} copied, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist()
