/// Data for trainbook: seeded generators, the bundled UCI sets, loaders, splits and batching.
public enum DatasetsModule {}
