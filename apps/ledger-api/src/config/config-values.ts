/** Reading one environment variable, with the rule it must meet in the error. */

export class ConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`${variable}: ${rule}`);
    this.name = 'ConfigError';
  }
}

export const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2 };

/** "262144", "256kb", "256 KiB", "1mb" → bytes. */
export const parseByteSize = (name: string, raw: string): number => {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || !unit || Number(match[1]) === 0) {
    throw new ConfigError(name, `must be a size such as 262144, 256kb or 1mb, got "${raw}"`);
  }
  return Number(match[1]) * unit;
};
