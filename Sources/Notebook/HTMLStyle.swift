/// The exported page's style sheet: a readable column of prose, code cells as cards with their
/// output attached below, light and dark colour schemes, and print-friendly charts.
let notebookPageStyle = """
  :root {
    --paper: #fdfcf9; --ink: #1f2328; --muted: #6a737d; --rule: #e4e1d8;
    --code-bg: #f5f3ee; --output-bg: #ffffff; --accent: #3b6ea8; --error: #b42318;
    --error-bg: #fdf0ef; --marker-bg: #eef3f9;
    --k: #8a3ffc; --s: #0a7f5a; --n: #b35900; --c: #8b949e; --l: #3b6ea8; --f: #1f2328;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --paper: #16181c; --ink: #e6e6e6; --muted: #9aa0a6; --rule: #2c3036;
      --code-bg: #1f2228; --output-bg: #1b1d22; --accent: #7fb0e8; --error: #ff8a80;
      --error-bg: #2a1a1a; --marker-bg: #1f2a36;
      --k: #c7a0ff; --s: #6fd3a8; --n: #ffb86b; --c: #7d858e; --l: #7fb0e8; --f: #e6e6e6;
    }
  }
  * { box-sizing: border-box; }
  html { background: var(--paper); }
  body {
    margin: 0; color: var(--ink); background: var(--paper);
    font: 17px/1.6 "Iowan Old Style", "Charter", "Georgia", "DejaVu Serif", serif;
  }
  main { max-width: 52rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
  h1, h2, h3, h4 {
    font-family: -apple-system, "Segoe UI", "Helvetica Neue", "DejaVu Sans", sans-serif;
    line-height: 1.25; margin: 2.2rem 0 0.8rem;
  }
  h1 { font-size: 2.1rem; margin-top: 0; letter-spacing: -0.01em; }
  h2 { font-size: 1.45rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
  h3 { font-size: 1.15rem; }
  p, ul, ol, blockquote, table { margin: 0 0 1rem; }
  a { color: var(--accent); }
  blockquote {
    margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted);
  }
  hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
  table { border-collapse: collapse; font-size: 0.95rem; }
  th, td { border: 1px solid var(--rule); padding: 0.3rem 0.7rem; text-align: left; }
  th { background: var(--code-bg); }
  code, pre {
    font-family: "JetBrains Mono", "SF Mono", "Menlo", "DejaVu Sans Mono", "Consolas", monospace;
    font-size: 0.86rem;
  }
  :not(pre) > code { background: var(--code-bg); padding: 0.1rem 0.3rem; border-radius: 4px; }
  pre { margin: 0; white-space: pre; overflow-x: auto; line-height: 1.45; }
  pre.prose-code {
    background: var(--code-bg); padding: 0.8rem 1rem; border-radius: 6px; margin-bottom: 1rem;
  }
  .cell {
    margin: 1.4rem 0 1.8rem; border: 1px solid var(--rule); border-radius: 8px;
    overflow: hidden; background: var(--output-bg);
  }
  .cell-head {
    display: flex; gap: 0.5rem; align-items: center; padding: 0.35rem 0.9rem;
    background: var(--code-bg); border-bottom: 1px solid var(--rule);
    font: 0.75rem/1.4 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--muted);
  }
  .cell-number { font-weight: 600; letter-spacing: 0.03em; }
  .marker {
    background: var(--marker-bg); color: var(--accent); border-radius: 999px;
    padding: 0.05rem 0.55rem;
  }
  pre.code { background: var(--code-bg); padding: 0.7rem 0.9rem 0.9rem; }
  .code .k { color: var(--k); font-weight: 600; } .code .s { color: var(--s); }
  .code .n { color: var(--n); } .code .c { color: var(--c); font-style: italic; }
  .code .l { color: var(--l); } .code .f { color: var(--f); font-weight: 600; }
  .outputs { border-top: 1px solid var(--rule); padding: 0.6rem 0.9rem 0.8rem; }
  .outputs > * + * { margin-top: 0.5rem; }
  pre.text { color: var(--ink); }
  pre.timing, pre.progress { color: var(--muted); font-size: 0.78rem; }
  pre.error {
    color: var(--error); background: var(--error-bg); padding: 0.6rem 0.8rem;
    border-left: 3px solid var(--error); border-radius: 4px;
  }
  pre.code, pre.text, pre.error { white-space: pre-wrap; overflow-wrap: anywhere; }
  pre.chart { font-size: 0.8rem; line-height: 1.15; }
  figure.chart { margin: 0.3rem 0; }
  figure.chart svg { max-width: 100%; height: auto; display: block; }
  footer {
    margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule);
    color: var(--muted); font: 0.8rem/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  }
  @media print { .cell { break-inside: avoid; } main { max-width: none; } }
  """
