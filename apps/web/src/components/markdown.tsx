// A small, safe Markdown renderer for task descriptions: headings, lists, quotes, code, emphasis
// and links, built as React elements (no HTML injection, so no sanitiser needed).
import { Fragment, type ReactNode } from "react";

export function Markdown({ source }: { source: string }) {
  const blocks: ReactNode[] = [];
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.startsWith("```")) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").startsWith("```")) code.push(lines[i++] ?? "");
      i++;
      blocks.push(<pre key={blocks.length}><code>{code.join("\n")}</code></pre>);
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const Tag = (`h${level + 2}`) as "h3" | "h4" | "h5";
      blocks.push(<Tag key={blocks.length}>{inline(heading[2] ?? "")}</Tag>);
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i] ?? "")) {
        const text = (lines[i] ?? "").replace(/^\s*([-*]|\d+\.)\s+/, "");
        const task = /^\[( |x)\]\s+(.*)$/i.exec(text);
        items.push(
          <li key={items.length}>
            {task ? <><input type="checkbox" checked={task[1] !== " "} readOnly disabled aria-label="checklist item" /> {inline(task[2] ?? "")}</> : inline(text)}
          </li>,
        );
        i++;
      }
      blocks.push(ordered ? <ol key={blocks.length}>{items}</ol> : <ul key={blocks.length}>{items}</ul>);
      continue;
    }
    if (line.startsWith(">")) {
      const quote: string[] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith(">")) quote.push((lines[i++] ?? "").replace(/^>\s?/, ""));
      blocks.push(<blockquote key={blocks.length}>{inline(quote.join(" "))}</blockquote>);
      continue;
    }
    if (line.trim() === "") {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "" && !/^(#{1,3}\s|```|>|\s*([-*]|\d+\.)\s)/.test(lines[i] ?? "")) {
      para.push(lines[i++] ?? "");
    }
    blocks.push(<p key={blocks.length}>{inline(para.join(" "))}</p>);
  }
  return <div className="markdown">{blocks}</div>;
}

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string): ReactNode {
  const parts = text.split(INLINE);
  return parts.map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**")) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if ((part.startsWith("*") && part.endsWith("*")) || (part.startsWith("_") && part.endsWith("_") && part.length > 2)) {
      return <em key={i}>{part.slice(1, -1)}</em>;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const href = link[2] ?? "";
      // Only web and mail links; "javascript:" and friends render as text.
      if (/^(https?:|mailto:)/i.test(href)) {
        return <a key={i} href={href} target="_blank" rel="noreferrer noopener">{link[1]}</a>;
      }
      return <Fragment key={i}>{part}</Fragment>;
    }
    return <Fragment key={i}>{part}</Fragment>;
  });
}
