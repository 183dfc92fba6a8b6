/** How figures are written on the page: one place, so every view writes them alike. */

export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${Math.round(ratio * 100)}%`;

/** Money in integer minor units of the ledger's currency. */
export const money = (minor: number, currency: string): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);

export const count = (n: number): string => new Intl.NumberFormat('en').format(n);

export const minutes = (value: number | null): string => {
  if (value === null) return '—';
  if (value < 90) return `${Math.round(value)} min`;
  const hours = value / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
};

/** An instant as a reader in any zone sees it, with the zone said (UTC). */
export const instant = (iso: string): string =>
  `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export const shortHash = (hash: string): string => `${hash.slice(0, 10)}…`;
export const day = (iso: string): string => iso.slice(0, 10);
