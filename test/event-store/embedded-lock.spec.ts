import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryLockedError, openEmbeddedDatabase } from '#event-store';

describe('embedded data directory lock', () => {
  it('refuses a second opener of the same directory until the first closes', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ledger-lock-')), 'data');
    const first = await openEmbeddedDatabase(dir);
    await expect(openEmbeddedDatabase(dir)).rejects.toBeInstanceOf(DataDirectoryLockedError);
    await expect(openEmbeddedDatabase(dir)).rejects.toThrow(/in use by another Alignment Ledger process/);
    await first.close();
    const second = await openEmbeddedDatabase(dir);
    expect(await readdir(dir)).toContain('PG_VERSION');
    await second.close();
  });
});
