/// Guided lessons and exercises checked by outcome.
public enum LessonsModule {}
