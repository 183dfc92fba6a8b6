import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as the client holds it: `lk_<id>_<secret>`. The id is public (it
 * names the key in lists and logs); the secret is 32 random bytes, shown once.
 */
export interface ApiKeyToken {
  id: string;
  secret: string;
}

/** The public id part of a key: named in lists, logs and RevokeApiKey's path. */
const ID = '[a-z0-9]{16}';
export const KEY_ID = new RegExp(`^${ID}$`);
const TOKEN = new RegExp(`^lk_(${ID})_([A-Za-z0-9_-]{43})$`);

export const newApiKeyToken = (): ApiKeyToken => ({
  id: randomBytes(10).toString('hex').slice(0, 16),
  secret: randomBytes(32).toString('base64url'),
});

export const formatApiKey = ({ id, secret }: ApiKeyToken): string => `lk_${id}_${secret}`;

/** The id and secret of a well-formed key, or null. */
export const parseApiKey = (text: string): ApiKeyToken | null => {
  const match = TOKEN.exec(text);
  return match ? { id: match[1], secret: match[2] } : null;
};

/**
 * Only this hash is stored. A secret of 256 random bits needs no slow hash: no
 * guess list can reach it, so SHA-256 keeps verification cheap on every request.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Constant-time: how long a wrong secret takes to refuse says nothing about it. */
export const secretMatches = (secret: string, storedHash: string): boolean => {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
};
