import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { RegisterKinds, oneOfKinds } from './one-of-kinds.js';

class ApiKeyPrincipalDto {
  @ApiProperty({ enum: ['api-key'] }) kind!: 'api-key';
  @ApiProperty({ example: '6697bbe8a9eb9515', description: 'The key id (public)' }) id!: string;
  @ApiProperty({ example: 'hubspot-sync' }) name!: string;
}

class OidcPrincipalDto {
  @ApiProperty({ enum: ['oidc'] }) kind!: 'oidc';
  @ApiProperty({ example: 'https://login.example.com/realms/sales', description: 'The token’s iss' })
  issuer!: string;
  @ApiProperty({ example: 'ana@example.com', description: 'The token’s sub' }) subject!: string;
}

const principals = { 'api-key': ApiKeyPrincipalDto, oidc: OidcPrincipalDto };

/** A property holding the caller that reported something: an API key or an OIDC token's subject. */
export const PrincipalProperty = (description: string) =>
  applyDecorators(
    // Nest drops a type beside oneOf; OpenAPI 3.0 wants one beside nullable: see typeNullableUnions.
    ApiProperty({ description, nullable: true, ...oneOfKinds(principals) }),
    RegisterKinds(principals),
  );
