/**
 * true when A and B are assignable both ways. A response DTO (what the
 * document says) proved the same shape as its read model's type (what the
 * code returns) cannot drift from it without failing the build.
 */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Call at module level: sameShape<ReadModel, ResponseDto>(true) compiles only for the same shape. */
export const sameShape = <A, B>(proof: SameShape<A, B>): boolean => proof;
