/**
 * Watching what a build reads: the input folder, the templates, the public assets (whole
 * folders, with node's recursive fs.watch) and single files such as the configuration file.
 * A single file is watched through its folder, filtered by name, because editors save by
 * writing a new file and renaming it over the old one, which ends a watch on the file itself;
 * and so a configuration file created later is noticed too.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchTarget {
  /** A folder (watched with everything below it) or a file. */
  path: string;
  kind: 'folder' | 'file';
  /** For a folder: which changed paths (relative to it) count; default all. */
  accept?: (relative: string) => boolean;
}

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` with the absolute path of every changed file below the folders, and of the
 * files. Editor droppings (`.swp`, `~`, `.#…`, vim's `4913`) are ignored. A target that does not
 * exist is skipped (`onProblem` is told why).
 */
export function watchTargets(targets: WatchTarget[], onChange: (file: string) => void, onProblem?: (message: string) => void): Watcher {
  const watchers: FSWatcher[] = [];
  for (const target of targets) {
    const folder = target.kind === 'folder' ? target.path : path.dirname(target.path);
    const only = target.kind === 'file' ? path.basename(target.path) : null;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { recursive: target.kind === 'folder' }, (_event, name) => {
        const relative = name === null ? '' : String(name);
        if (only !== null && relative !== only) return;
        if (isEditorTemporary(path.basename(relative))) return;
        if (target.accept && relative !== '' && !target.accept(relative)) return;
        onChange(path.join(folder, relative));
      });
    } catch (error) {
      onProblem?.(`cannot watch ${target.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    // A watched folder that is deleted, say: report it, keep serving.
    watcher.on('error', (error) => onProblem?.(`stopped watching ${target.path}: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    watchers.push(watcher);
  }
  return {
    close() {
      for (const w of watchers) w.close();
    },
  };
}

/** Files editors write beside the one being saved. */
function isEditorTemporary(name: string): boolean {
  return name.endsWith('.swp') || name.endsWith('.swx') || name.endsWith('~') || name.startsWith('.#') || name === '4913';
}
