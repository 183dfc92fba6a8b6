import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

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

/** Referenced only from oneOf: the document is told about them (createApiDocument's extraModels). */
export const principalModels = [ApiKeyPrincipalDto, OidcPrincipalDto];

/** A property holding the caller that reported something: an API key or an OIDC token's subject. */
export const PrincipalProperty = (description: string) =>
  ApiProperty({
    description,
    // Nest drops a type beside oneOf; OpenAPI 3.0 wants one beside nullable: see typeNullableUnions.
    nullable: true,
    oneOf: [{ $ref: getSchemaPath(ApiKeyPrincipalDto) }, { $ref: getSchemaPath(OidcPrincipalDto) }],
    discriminator: {
      propertyName: 'kind',
      mapping: {
        'api-key': getSchemaPath(ApiKeyPrincipalDto),
        oidc: getSchemaPath(OidcPrincipalDto),
      },
    },
  });
