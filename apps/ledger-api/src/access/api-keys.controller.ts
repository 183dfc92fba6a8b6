import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiParam, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type ApiKey, KEY_ID } from '#access';
import { badRequest } from '../http/problem.js';
import { ApiProblems } from '../contract/api-problems.decorator.js';
import { Access } from './access.decorator.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto.js';
import { KeyVerifier } from './key-verifier.js';
import { callerName } from './request-principal.js';

@ApiTags('api keys')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly verifier: KeyVerifier) {}

  @Post()
  @Access({ scope: 'admin' })
  @ApiOperation({ operationId: 'CreateApiKey', summary: 'Create a key; its secret is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() body: CreateApiKeyDto, @Req() request: Request): Promise<CreatedApiKeyDto> {
    if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= Date.now()) {
      throw badRequest('expiresAt', 'future', 'expiresAt must be in the future');
    }
    return this.verifier.keys.create({
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expiresAt ?? null,
      createdBy: callerName(request),
    });
  }

  @Get()
  @Access({ scope: 'admin' })
  @ApiOperation({ operationId: 'ListApiKeys', summary: 'Every key, revoked ones included, never a secret' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKey[]> {
    return this.verifier.keys.list();
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Access({ scope: 'admin' })
  @ApiOperation({
    operationId: 'RevokeApiKey',
    summary: 'Revoke a key: refused here at once, by every replica within LEDGER_KEY_CACHE_MS',
  })
  @ApiParam({
    name: 'keyId',
    schema: { type: 'string', pattern: KEY_ID.source },
    example: '6697bbe8a9eb9515',
  })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblems({ 404: 'No such key (an id of another form is none either)' })
  async revoke(@Param('keyId') keyId: string): Promise<ApiKey> {
    const key = KEY_ID.test(keyId) ? await this.verifier.keys.revoke(keyId) : null;
    if (!key) throw new NotFoundException(`there is no key ${keyId}`);
    this.verifier.forget(keyId);
    return key;
  }
}
