/** mark.js bundled on its own as the content script bundles it, exposed as `globalThis[global]`. */
import * as esbuild from 'esbuild';
import { ROOT } from './paths.ts';

export async function bundleMarkjs(global: string, plugins: esbuild.Plugin[]): Promise<string> {
  const out = await esbuild.build({
    stdin: {
      contents: `import Mark from 'mark.js/dist/mark.es6.js'; (globalThis as unknown as Record<string, unknown>).${global} = Mark;`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    plugins,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}
