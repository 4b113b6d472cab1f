/// Terminal line charts and heatmaps, and the same charts as SVG.
public enum ChartsModule {}
