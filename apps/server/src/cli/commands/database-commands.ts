// `kechuang db migrate`, `kechuang demo load`, `kechuang user create-admin`, `kechuang audit verify`.
import type { Command } from 'commander';
import { createUser } from '../../identity/create-user.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import { progress } from '../progress.ts';
import { withDatabase } from '../with-database.ts';

export function registerDatabaseCommands(program: Command): void {
  program.command('db').description('数据库 / database').command('migrate')
    .description('执行迁移并同步参考数据 / apply migrations and refresh reference data')
    .action(async () => {
      await withDatabase(async (database) => process.stdout.write(`migrated (${database.kind} PostgreSQL ${database.serverVersion})\n`));
    });

  program.command('demo').description('演示数据 / demo data').command('load')
    .description('载入演示城市洛阳市（幂等）/ load the demo city Luoyang (idempotent)')
    .action(async () => {
      const bar = progress();
      const result = await withDatabase((database) => loadDemo(database.db, (step, done, total) => bar.step(`demo: ${step}`, done, total)));
      bar.done(result.loaded ? 'demo city 洛阳市 (410300) loaded' : 'demo city already present: nothing to do');
    });

  program.command('user').description('账号 / accounts').command('create-admin')
    .description('创建科技局管理员账号 / create a bureau administrator')
    .requiredOption('--region <code>', 'GB/T 2260 region code of the bureau, e.g. 410300')
    .requiredOption('--name <name>', 'display name')
    .option('--email <email>', 'login e-mail')
    .option('--phone <phone>', 'login phone')
    .option('--password-env <var>', 'read the password from this environment variable', 'KECHUANG_ADMIN_PASSWORD')
    .action(async (opts: { region: string; name: string; email?: string; phone?: string; passwordEnv: string }) => {
      const password = process.env[opts.passwordEnv];
      if (!password) throw new Error(`set the password in environment variable ${opts.passwordEnv} / 请在环境变量 ${opts.passwordEnv} 中提供密码`);
      const user = await withDatabase((database) => createUser(database.db, SYSTEM_ACTOR, {
        regionCode: opts.region, displayName: opts.name, email: opts.email, phone: opts.phone, role: 'bureau_admin', password,
      }));
      process.stdout.write(`${JSON.stringify(user)}\n`);
    });

  program.command('audit').description('审计日志 / audit log').command('verify')
    .description('校验审计日志哈希链 / verify the audit log hash chains')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const bar = progress();
      const result = await withDatabase((database) => verifyAuditChain(database.pool, (n) => bar.step('audit rows checked', n)));
      bar.done();
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (!result.firstBroken) process.stdout.write(`OK: ${result.rowsChecked} rows in ${result.regions} region chain(s), no broken link\n`);
      else {
        const b = result.firstBroken;
        process.stdout.write(`BROKEN: region ${b.regionCode} seq ${b.seq}: ${b.problem} (expected ${b.expected}, found ${b.actual}); ${result.rowsChecked} rows verified before it\n`);
      }
      if (result.firstBroken) process.exitCode = 2;
    });
}
