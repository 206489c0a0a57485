import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** examples/, where the tslab binary is installed and the notebooks live. */
const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSLAB_BIN = join(EXAMPLES_DIR, 'node_modules', '.bin', 'tslab');
const SETUP_HINT =
  'see examples/notebooks/README.md for the setup (apt-get install -y jupyter-nbconvert python3-ipykernel)';

/** The text a notebook cell showed: its streams, plain-text results and HTML/Markdown displays. */
export interface CellOutput {
  readonly source: string;
  readonly text: string;
}

/** A Jupyter with the tslab kernel registered in a private folder, ready to execute notebooks. */
export interface NotebookRunner {
  /** Executes a notebook headlessly; a cell that fails fails the run with the cell's error. */
  execute(notebook: string): Promise<CellOutput[]>;
  dispose(): void;
}

interface Completed {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string) {
  return new Promise<Completed>((done) => {
    execFile(
      command,
      args,
      { env, cwd, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({
          code,
          stdout: String(stdout),
          stderr: error && code === null ? `${error.message}\n${stderr}` : String(stderr),
        });
      },
    );
  });
}

/**
 * The Python interpreter that runs `jupyter`, read from its `#!` line: the
 * tslab installer must import jupyter_client from the same Python, which is
 * not necessarily the first `python3` on the PATH (pyenv, venvs).
 */
function jupyterPython(jupyter: string, env: NodeJS.ProcessEnv): string {
  const candidates = jupyter.includes('/')
    ? [jupyter]
    : (env.PATH ?? '').split(delimiter).map((dir) => join(dir, jupyter));
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(`the notebook tests need Jupyter, but "${jupyter}" is not on the PATH; ${SETUP_HINT}`);
  }
  const firstLine = readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';
  const interpreter = firstLine.startsWith('#!') ? firstLine.slice(2).trim().split(/\s+/) : [];
  // `#!/usr/bin/env python3` names the command in its second word.
  const python = interpreter[0]?.endsWith('/env') ? interpreter[1] : interpreter[0];
  return python ?? 'python3';
}

/**
 * Checks Jupyter and nbconvert are installed and registers the tslab kernel
 * (`tslab install`) in a temporary prefix, so nothing outside the repository
 * and the temporary folder is touched. Missing pieces fail with what to
 * install, never a skip: a notebook that cannot run has rotted.
 */
export async function createNotebookRunner(): Promise<NotebookRunner> {
  const jupyter = process.env.SKYGRAPH_JUPYTER ?? 'jupyter';
  const home = mkdtempSync(join(tmpdir(), 'skygraph-jupyter-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_PATH: join(home, 'share', 'jupyter'),
    JUPYTER_DATA_DIR: join(home, 'data'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
    JUPYTER_CONFIG_DIR: join(home, 'config'),
    IPYTHONDIR: join(home, 'ipython'),
    // Vitest's own settings must not leak into the kernel's Node.
    NODE_OPTIONS: '',
  };
  try {
    const python = process.env.SKYGRAPH_JUPYTER_PYTHON ?? jupyterPython(jupyter, env);
    const version = await run(jupyter, ['nbconvert', '--version'], env);
    if (version.code !== 0) {
      throw new Error(`"${jupyter} nbconvert" does not run (${version.stderr.trim()}); ${SETUP_HINT}`);
    }
    const install = await run(
      TSLAB_BIN,
      ['install', `--python=${python}`, `--prefix=${home}`, `--binary=${TSLAB_BIN}`],
      env,
    );
    if (install.code !== 0) {
      throw new Error(
        `could not register the tslab kernel with ${python} (${(install.stderr || install.stdout).trim()}); ${SETUP_HINT}`,
      );
    }
    if (!existsSync(join(home, 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json'))) {
      throw new Error(`"tslab install" did not register the tslab kernel under ${home}; ${SETUP_HINT}`);
    }
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  return {
    async execute(notebook) {
      const outDir = mkdtempSync(join(home, 'out-'));
      const name = basename(notebook);
      const result = await run(
        jupyter,
        [
          'nbconvert',
          '--to',
          'notebook',
          '--execute',
          '--ExecutePreprocessor.kernel_name=tslab',
          '--ExecutePreprocessor.timeout=300',
          '--output-dir',
          outDir,
          '--output',
          name,
          notebook,
        ],
        env,
        dirname(notebook),
      );
      if (result.code !== 0) {
        throw new Error(`executing ${name} failed:\n${lastLines(result.stderr, 60)}`);
      }
      return cellOutputs(JSON.parse(readFileSync(join(outDir, name), 'utf8')));
    },
    dispose() {
      rmSync(home, { recursive: true, force: true });
    },
  };
}

interface NotebookJson {
  cells: { cell_type: string; source: string | string[]; outputs?: OutputJson[] }[];
}

interface OutputJson {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
}

const joined = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join('') : (value ?? '');

function cellOutputs(notebook: NotebookJson): CellOutput[] {
  return notebook.cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => ({
      source: joined(cell.source),
      text: (cell.outputs ?? [])
        .map((output) =>
          output.output_type === 'stream'
            ? joined(output.text)
            : [
                joined(output.data?.['text/plain']),
                joined(output.data?.['text/markdown']),
                joined(output.data?.['text/html']),
              ].join('\n'),
        )
        .join('\n'),
    }));
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
