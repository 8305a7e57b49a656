// Every table is one of three kinds. Tenant tables (the default) lead their primary key with region_code,
// the Citus distribution column. The other two kinds are listed here, each with its reason; a test
// compares this list with the live catalogue, so a new table that forgets region_code fails CI.

/** Replicated to every node under Citus: small dictionaries every tenant reads. */
export const REFERENCE_TABLES: Record<string, string> = {
  regions: 'GB/T 2260 division dictionary, read by every tenant',
  indicators: 'indicator definitions shared by every region',
};

/** Kept on the coordinator under Citus: cross-tenant by nature, and small. */
export const PLATFORM_TABLES: Record<string, string> = {
  users: 'a login is unique platform-wide; experts and banks serve several cities',
  sessions: 'looked up by token before the tenant is known',
};
