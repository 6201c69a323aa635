/** Password hashing with argon2id (OWASP: m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/errors';

const OPTS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTS as any);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** At least 10 characters with a letter and a digit. */
export function assertStrongPassword(pw: string): void {
  if (pw.length < 10 || pw.length > 200 || !/[A-Za-z]/.test(pw) || !/\d/.test(pw)) throw new AppError('WEAK_PASSWORD');
}
