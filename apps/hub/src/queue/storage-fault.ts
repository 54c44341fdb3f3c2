/**
 * The storage under a write refused it: its write lock was held too long, the disk is
 * full, or the disk failed. A port type, like the store's: the store recognises its own
 * faults (store/database-busy.ts `storageFaultOf`), the wiring hands that function to
 * the transports (http/, realtime/), which answer BUSY or STORAGE_FULL without knowing
 * any database.
 */
export type StorageFault = 'busy' | 'full' | 'io-error';

/** Recognises a thrown value as a storage fault. */
export type StorageFaultOf = (error: unknown) => StorageFault | null;
