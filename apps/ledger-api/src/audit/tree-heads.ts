import type { SignedTreeHead } from '#audit';
import type { SqlQueryable } from '#event-store';

interface HeadRow {
  tree_size: string;
  root_hash: string;
  signed_at: string;
  signature: string;
  key_id: string;
}

const COLUMNS = 'tree_size, root_hash, signed_at, signature, key_id';

const toHead = (row: HeadRow): SignedTreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash,
  timestamp: row.signed_at,
  signature: row.signature,
  keyId: row.key_id,
});

/** The signed tree heads, one per tree size, kept forever. */
export class TreeHeads {
  constructor(private readonly db: SqlQueryable) {}

  /** Keeps a head; a replica that signed this size first wins, and its head stays. */
  async keep(head: SignedTreeHead): Promise<void> {
    await this.db.query(
      `INSERT INTO ledger_tree_heads (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tree_size) DO NOTHING`,
      [head.treeSize, head.rootHash, head.timestamp, head.signature, head.keyId],
    );
  }

  async latest(): Promise<SignedTreeHead | null> {
    const [row] = await this.db.query<HeadRow>(
      `SELECT ${COLUMNS} FROM ledger_tree_heads ORDER BY tree_size DESC LIMIT 1`,
    );
    return row ? toHead(row) : null;
  }

  async atSize(treeSize: number): Promise<SignedTreeHead | null> {
    const [row] = await this.db.query<HeadRow>(
      `SELECT ${COLUMNS} FROM ledger_tree_heads WHERE tree_size = $1`,
      [treeSize],
    );
    return row ? toHead(row) : null;
  }

  /** The kept sizes nearest below and above one that was not kept, for the 404's detail. */
  async neighbours(treeSize: number): Promise<{ below: number | null; above: number | null }> {
    const [row] = await this.db.query<{ below: string | null; above: string | null }>(
      `SELECT (SELECT max(tree_size) FROM ledger_tree_heads WHERE tree_size < $1) AS below,
              (SELECT min(tree_size) FROM ledger_tree_heads WHERE tree_size > $1) AS above`,
      [treeSize],
    );
    return {
      below: row.below === null ? null : Number(row.below),
      above: row.above === null ? null : Number(row.above),
    };
  }
}
