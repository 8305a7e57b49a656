// Every table of every module, for the typed query builder. Add a module's schema here when it has one.
export * from '../schema.ts';
export * from '../../monitoring/schema.ts';
export * from '../../market/schema.ts';
export * from '../../market/deals/schema.ts';
export * from '../../market/attachments/schema.ts';
export * from '../../market/imports/schema.ts';
export * from '../../registry/schema.ts';
export * from '../../cultivation/schema.ts';
