import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * Compared against when the email is unknown, so a wrong email costs as long as a
 * wrong password and response times do not reveal which accounts exist.
 */
export const TIMING_DECOY_HASH = "$2b$12$cyVcGVU7osvK1Gd5GV40suqMtumVxo9U/j7d6g75nytnaJVUdW2Im";
