// What a task description shows in the editor's preview: the Markdown people write in it, and
// nothing a hostile description could smuggle in.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe("Markdown descriptions", () => {
  it("renders emphasis, code, quotes, lists and headings below the dialog title", () => {
    const html = render(
      ["# Plan", "", "**bold**, *em* and `npm test`", "", "> quoted", "", "- one", "- two", "", "1. first", "2. second", "", "```", "<b>as text</b>", "```"].join("\n"),
    );
    expect(html).toContain("<h3>Plan</h3>");
    expect(html).toContain("<strong>bold</strong>, <em>em</em> and <code>npm test</code>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(html).toContain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>first</li>\n<li>second</li>\n</ol>");
    expect(html).toContain("<pre><code>&lt;b&gt;as text&lt;/b&gt;\n</code></pre>");
  });

  it("opens web and mail links in a new tab without access to the board, and drops script links", () => {
    const html = render("[docs](https://example.com/a) [mail](mailto:a@example.com) [evil](javascript:alert(1)) https://example.org");
    expect(html).toContain('<a href="https://example.com/a" target="_blank" rel="noreferrer noopener">docs</a>');
    expect(html).toContain('<a href="mailto:a@example.com" target="_blank" rel="noreferrer noopener">mail</a>');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noreferrer noopener">https://example.org</a>');
    expect(html).toContain(" evil ");
    expect(html).not.toContain("javascript:");
  });

  it("renders GitHub task lists as read-only checkboxes, and tables", () => {
    const html = render(["- [x] done", "- [ ] to do", "", "| a | b |", "| - | - |", "| 1 | 2 |"].join("\n"));
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled="" checked=""\/> done<\/li>/);
    expect(html).toMatch(/<li class="task-list-item"><input type="checkbox" disabled=""\/> to do<\/li>/);
    expect(html).toContain("<th>a</th>");
    expect(html).toContain("<td>2</td>");
  });

  it("shows raw HTML in a description as text, never as markup", () => {
    const html = render('Hi <script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n<a href="https://x.test" onclick="alert(3)">x</a>');
    expect(html).not.toMatch(/<script|<img|<a |onerror="|onclick="/i);
    expect(html).toContain("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});
