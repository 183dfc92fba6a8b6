import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, ValidateNested } from 'class-validator';
import { type Kinds, RegisterKinds, oneOfKinds } from '../contract/one-of-kinds.js';

/** The `kind` of one member of a union: that one value. */
export const KindOf = (kind: string) =>
  applyDecorators(ApiProperty({ enum: [kind], example: kind }), IsIn([kind]));

/** What an object of none of the kinds is validated as: only its kind, which is refused. */
const unknownKind = (kinds: string[]) => {
  class UnknownKind {
    @IsIn(kinds, { message: `kind must be one of: ${kinds.join(', ')}` })
    kind!: string;
  }
  return UnknownKind;
};

/**
 * A required object of one of several kinds, told apart by its `kind`. In the
 * document: oneOf one schema per kind, with a discriminator. Validated exactly
 * as the class of its kind (class-transformer picks it by `kind`), so a field
 * of another kind is an unknown field.
 */
export const OneOfKind = (kinds: Kinds, description: string) => {
  const entries = Object.entries(kinds);
  const fallback = unknownKind(Object.keys(kinds));
  return applyDecorators(
    ApiProperty({ description, ...oneOfKinds(kinds) }),
    RegisterKinds(kinds),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => fallback, {
      discriminator: { property: 'kind', subTypes: entries.map(([name, value]) => ({ name, value })) },
      keepDiscriminatorProperty: true,
    }),
  );
};
