import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SignedTreeHead, keyIdOf } from '#audit';
import type { EventStore, SqlDatabase } from '#event-store';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { DATABASE, EVENT_STORE } from '../event-store/event-store.module.js';
import { ProblemException, problem } from '../http/problem.js';
import {
  ConsistencyProofDto,
  ConsistencyQuery,
  InclusionProofDto,
  InclusionQuery,
  PublicKeyDto,
  SignedTreeHeadDto,
  TreeHeadQuery,
} from './audit.dto.js';
import { TreeHeadSigner } from './tree-head-signer.js';
import { proveConsistency, proveInclusion } from './tree-proofs.js';

const NOT_REACHED =
  'The tree has not reached this size (treeSize says how far it has), or the log holds no event there';

/** Signed tree heads and O(log n) proofs over the RFC 9162 Merkle tree of the log. */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly signer: TreeHeadSigner,
    @Inject(DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('tree-head')
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'GetTreeHead',
    summary:
      'The latest signed tree head, or the one kept for a past size: save it, and prove later that the log only grew',
  })
  @ApiOkResponse({ type: SignedTreeHeadDto })
  @ApiProblems({ 400: 'treeSize is not a size', 404: 'No head was signed at this size, or none yet' })
  async treeHead(@Query() query: TreeHeadQuery): Promise<SignedTreeHead> {
    const { heads } = this.signer;
    const head = query.treeSize === undefined ? await heads.latest() : await heads.atSize(query.treeSize);
    if (head) return head;
    const near = query.treeSize === undefined ? null : await heads.neighbours(query.treeSize);
    throw new ProblemException(
      problem(404, 'tree-head-not-kept', 'No tree head was signed at this size', {
        detail: near
          ? `no head at size ${query.treeSize}; the nearest kept are ${near.below ?? 'none'} below and ${near.above ?? 'none'} above`
          : 'no head has been signed yet: the first is signed within a second of the start',
      }),
    );
  }

  @Get('public-key')
  @Access({ public: true })
  @ApiOperation({
    operationId: 'GetPublicKey',
    summary: 'The Ed25519 public key that verifies this service’s tree heads',
  })
  @ApiOkResponse({ type: PublicKeyDto })
  publicKey(): PublicKeyDto {
    const key = this.signer.publicKey;
    return {
      algorithm: 'Ed25519',
      keyId: keyIdOf(key),
      pem: key.export({ type: 'spki', format: 'pem' }) as string,
    };
  }

  @Get('proofs/inclusion')
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'ProveInclusion',
    summary: 'The audit path of one event in the tree of a size (RFC 9162 §2.1.3): O(log n) hashes',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiProblems({ 400: 'position or treeSize is not valid, or position > treeSize', 404: NOT_REACHED })
  inclusion(@Query() query: InclusionQuery): Promise<InclusionProofDto> {
    return proveInclusion(this.db, this.store, this.signer.heads, query);
  }

  @Get('proofs/consistency')
  @Access({ scope: 'audit' })
  @ApiOperation({
    operationId: 'ProveConsistency',
    summary: 'The proof that the tree of size from is a prefix of the tree of size to (RFC 9162 §2.1.4)',
  })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiProblems({ 400: 'from or to is not valid, or from > to', 404: NOT_REACHED })
  consistency(@Query() query: ConsistencyQuery): Promise<ConsistencyProofDto> {
    return proveConsistency(this.db, this.signer.heads, query);
  }
}
