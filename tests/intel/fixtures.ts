import fs from 'node:fs';
import path from 'node:path';

export interface ReferenceItem {
  text: string;
  head: number[];
  embedding: Float32Array;
}

/** fp32 embeddings of the genuine all-MiniLM-L6-v2 weights (scripts/provision-model.reference.py). */
export function fp32Reference(): ReferenceItem[] {
  const file = path.join(import.meta.dirname, 'fixtures', 'minilm-fp32-reference.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    items: { text: string; head: number[]; embedding: string }[];
  };
  return raw.items.map((it) => {
    const bytes = Buffer.from(it.embedding, 'base64');
    const embedding = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return { text: it.text, head: it.head, embedding };
  });
}
