import { Writable } from 'node:stream';

/** A stream an example writes to, and what it wrote, as a user would read it in the terminal. */
export function captureOutput(): { readonly stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}
