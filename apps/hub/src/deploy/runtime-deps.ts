import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** node-gyp's intermediate files: the built addon (build/Release/*.node) is all that runs. */
const BUILD_LEFTOVERS = new Set(['obj', 'obj.target', '.deps']);

function keepFile(relative: string): boolean {
  const parts = relative.split(/[\\/]/).filter(Boolean);
  // pnpm's real package folders hold no node_modules of their own; skip any so nothing is copied twice.
  if (parts.includes('node_modules')) return false;
  if (parts[0] === 'build' && (parts.some((part) => BUILD_LEFTOVERS.has(part)) || /\.(a|o)$/.test(relative))) return false;
  return true;
}

/** Node's lookup: `<ancestor>/node_modules/<name>` from `fromDir` upwards, skipping folders that are node_modules themselves. */
export function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Copies packages and everything they depend on from the workspace (pnpm's
 * symlinked store) into a plain, flat `node_modules` next to the bundle: the
 * release then runs with `node hub.mjs` and no package manager on the center's
 * machine. Two versions of one package go nested under the package that needs the
 * odd one out. Native modules (better-sqlite3) are copied as built here, so the
 * release must be built on the same OS, CPU and Node major version as the target.
 * Returns the top-level packages' versions.
 */
export function copyRuntimeDependencies(names: readonly string[], fromDir: string, nodeModules: string): Record<string, string> {
  /** Where each copied package went → the real folder it came from. */
  const placed = new Map<string, string>();
  const topVersions: Record<string, string> = {};

  const place = (name: string, requesterSource: string, requesterTarget: string | null, optional: boolean): void => {
    const source = findPackageDir(name, requesterSource);
    if (!source) {
      if (optional) return;
      throw new Error(`runtime dependency ${name} (needed by ${requesterTarget ?? 'the hub'}) is not installed in the workspace`);
    }
    const topTarget = join(nodeModules, name);
    const topSource = placed.get(topTarget);
    let target: string;
    if (topSource === source) return;
    if (topSource === undefined) target = topTarget;
    else {
      // Another version already holds the top level: nest under the package that asked.
      if (requesterTarget === null) throw new Error(`two versions of ${name} are needed at the top level`);
      target = join(requesterTarget, 'node_modules', name);
      if (placed.get(target) === source) return;
    }
    placed.set(target, source);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target, { recursive: true, dereference: true, filter: (path) => keepFile(path.slice(source.length)) });
    const pkg = readPackage(source);
    if (requesterTarget === null) topVersions[name] = pkg.version;
    for (const dep of Object.keys(pkg.dependencies ?? {})) place(dep, source, target, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) place(dep, source, target, true);
  };

  for (const name of names) place(name, fromDir, null, false);
  verifyResolution(placed);
  return topVersions;
}

/** Every copied package must find, from where it now lies, the very version it had in the workspace. */
function verifyResolution(placed: Map<string, string>): void {
  for (const [target, source] of placed) {
    const pkg = readPackage(source);
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      const wanted = findPackageDir(dep, source);
      const found = findPackageDir(dep, target);
      if (!wanted || !found || readPackage(wanted).version !== readPackage(found).version) {
        throw new Error(`after copying, ${pkg.name} in ${target} would load ${dep} ${found ? readPackage(found).version : '(missing)'} instead of ${wanted ? readPackage(wanted).version : '?'}`);
      }
    }
  }
}
