export interface HeldLock {
  key: string;
  holderName: string;
  since: string;
  expiresAt: string;
  token: number;
}
