/// Markdown notebooks: recording a session, replay and check, ipynb and HTML export.
public enum NotebookModule {}
