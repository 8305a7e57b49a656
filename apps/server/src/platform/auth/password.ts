// Password hashing with scrypt (RFC 7914) from node:crypto, and the strength rule for new passwords.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { DomainError } from '../errors/domain-error.ts';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

// N = 2^15, r = 8, p = 1: OWASP's scrypt floor; about 50 ms and 32 MiB per hash.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash of a random password, to spend the same time when the account does not exist. */
export const DUMMY_HASH_PROMISE = hashPassword(crypto.randomBytes(16).toString('hex'));

/** At least 10 characters, with letters and digits, and not one of the passwords everybody tries. */
export function assertStrongPassword(password: string, field = 'password'): void {
  const weak =
    password.length < 10 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password) || COMMON.has(password.toLowerCase());
  if (weak) {
    throw new DomainError('weak_password', field, {
      zh: '密码强度不足：至少 10 位，须同时包含字母和数字，且不能是常见密码',
      en: 'Password too weak: at least 10 characters, with both letters and digits, and not a common password',
    });
  }
}

const COMMON = new Set(['password123', 'password1234', 'qwerty12345', 'abc1234567', 'a123456789', '1234567890a', 'admin12345', 'iloveyou123']);
