// The last seq of the user's feed this tab has applied: in memory, mirrored to sessionStorage so
// a reload resumes from it (per tab, per user). Applying is idempotent (versions), so resuming a
// little early is harmless; resuming late would lose changes, so it only moves forward.
export interface SeqStore {
  read(): number | null;
  write(seq: number): void;
}

export function sessionSeqStore(userId: string): SeqStore {
  const key = `taskboard.realtime.seq.${userId}`;
  return {
    read() {
      try {
        const raw = window.sessionStorage.getItem(key);
        const value = raw === null ? NaN : Number(raw);
        return Number.isSafeInteger(value) && value >= 0 ? value : null;
      } catch {
        return null; // storage disabled: memory only
      }
    },
    write(seq) {
      try {
        window.sessionStorage.setItem(key, String(seq));
      } catch {
        // storage full or disabled: memory only
      }
    },
  };
}

export function memorySeqStore(): SeqStore {
  let value: number | null = null;
  return { read: () => value, write: (seq) => void (value = seq) };
}
