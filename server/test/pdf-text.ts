/**
 * A small, honest text extraction for the PDFs pdfkit writes (tests only; no PDF library is
 * installed): inflate every stream, read the fonts' ToUnicode CMaps (bfchar/bfrange), then decode
 * the hex strings of the content streams' Tj/TJ operators through them. Each BT…ET block becomes
 * one line. Works for documents that use embedded (CID) fonts only, as ours do.
 */
import zlib from 'node:zlib';

function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      out.push(zlib.inflateSync(raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function cmapOf(text: string, map: Map<number, string>) {
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        // pdfkit writes a ligature's code points with a space inside: <0066 0069>
        const dests = [...m[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => x[1].replace(/\s+/g, ''));
        dests.forEach((d, i) => map.set(lo + i, utf16(d)));
      } else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
}

export function pdfText(pdf: Uint8Array): string {
  const all = streams(Buffer.from(pdf));
  const map = new Map<number, string>();
  for (const s of all) if (s.includes('begincmap')) cmapOf(s, map);
  const lines: string[] = [];
  for (const s of all) {
    if (s.includes('begincmap')) continue;
    for (const bt of s.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const op of bt[1].matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>)\s*T[Jj]/g)) {
        for (const h of op[1].matchAll(/<([0-9a-fA-F]*)>/g)) for (let i = 0; i + 4 <= h[1].length; i += 4) line += map.get(parseInt(h[1].slice(i, i + 4), 16)) ?? '\uFFFD';
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}

/**
 * Chinese left in a text meant to be English (issue 9 item 3): runs of CJK characters and of
 * full-width punctuation (，：（） …), after removing the proper names given (customers' names,
 * which stay as registered).
 */
export function chineseIn(text: string, properNames: string[] = []): string[] {
  let s = text;
  for (const n of [...properNames].sort((a, b) => b.length - a.length)) if (n) s = s.split(n).join(' ');
  return s.match(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+/g) ?? [];
}

/** The file name of a Content-Disposition header (filename*=UTF-8''…). */
export function downloadName(header: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : '';
}
