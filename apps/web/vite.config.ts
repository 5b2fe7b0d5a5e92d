import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const sharedEntry = fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../libs/shared/src', import.meta.url));

/** The font file every page needs first (regular weight, Latin script): preloaded from index.html. */
const PRELOAD_FONT = /fira-sans-latin-400-normal-[\w-]+\.woff2$/;

/** Adds <link rel="preload"> for the regular Latin font, so text is drawn in it without a second wait. */
function preloadFont(): Plugin {
  return {
    name: 'soziale-stadt:preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const file = Object.keys(context.bundle ?? {}).find((name) => PRELOAD_FONT.test(name));
        if (!file) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * The pages whose chunks the server names in index.html (<link rel="modulepreload">), so they load
 * alongside the entry instead of after it: the citizen pages and the live views. Path patterns as
 * regular expressions on the URL path; the first match wins.
 */
const PRELOADED_ROUTES: Array<[pattern: string, route: string]> = [
  ['^/$', 'HomeRoute'],
  ['^/proposals/?$', 'ProposalsRoute'],
  ['^/proposals/(?!new$)[^/]+/?$', 'ProposalDetailRoute'],
  ['^/join(/[^/]+)?/?$', 'JoinRoute'],
  ['^/assemblies/?$', 'AssembliesRoute'],
  ['^/assemblies/(?!new$)[^/]+/?$', 'AssemblyDetailRoute'],
  ['^/assemblies/[^/]+/live/?$', 'LiveRoute'],
  ['^/assemblies/[^/]+/projector/?$', 'ProjectorRoute'],
];

/**
 * Writes route-preloads.json: for each pattern above, the route's chunk, the chunks it imports and
 * their CSS. The CSS matters most: the loader of a lazy route fetches it only after the entry has
 * run, which on a weak link put a second round of requests (~1 s) between the entry and the page.
 */
function routePreloads(): Plugin {
  return {
    name: 'soziale-stadt:route-preloads',
    apply: 'build',
    // After Vite's own plugins: they drop the chunks that only carried CSS (a name listed from
    // before that would answer with index.html, and the service worker would cache that as code).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        const inEntry = new Set<string>();
        const walk = (fileName: string, into: Set<string>) => {
          const chunk = bundle[fileName];
          if (into.has(fileName) || chunk?.type !== 'chunk') return;
          into.add(fileName);
          for (const imported of chunk.imports) walk(imported, into);
        };
        if (entry) walk(entry.fileName, inEntry);
        const preloads = PRELOADED_ROUTES.flatMap(([pattern, route]) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/app/routes/${route}.tsx`));
          if (!chunk) return [];
          const files = new Set<string>();
          walk(chunk.fileName, files);
          const own = [...files].filter((file) => !inEntry.has(file));
          const css = own.flatMap((file) => {
            const item = bundle[file];
            return item?.type === 'chunk' ? [...(item.viteMetadata?.importedCss ?? [])] : [];
          });
          return [{ pattern, files: [...own, ...new Set(css)].map((file) => `/${file}`) }];
        });
        this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(preloads) });
      },
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of the build, at the
 * highest levels (once, at build time); the API serves them by content negotiation.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'soziale-stadt:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      // Not the chunk graph in .vite/ (read by the size budget check at build time, never sent to browsers).
      const files = Object.keys(bundle).filter(
        (name) => !name.startsWith('.vite/') && /\.(js|css|html|svg|json|txt|webmanifest)$/.test(name),
      );
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const data = await readFile(path);
          if (data.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gz(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadFont(), routePreloads(), precompress()],
  resolve: {
    // The package's index, and its parts that stay out of the index (e.g. @app/shared/funds/money), as in tsconfig's paths.
    alias: [
      { find: /^@app\/shared$/, replacement: sharedEntry },
      { find: /^@app\/shared\/(.*)$/, replacement: `${sharedDir}/$1` },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph the size budgets are checked on (scripts/check-size-budgets.mjs).
    manifest: true,
    // The strict CSP (script-src 'self') forbids inline scripts, including Vite's module preload polyfill.
    modulePreload: { polyfill: false },
    // Fonts and icons must be files served from 'self'; inlined data: fonts would break font-src 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    // The live assembly's socket.io connection goes to the API as well (WebSocket upgrade included).
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
