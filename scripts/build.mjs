// Compiles Oversight's TypeScript in src/ to JavaScript in dist/, one file for each, with the files
// it reads beside its code (views, templates, demo data, static assets) copied alongside, so that
// `node dist/main.js` runs what `tsx src/main.ts` runs. Tests are left out. Plain JavaScript, so that
// it needs nothing but Node.js and esbuild.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'

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

const isTest = (path) => /\.test\.ts$/.test(path)

/** `#src/a/b.ts` and `./c.ts` as the compiled file next to them is named, from `file`'s folder. */
function rewriteSpecifiers(code, file) {
  return code.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(#src\/[^'"]+|\.{1,2}\/[^'"]+)\.ts\2/g,
    (_whole, lead, quote, specifier) => {
      if (!specifier.startsWith('#src/')) return `${lead}${quote}${specifier}.js${quote}`
      let path = relative(dirname(file), join(src, specifier.slice('#src/'.length)))
        .split(sep)
        .join('/')
      if (!path.startsWith('.')) path = `./${path}`
      return `${lead}${quote}${path}.js${quote}`
    },
  )
}

/** Builds into `dist/`, or another folder beside it (the test's own), which it empties first. */
export async function buildDist({ quiet = false, out = 'dist' } = {}) {
  const started = Date.now()
  const dist = join(root, out)
  await rm(dist, { recursive: true, force: true })
  let compiled = 0
  let copied = 0
  for await (const file of files(src)) {
    const target = join(dist, relative(src, file))
    await mkdir(dirname(target), { recursive: true })
    if (file.endsWith('.ts')) {
      if (isTest(file) || file.endsWith('.d.ts')) continue
      const source = rewriteSpecifiers(await readFile(file, 'utf8'), file)
      const { code } = await transform(source, {
        loader: 'ts',
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcefile: relative(root, file),
        sourcemap: 'inline',
      })
      await writeFile(target.replace(/\.ts$/, '.js'), code)
      compiled += 1
    } else {
      await copyFile(file, target)
      copied += 1
    }
  }
  await writeFile(join(dist, '.built'), new Date().toISOString())
  if (!quiet)
    console.log(
      `Built ${out}/: ${compiled} files compiled, ${copied} copied, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDist()
