// Task descriptions as Markdown: CommonMark plus GitHub's tables, task lists, strikethrough and
// autolinks. react-markdown builds React elements and skips raw HTML, so a description can never
// inject markup; its URL filter drops `javascript:` and other unsafe links, which render as text.
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

const components: Components = {
  // The description sits inside a dialog: its headings rank below the dialog's own title.
  h1: "h3",
  h2: "h4",
  h3: "h5",
  h4: "h5",
  h5: "h5",
  h6: "h5",
  a: ({ href, children }) =>
    href ? <a href={href} target="_blank" rel="noreferrer noopener">{children}</a> : <>{children}</>,
};

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>{source}</ReactMarkdown>
    </div>
  );
}
