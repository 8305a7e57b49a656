import { expect, test } from 'vitest';
import { optionalYuanToFen } from './amount.ts';

test('yuan become fen exactly; empty is negotiable; anything else is refused', () => {
  expect(optionalYuanToFen('1,200,000.5')).toEqual({ ok: true, fen: '120000050' });
  expect(optionalYuanToFen('  ')).toEqual({ ok: true, fen: null });
  expect(optionalYuanToFen('12.345')).toEqual({ ok: false });
  expect(optionalYuanToFen('-5')).toEqual({ ok: false });
});
