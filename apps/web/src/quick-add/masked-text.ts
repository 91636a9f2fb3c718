// The input as the scanners see it. A span that was understood is blanked out of `current` (same
// length, so every index still points into the original text) so later scanners, chrono above
// all, do not read it twice; a span becomes a token (highlighted, removed from the title) only
// once its meaning is settled.
import type { TQuickAddToken } from "./quick-add-result.schema.ts";

export interface Span {
  start: number;
  end: number;
}

export class MaskedText {
  readonly tokens: TQuickAddToken[] = [];
  private text: string;

  constructor(readonly original: string) {
    this.text = original;
  }

  get current(): string {
    return this.text;
  }

  /** Hide a span from later scanners without claiming it. */
  mask({ start, end }: Span): void {
    if (end <= start) return;
    this.text = this.text.slice(0, start) + " ".repeat(end - start) + this.text.slice(end);
  }

  /** Hide a span and record it as understood. */
  consume(kind: TQuickAddToken["kind"], span: Span): void {
    const text = this.original.slice(span.start, span.end);
    if (span.end <= span.start || text.trim() === "") return;
    this.mask(span);
    this.tokens.push({ kind, text, start: span.start, end: span.end });
  }

  /** The original text without the tokens, whitespace tidied. */
  remainder(): string {
    let text = "";
    let at = 0;
    for (const token of [...this.tokens].sort((a, b) => a.start - b.start)) {
      text += `${this.original.slice(at, token.start)} `;
      at = Math.max(at, token.end);
    }
    text += this.original.slice(at);
    return text.replace(/\s+/gu, " ").trim();
  }
}

/** Word boundaries that also hold next to non-ASCII letters (\b is ASCII-only). */
export const WORD_START = String.raw`(?<![\p{L}\p{N}_])`;
export const WORD_END = String.raw`(?![\p{L}\p{N}_])`;
