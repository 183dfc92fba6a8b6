import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser suites find Chromium: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const canInstall = (): string[] | null => {
  if (!existsSync('/usr/bin/apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return ['sudo', '-n'];
  } catch {
    return null;
  }
};

/**
 * Chromium for the browser suites, as `.ci/run` provides it: where it is
 * missing and Debian's apt can install it (root, or sudo without a password),
 * it is installed once, so that `npm test` still needs nothing but Node on a
 * Debian machine. Elsewhere the suite fails saying what to install.
 */
export const ensureChromium = (): string => {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const prefix = canInstall();
  if (prefix === null || process.env.CHROMIUM_PATH) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`);
  }
  console.log("Chromium is missing: installing Debian's chromium package (once)");
  const [command, ...before] = [...prefix, 'apt-get'];
  const apt = (...args: string[]) =>
    execFileSync(command, [...before, ...args], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
    });
  apt('update', '-qq');
  apt('install', '-y', '-qq', 'chromium');
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but not at ${CHROMIUM}`);
  return CHROMIUM;
};
