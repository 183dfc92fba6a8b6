import { ApiProperty } from '@nestjs/swagger';
import type { SignedTreeHead } from '#audit';
import { sameShape } from '../contract/same-shape.js';
import { QueryInteger } from '../http/field-rules.js';

const HASH = {
  type: String,
  pattern: '^[0-9a-f]{64}$',
  example: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
};
const TREE_SIZE = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const MAX = Number.MAX_SAFE_INTEGER;

export class SignedTreeHeadDto {
  @ApiProperty({ ...TREE_SIZE, description: 'The tree covers the events at positions 1…treeSize' })
  treeSize!: number;
  @ApiProperty({ ...HASH, description: 'Hex RFC 9162 root over the first treeSize event hashes' })
  rootHash!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was signed' })
  timestamp!: string;
  @ApiProperty({
    type: String,
    format: 'byte',
    description: 'Base64 Ed25519 signature of the RFC 8785 canonical JSON of {treeSize, rootHash, timestamp}',
  })
  signature!: string;
  @ApiProperty({ ...HASH, description: 'Hex SHA-256 of the DER (SPKI) public key that verifies it' })
  keyId!: string;
}

sameShape<SignedTreeHead, SignedTreeHeadDto>(true);

export class PublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ ...HASH, description: 'Hex SHA-256 of the DER (SPKI) encoding; heads name it as keyId' })
  keyId!: string;
  @ApiProperty({
    type: String,
    description: 'The public key, SPKI PEM',
    example: '-----BEGIN PUBLIC KEY-----\n…',
  })
  pem!: string;
}

export class TreeHeadQuery {
  @QueryInteger({
    minimum: 0,
    maximum: MAX,
    example: 1000,
    description: 'A past size whose head was kept (default: the latest head)',
  })
  treeSize?: number;
}

export class InclusionQuery {
  @QueryInteger({
    optional: false,
    minimum: 1,
    maximum: MAX,
    example: 3,
    description: 'The event’s global position',
  })
  position!: number;
  @QueryInteger({
    minimum: 1,
    maximum: MAX,
    example: 1000,
    description: 'The tree to prove it in (default: the latest signed head’s)',
  })
  treeSize?: number;
}

export class ConsistencyQuery {
  @QueryInteger({
    optional: false,
    minimum: 1,
    maximum: MAX,
    example: 1000,
    description: 'The size of the older tree (an auditor’s saved head)',
  })
  from!: number;
  @QueryInteger({
    minimum: 1,
    maximum: MAX,
    example: 2000,
    description: 'The size of the newer tree (default: the latest signed head’s)',
  })
  to?: number;
}

export class InclusionProofDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX }) position!: number;
  @ApiProperty(TREE_SIZE) treeSize!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX,
    description: 'position − 1, the leaf’s index in RFC 9162',
  })
  leafIndex!: number;
  @ApiProperty({ ...HASH, description: 'The event’s chain hash (the leaf’s data)' }) eventHash!: string;
  @ApiProperty({ ...HASH, description: 'SHA-256(0x00 ‖ event hash bytes)' }) leafHash!: string;
  @ApiProperty({ ...HASH, description: 'The root of the tree of treeSize' }) rootHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 audit path, hex, leaf to root' })
  auditPath!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty(TREE_SIZE) from!: number;
  @ApiProperty(TREE_SIZE) to!: number;
  @ApiProperty(HASH) fromRoot!: string;
  @ApiProperty(HASH) toRoot!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency proof, hex' })
  proof!: string[];
}
