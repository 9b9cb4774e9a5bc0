/** At most `size` tasks at once; the rest wait in order. */
export function createLimiter(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Compiles `app-*`-style patterns (only * is special). */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*")}$`,
  );
}

export function repoFilter(include: string[], exclude: string[]): (repo: string) => boolean {
  const inc = include.map(globToRegExp);
  const exc = exclude.map(globToRegExp);
  return (repo) => (inc.length === 0 || inc.some((r) => r.test(repo))) && !exc.some((r) => r.test(repo));
}
