// The store's public surface: one import for the engine and pipeline.
export * from './db';
export * from './icps';
export * from './campaigns';
export * from './companies';
export * from './contacts';
export * from './candidates';
export * from './leads';
export * from './cache';
export * from './ledger';
export * from './events';
export * from './funnel';
