// Progress for long CLI work: a bar redrawn in place on a terminal, plain lines otherwise (CI logs).
export type Progress = { step(label: string, done?: number, total?: number): void; done(message?: string): void };

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let last = '';
  return {
    step(label, done, total) {
      const bar = total ? ` ${renderBar(done ?? 0, total)} ${done}/${total}` : '';
      const line = `${label}${bar}`;
      if (tty) stream.write(`\r\x1b[2K${line}`);
      else if (line !== last && (!total || done === total || done === 1)) stream.write(`${line}\n`);
      last = line;
    },
    done(message) {
      if (tty && last) stream.write('\r\x1b[2K');
      if (message) stream.write(`${message}\n`);
      last = '';
    },
  };
}

function renderBar(done: number, total: number, width = 24): string {
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
